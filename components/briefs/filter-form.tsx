import Link from "next/link";
import { SelectField } from "@/components/ui/select-field";
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
  /** Articles without a publication date the date range leaves out. */
  undatedLeftOut?: number;
};

/** The page's address with these filters, changed by `change`. */
function filtersHref(action: string, filters: BriefFilters, change: Partial<Record<keyof BriefFilters, string | undefined>>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...change })) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `${action}?${text}` : action;
}

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
export function FilterForm({ action, filters, options, fields, label, undatedLeftOut = 0 }: FilterFormProps) {
  const isFiltered = Boolean(filters.issue || filters.outlet || filters.speaker || filters.kind || filters.from || filters.to || filters.undated);
  const issues = options.issues.map((issue) => ({ value: issue.slug, label: issue.title }));
  const sources = options.sources.map((source) => ({ value: source.key, label: source.name }));
  const speakers = options.speakers.map((speaker) => ({ value: speaker.slug, label: speaker.name }));
  return (
    <form key={JSON.stringify(filters)} action={action} method="get" aria-label={label} className="mb-8 rounded-lg border border-gray-200 bg-white p-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6">
        {fields.includes("issue") ? (
          <SelectField id="filter-issue" name="issue" label="Issue" defaultValue={filters.issue} anyLabel="All open issues" options={issues} />
        ) : null}
        {fields.includes("outlet") ? (
          <SelectField
            id="filter-outlet"
            name="outlet"
            label="Outlet or article"
            defaultValue={filters.outlet}
            anyLabel="All sources"
            options={sources}
            keepsUnknownValue
          />
        ) : null}
        {fields.includes("speaker") ? (
          <SelectField
            id="filter-speaker"
            name="speaker"
            label="Speaker"
            defaultValue={filters.speaker}
            anyLabel="Anyone"
            options={speakers}
            keepsUnknownValue
          />
        ) : null}
        {fields.includes("kind") ? (
          <SelectField id="filter-kind" name="kind" label="Kind of claim" defaultValue={filters.kind} anyLabel="Any kind" options={KINDS} />
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
            <div className="flex items-center gap-2 sm:col-span-2 lg:col-span-6">
              <input id="filter-undated" name="undated" type="checkbox" value="include" defaultChecked={filters.undated === "include"} className="size-4" />
              <label htmlFor="filter-undated" className="text-sm text-gray-700">
                With a date range, also include articles without a publication date
              </label>
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
      </div>
      {(filters.from || filters.to) && filters.undated !== "include" ? (
        <p className="mt-3 text-sm text-gray-700" data-testid="undated-left-out">
          {undatedLeftOut > 0
            ? `This date range leaves out ${undatedLeftOut === 1 ? "1 article" : `${undatedLeftOut} articles`} without a publication date. `
            : "No article without a publication date is left out by this date range. "}
          {undatedLeftOut > 0 ? (
            <Link href={filtersHref(action, filters, { undated: "include" })} className="font-medium text-accent underline">
              Include them
            </Link>
          ) : null}
        </p>
      ) : null}
      {(filters.from || filters.to) && filters.undated === "include" ? (
        <p className="mt-3 text-sm text-gray-700" data-testid="undated-included">
          Articles without a publication date are included.{" "}
          <Link href={filtersHref(action, filters, { undated: undefined })} className="font-medium text-accent underline">
            Leave them out
          </Link>
        </p>
      ) : null}
    </form>
  );
}
