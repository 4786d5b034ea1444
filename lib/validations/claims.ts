import { z } from "zod";
import { readableText } from "@/lib/validations/text";

export const REVIEW_STATUSES = ["unreviewed", "confirmed", "disputed", "false", "not_a_claim"] as const;
export const CLAIM_KINDS = ["quote", "reported", "narration"] as const;

export const STATUS_LABEL: Record<(typeof REVIEW_STATUSES)[number], string> = {
  unreviewed: "Unreviewed",
  confirmed: "Confirmed",
  disputed: "Disputed",
  false: "False",
  not_a_claim: "Not a claim",
};

export const KIND_LABEL: Record<(typeof CLAIM_KINDS)[number], string> = {
  quote: "Direct quote",
  reported: "Reported speech",
  narration: "Narration",
};

export const reviewStatusSchema = z.enum(REVIEW_STATUSES, { error: `Status must be one of: ${REVIEW_STATUSES.join(", ")}.` });
export const claimKindSchema = z.enum(CLAIM_KINDS, { error: `Kind must be one of: ${CLAIM_KINDS.join(", ")}.` });

/**
 * Editors' corrections, an overlay on the pipeline's output. A field set to `null` removes that
 * correction (the pipeline's value shows again); an absent field is left as it is.
 */
export const correctionsSchema = z
  .object({
    speakerId: z.string().min(1).nullable().optional(),
    kind: claimKindSchema.nullable().optional(),
    issues: z.array(z.string().trim().min(1).max(100)).max(50).nullable().optional(),
    start: z.number().int().min(0).nullable().optional(),
    end: z.number().int().min(0).nullable().optional(),
  })
  .strict()
  .refine((value) => value.start == null || value.end == null || value.start < value.end, {
    message: "The span's start must come before its end.",
    path: ["end"],
  });

export type CorrectionsInput = z.infer<typeof correctionsSchema>;

export const claimUpdateSchema = z
  .object({
    status: reviewStatusSchema.optional(),
    comment: readableText(z.string().trim().max(2000, "Comments can have at most 2000 characters."), "comment").optional(),
    assigneeId: z.string().min(1).nullable().optional(),
    corrections: correctionsSchema.optional(),
    version: z.number({ error: "Send the claim's `version` you last read, for optimistic locking." }).int().min(1),
  })
  .strict();

export type ClaimUpdateInput = z.infer<typeof claimUpdateSchema>;

export const bulkStatusSchema = z.object({
  ids: z.array(z.string().min(1)).min(1, "Select at least one claim.").max(500, "Change at most 500 claims at once."),
  status: reviewStatusSchema,
  comment: readableText(z.string().trim().max(2000), "comment").optional(),
});

export const CLAIM_SORTS = ["confidence", "-confidence", "-createdAt"] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => (value ? value : undefined));

const optionalNumber = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return undefined;
    const number = Number(value);
    if (!Number.isFinite(number) || number < 0 || number > 1) {
      context.addIssue({ code: "custom", message: "Confidence bounds are numbers from 0 to 1." });
      return z.NEVER;
    }
    return number;
  });

/** Filters of the review queue and `GET /api/claims`, as URL search parameters. */
export const claimFiltersSchema = z.object({
  articleId: optionalText,
  /** Words the claim's text has, each as a word's beginning in any case or form, all of them (`searchQuery` in lib/data/claims.ts), e.g. "security guarantees". */
  q: optionalText,
  issue: optionalText,
  outlet: optionalText,
  speaker: optionalText,
  status: z
    .union([reviewStatusSchema, z.literal("")])
    .optional()
    .transform((value) => (value ? value : undefined)),
  kind: z
    .union([claimKindSchema, z.literal("")])
    .optional()
    .transform((value) => (value ? value : undefined)),
  assignee: optionalText,
  minConfidence: optionalNumber,
  maxConfidence: optionalNumber,
  sort: z
    .union([z.enum(CLAIM_SORTS), z.literal("")])
    .optional()
    .transform((value) => (value ? value : "confidence")),
  limit: z
    .string()
    .optional()
    .transform((value) => {
      const number = Number(value ?? 50);
      return Number.isFinite(number) ? Math.min(Math.max(Math.trunc(number), 1), 200) : 50;
    }),
  cursor: optionalText,
});

export type ClaimFilters = z.output<typeof claimFiltersSchema>;

/** Parses URL search parameters (a page's `searchParams` or a request URL's) into filters. */
export function parseClaimFilters(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const record: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    params.forEach((value, key) => {
      record[key] = value;
    });
  } else {
    for (const [key, value] of Object.entries(params)) {
      const first = Array.isArray(value) ? value[0] : value;
      if (first !== undefined) record[key] = first;
    }
  }
  return claimFiltersSchema.safeParse(record);
}
