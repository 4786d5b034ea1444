import { z } from "zod";

const CLAIM_KINDS = ["quote", "reported", "narration"] as const;

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value && value.length <= 200 ? value : undefined));

/** A real YYYY-MM-DD day ("2026-02-30" is not). */
function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

const optionalDay = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value && isCalendarDay(value) ? value : undefined));

/**
 * Filters of the dashboard, the issue briefs and their API, as URL search parameters so a view can be
 * bookmarked: `outlet` (a source key: an outlet's slug, or `article:<id>`), `speaker` (a speaker's slug),
 * `kind`, `issue` (a slug), `from` and `to` (publication days, inclusive, YYYY-MM-DD), and `undated=include`
 * (a date range also lets through articles without a publication date, which it otherwise leaves out).
 * Anything unreadable is ignored rather than refused, so an old bookmark still opens.
 */
export const briefFiltersSchema = z.object({
  outlet: optionalText,
  speaker: optionalText,
  kind: z
    .string()
    .optional()
    .transform((value) => ((CLAIM_KINDS as readonly string[]).includes(value ?? "") ? (value as (typeof CLAIM_KINDS)[number]) : undefined)),
  issue: optionalText,
  from: optionalDay,
  to: optionalDay,
  undated: z
    .string()
    .optional()
    .transform((value) => (value === "include" ? ("include" as const) : undefined)),
});

export type BriefFilters = z.output<typeof briefFiltersSchema>;

/** Reads the filters from a page's `searchParams` or a request's `URLSearchParams` (the first value of each). */
export function parseBriefFilters(params: URLSearchParams | Record<string, string | string[] | undefined>): BriefFilters {
  const get = (name: string) => {
    const value = params instanceof URLSearchParams ? params.get(name) : params[name];
    return (Array.isArray(value) ? value[0] : value) ?? undefined;
  };
  return briefFiltersSchema.parse({
    outlet: get("outlet"),
    speaker: get("speaker"),
    kind: get("kind"),
    issue: get("issue"),
    from: get("from"),
    to: get("to"),
    undated: get("undated"),
  });
}

/** Whether a date range leaves out articles without a publication date. */
export function leavesOutUndated(filters: BriefFilters): boolean {
  return Boolean((filters.from || filters.to) && filters.undated !== "include");
}

/** Whether any filter narrowing claims is set (`issue` aside). */
export function hasClaimFilters(filters: BriefFilters): boolean {
  return Boolean(filters.outlet || filters.speaker || filters.kind || filters.from || filters.to);
}

/** How many of a cluster's claims `GET /api/clusters/[id]` gives at once, by default and at most. */
export const CLUSTER_PAGE = { size: 12, max: 50 };

/** A query parameter holding a whole number in [min, max]; the API answers "name: must be …" otherwise. */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `must be a whole number from ${min} to ${max}`);

/** A page of a cluster's claims: `offset` (how many to skip, default 0) and `limit` (default {@link CLUSTER_PAGE}.size). */
export const clusterPageSchema = z.object({
  offset: wholeNumber(0, 100_000_000).default(0),
  limit: wholeNumber(1, CLUSTER_PAGE.max).default(CLUSTER_PAGE.size),
});

export function parseClusterPage(params: URLSearchParams) {
  return clusterPageSchema.safeParse({ offset: params.get("offset") ?? undefined, limit: params.get("limit") ?? undefined });
}
