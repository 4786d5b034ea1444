import { z } from "zod";

export const SHARE_EXPIRY_DAYS = [1, 7, 30] as const;
export type ShareExpiryDays = (typeof SHARE_EXPIRY_DAYS)[number];

export const EXPIRY_LABEL: Record<ShareExpiryDays | "never", string> = { 1: "1 day", 7: "7 days", 30: "30 days", never: "Never" };

export const shareTargetSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("issue"), slug: z.string().trim().min(1, "Give the issue's slug.").max(200) }),
    z.object({ type: z.literal("claim"), id: z.string().trim().min(1, "Give the claim's id.").max(200) }),
  ],
  { error: 'target must be {type: "issue", slug} or {type: "claim", id}.' },
);

export type ShareTargetInput = z.infer<typeof shareTargetSchema>;

/**
 * `POST /api/share-links` and the share dialog: what to share and for how long. `expiresInDays` is 1, 7
 * or 30; null or absent means the link never expires (it can still be revoked).
 */
export const createShareLinkSchema = z
  .object({
    target: shareTargetSchema,
    expiresInDays: z
      .union([z.literal(1), z.literal(7), z.literal(30)], { error: "expiresInDays must be 1, 7, 30 or null (never)." })
      .nullable()
      .optional()
      .transform((value) => value ?? null),
  })
  .strict();

export type CreateShareLinkInput = z.output<typeof createShareLinkSchema>;

/** The share dialog's form fields (`targetType`, `target`, `expiresInDays` = "1" | "7" | "30" | "never") as the API's input. */
export function shareFormInput(formData: FormData): unknown {
  const type = formData.get("targetType");
  const target = String(formData.get("target") ?? "");
  const expiry = String(formData.get("expiresInDays") ?? "never");
  return {
    target: type === "issue" ? { type, slug: target } : type === "claim" ? { type, id: target } : { type },
    expiresInDays: expiry === "never" || expiry === "" ? null : Number(expiry),
  };
}

/** `GET /api/share-links?limit=&cursor=`. */
export const shareListQuerySchema = z.object({
  limit: z
    .string()
    .optional()
    .transform((value) => {
      const number = Number(value ?? 50);
      return Number.isFinite(number) ? Math.min(Math.max(Math.trunc(number), 1), 200) : 50;
    }),
  cursor: z.string().trim().max(500).optional(),
});
