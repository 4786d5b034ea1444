import Link from "next/link";
import type { FilterOptions } from "@/lib/data/briefs";
import type { BriefFilters } from "@/lib/validations/briefs";

export type FilterField = "issue" | "outlet" | "speaker" | "kind" | "dates";

export type FilterFormProps = {
  /** Where the form sends its GET request: the page itself. */
  action: string;
  filters: BriefFilters;
  options: FilterOptions;
  fields: FilterField[];
  /** Accessible name of the form, e.g. "Filter the dashboard". */
  label: string;
};

const KINDS = [
  { value: "quote", label: "Direct quotes" },
  { value: "reported", label: "Reported speech" },
  { value: "narration", label: "Narration" },
] as const;

const FIELD = "block w-full rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm";

/**
 * Filters as URL search parameters: a plain GET form, so a filtered view is a link that can be
 * bookmarked or shared, and it works without JavaScript.
 */
export function FilterForm({ action, filters, options, fields, label }: FilterFormProps) {
  const isFiltered = Boolean(filters.issue || filters.outlet || filters.speaker || filters.kind || filters.from || filters.to);
  const hasOutlet = !filters.outlet || options.sources.some((source) => source.key === filters.outlet);
  const hasSpeaker = !filters.speaker || options.speakers.some((speaker) => speaker.slug === filters.speaker);
  return (
    <form action={action} method="get" aria-label={label} className="mb-8 rounded-lg border border-gray-200 bg-white p-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6">
        {fields.includes("issue") ? (
          <div>
            <label htmlFor="filter-issue" className="mb-1 block text-xs font-medium text-gray-700">
              Issue
            </label>
            <select id="filter-issue" name="issue" defaultValue={filters.issue ?? ""} className={FIELD}>
              <option value="">All open issues</option>
              {options.issues.map((issue) => (
                <option key={issue.slug} value={issue.slug}>
                  {issue.title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {fields.includes("outlet") ? (
          <div>
            <label htmlFor="filter-outlet" className="mb-1 block text-xs font-medium text-gray-700">
              Outlet or article
            </label>
            <select id="filter-outlet" name="outlet" defaultValue={filters.outlet ?? ""} className={FIELD}>
              <option value="">All sources</option>
              {hasOutlet ? null : <option value={filters.outlet}>{filters.outlet}</option>}
              {options.sources.map((source) => (
                <option key={source.key} value={source.key}>
                  {source.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {fields.includes("speaker") ? (
          <div>
            <label htmlFor="filter-speaker" className="mb-1 block text-xs font-medium text-gray-700">
              Speaker
            </label>
            <select id="filter-speaker" name="speaker" defaultValue={filters.speaker ?? ""} className={FIELD}>
              <option value="">Anyone</option>
              {hasSpeaker ? null : <option value={filters.speaker}>{filters.speaker}</option>}
              {options.speakers.map((speaker) => (
                <option key={speaker.slug} value={speaker.slug}>
                  {speaker.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {fields.includes("kind") ? (
          <div>
            <label htmlFor="filter-kind" className="mb-1 block text-xs font-medium text-gray-700">
              Kind of claim
            </label>
            <select id="filter-kind" name="kind" defaultValue={filters.kind ?? ""} className={FIELD}>
              <option value="">Any kind</option>
              {KINDS.map((kind) => (
                <option key={kind.value} value={kind.value}>
                  {kind.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {fields.includes("dates") ? (
          <>
            <div>
              <label htmlFor="filter-from" className="mb-1 block text-xs font-medium text-gray-700">
                Published from
              </label>
              <input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} className={FIELD} />
            </div>
            <div>
              <label htmlFor="filter-to" className="mb-1 block text-xs font-medium text-gray-700">
                Published to
              </label>
              <input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} className={FIELD} />
            </div>
          </>
        ) : null}
      </div>
      <div className="mt-3 flex items-center gap-3">
        <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800">
          Apply filters
        </button>
        {isFiltered ? (
          <Link href={action} className="text-sm text-accent underline">
            Clear filters
          </Link>
        ) : null}
        {filters.from || filters.to ? <p className="text-xs text-gray-600">A date range leaves out articles without a publication date.</p> : null}
      </div>
    </form>
  );
}
