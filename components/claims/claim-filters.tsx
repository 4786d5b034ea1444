import Link from "next/link";
import type { ClaimFilters } from "@/lib/validations/claims";
import { CLAIM_KINDS, KIND_LABEL, REVIEW_STATUSES, STATUS_LABEL } from "@/lib/validations/claims";

export type ClaimFiltersFormProps = {
  filters: ClaimFilters;
  options: {
    issues: { slug: string; title: string }[];
    outlets: { slug: string; name: string }[];
    speakers: { slug: string; name: string }[];
    teammates: { id: string; name: string | null; email: string }[];
  };
};

const FIELD = "mt-1 block w-full rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm";
const LABEL = "block text-xs font-medium text-gray-700";

/** The queue's filters as a plain GET form: the URL carries them, so a filtered queue can be shared and works without JavaScript. */
export function ClaimFiltersForm({ filters, options }: ClaimFiltersFormProps) {
  return (
    <form role="search" aria-label="Filter claims" action="/claims" className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-gray-200 bg-white p-3 md:grid-cols-5">
      <label className={LABEL}>
        Status
        <select name="status" defaultValue={filters.status ?? ""} className={FIELD}>
          <option value="">Any</option>
          {REVIEW_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABEL[status]}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        Issue
        <select name="issue" defaultValue={filters.issue ?? ""} className={FIELD}>
          <option value="">Any</option>
          {options.issues.map((issue) => (
            <option key={issue.slug} value={issue.slug}>
              {issue.title}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        Outlet
        <select name="outlet" defaultValue={filters.outlet ?? ""} className={FIELD}>
          <option value="">Any</option>
          {options.outlets.map((outlet) => (
            <option key={outlet.slug} value={outlet.slug}>
              {outlet.name}
            </option>
          ))}
          <option value="unattributed">Unattributed</option>
        </select>
      </label>
      <label className={LABEL}>
        Speaker
        <select name="speaker" defaultValue={filters.speaker ?? ""} className={FIELD}>
          <option value="">Any</option>
          {options.speakers.map((speaker) => (
            <option key={speaker.slug} value={speaker.slug}>
              {speaker.name}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        Kind
        <select name="kind" defaultValue={filters.kind ?? ""} className={FIELD}>
          <option value="">Any</option>
          {CLAIM_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABEL[kind]}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        Assignee
        <select name="assignee" defaultValue={filters.assignee ?? ""} className={FIELD}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="none">Nobody</option>
          {options.teammates.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name ?? user.email}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        Min. confidence
        <input name="minConfidence" type="number" min={0} max={1} step={0.05} defaultValue={filters.minConfidence ?? ""} className={FIELD} />
      </label>
      <label className={LABEL}>
        Max. confidence
        <input name="maxConfidence" type="number" min={0} max={1} step={0.05} defaultValue={filters.maxConfidence ?? ""} className={FIELD} />
      </label>
      <label className={LABEL}>
        Sort
        <select name="sort" defaultValue={filters.sort} className={FIELD}>
          <option value="confidence">Lowest confidence</option>
          <option value="-confidence">Highest confidence</option>
          <option value="-createdAt">Newest</option>
        </select>
      </label>
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800">
          Apply
        </button>
        <Link href="/claims" className="px-1 py-1.5 text-sm text-gray-700 underline-offset-2 hover:underline">
          Reset
        </Link>
      </div>
    </form>
  );
}
