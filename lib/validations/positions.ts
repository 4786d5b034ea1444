import { z } from "zod";

/** Dismissing a pair of contrasting positions: the issue and the two claims shown face to face. */
export const dismissContrastSchema = z
  .object({
    issue: z.string({ error: "Name the issue (its slug)." }).trim().min(1, "Name the issue (its slug).").max(200),
    a: z.string({ error: "Name the first claim of the pair." }).trim().min(1, "Name the first claim of the pair.").max(100),
    b: z.string({ error: "Name the second claim of the pair." }).trim().min(1, "Name the second claim of the pair.").max(100),
  })
  .refine((pair) => pair.a !== pair.b, { message: "A pair needs two different claims.", path: ["b"] });

export type DismissContrastInput = z.output<typeof dismissContrastSchema>;

const LISTED_STATUSES = ["unreviewed", "confirmed", "disputed", "false"] as const;

/**
 * The issue page's list of its claims: `status` (a review status; "not a claim" is never listed) and
 * `page` (1-based); `pairs=all` and `figures=all`, every contrasting pair and every disagreeing figure or
 * attribution rather than the first few. Unreadable values fall back to all statuses, the first page and
 * the first few, so old links open.
 */
export const issueClaimListSchema = z.object({
  pairs: z
    .string()
    .optional()
    .transform((value) => value === "all"),
  figures: z
    .string()
    .optional()
    .transform((value) => value === "all"),
  status: z
    .string()
    .optional()
    .transform((value) => ((LISTED_STATUSES as readonly string[]).includes(value ?? "") ? (value as (typeof LISTED_STATUSES)[number]) : undefined)),
  page: z
    .string()
    .optional()
    .transform((value) => (value && /^\d{1,6}$/.test(value) && Number(value) >= 1 ? Number(value) : 1)),
});

export type IssueClaimListParams = z.output<typeof issueClaimListSchema>;

export const ISSUE_CLAIM_STATUSES = LISTED_STATUSES;

/** Reads the list's parameters from a page's `searchParams` (the first value of each). */
export function parseIssueClaimList(params: Record<string, string | string[] | undefined>): IssueClaimListParams {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return issueClaimListSchema.parse({ status: first(params.status), page: first(params.page), pairs: first(params.pairs), figures: first(params.figures) });
}
