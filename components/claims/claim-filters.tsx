import Link from "next/link";
import { SpeakerField } from "@/components/claims/speaker-field";
import { SelectField } from "@/components/ui/select-field";
import type { ClaimFilters } from "@/lib/validations/claims";
import { CLAIM_KINDS, KIND_LABEL, REVIEW_STATUSES, STATUS_LABEL } from "@/lib/validations/claims";

export type ClaimFiltersFormProps = {
  filters: ClaimFilters;
  /** The name of the speaker filtered on (the URL may name them by slug or id); what was typed when no speaker has it. */
  speakerName?: string;
  options: {
    issues: { slug: string; title: string }[];
    outlets: { slug: string; name: string }[];
    /** Suggested speakers (the most quoted), not all of them. */
    speakers: { slug: string; name: string }[];
    teammates: { id: string; name: string | null; email: string }[];
  };
};

const FIELD = "block w-full rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm";
const LABEL = "mb-1 block text-xs font-medium text-gray-700";

const STATUS_OPTIONS = REVIEW_STATUSES.map((status) => ({ value: status, label: STATUS_LABEL[status] }));
const KIND_OPTIONS = CLAIM_KINDS.map((kind) => ({ value: kind, label: KIND_LABEL[kind] }));
const SORT_OPTIONS = [
  { value: "confidence", label: "Lowest confidence" },
  { value: "-confidence", label: "Highest confidence" },
  { value: "-createdAt", label: "Newest" },
] as const;

/** The queue's filters as a plain GET form: the URL carries them, so a filtered queue can be shared and works without JavaScript. */
export function ClaimFiltersForm({ filters, speakerName, options }: ClaimFiltersFormProps) {
  const issues = options.issues.map((issue) => ({ value: issue.slug, label: issue.title }));
  const outlets = [...options.outlets.map((outlet) => ({ value: outlet.slug, label: outlet.name })), { value: "unattributed", label: "Unattributed" }];
  const assignees = [
    { value: "me", label: "Me" },
    { value: "none", label: "Nobody" },
    ...options.teammates.map((user) => ({ value: user.id, label: user.name ?? user.email })),
  ];
  return (
    <form
      role="search"
      aria-label="Filter claims"
      action="/claims"
      className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-gray-200 bg-white p-3 md:grid-cols-5"
    >
      <div className="col-span-2 md:col-span-5">
        <label htmlFor="claims-q" className={LABEL}>
          Search claim text
        </label>
        <input
          id="claims-q"
          name="q"
          type="search"
          maxLength={200}
          defaultValue={filters.q ?? ""}
          placeholder="Words in the claim, or their beginnings, e.g. ceasefire"
          className={FIELD}
        />
      </div>
      <SelectField id="claims-status" name="status" label="Status" defaultValue={filters.status} anyLabel="Any" options={STATUS_OPTIONS} />
      <SelectField id="claims-issue" name="issue" label="Issue" defaultValue={filters.issue} anyLabel="Any" options={issues} />
      <SelectField id="claims-outlet" name="outlet" label="Outlet" defaultValue={filters.outlet} anyLabel="Any" options={outlets} />
      <SpeakerField id="claims-speaker" name="speaker" label="Speaker" defaultValue={speakerName} suggestions={options.speakers} />
      <SelectField id="claims-kind" name="kind" label="Kind" defaultValue={filters.kind} anyLabel="Any" options={KIND_OPTIONS} />
      <SelectField id="claims-assignee" name="assignee" label="Assignee" defaultValue={filters.assignee} anyLabel="Anyone" options={assignees} />
      <div>
        <label htmlFor="claims-min-confidence" className={LABEL}>
          Min. confidence
        </label>
        <input
          id="claims-min-confidence"
          name="minConfidence"
          type="number"
          min={0}
          max={1}
          step={0.05}
          defaultValue={filters.minConfidence ?? ""}
          className={FIELD}
        />
      </div>
      <div>
        <label htmlFor="claims-max-confidence" className={LABEL}>
          Max. confidence
        </label>
        <input
          id="claims-max-confidence"
          name="maxConfidence"
          type="number"
          min={0}
          max={1}
          step={0.05}
          defaultValue={filters.maxConfidence ?? ""}
          className={FIELD}
        />
      </div>
      <SelectField id="claims-sort" name="sort" label="Sort" defaultValue={filters.sort} options={SORT_OPTIONS} />
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
