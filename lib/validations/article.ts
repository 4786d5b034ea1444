import { z } from "zod";
import { readableText } from "@/lib/validations/text";

export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
export const ARTICLE_SOURCES = ["seed", "paste", "upload", "url", "api", "cli"] as const;

const optionalText = (max: number, field: string) =>
  readableText(z.string().trim().max(max), field)
    .optional()
    .nullable()
    .transform((value) => value || undefined);

/** An article's text as every door takes it in; messages name `field` (the API's name for it). */
export function articleTextSchema(field: string) {
  return readableText(z.string({ error: `${field} is required: the article's text.` }), field)
    .refine((body) => body.trim().length > 0, `${field} is empty: paste or upload the article's text.`)
    .refine((body) => Buffer.byteLength(body, "utf8") <= MAX_ARTICLE_BYTES, {
      error: `${field} is over the size limit of ${MAX_ARTICLE_BYTES / 1024 / 1024} MB: split the text or trim it.`,
      params: { code: "too_large" },
    })
    .refine((body) => !body.includes("\u0000"), `${field} looks like a binary file, not text: upload a .txt, .md or .html file.`)
    .refine((body) => !body.includes("\ufffd"), `${field} is not valid UTF-8 text: save the file as UTF-8 and try again.`);
}

/**
 * One article as every door hands it in (form, upload, URL import, API, CLI, seeds). The body is kept
 * exactly as given; it must hold readable text.
 */
export const articleInputSchema = z.object({
  body: articleTextSchema("body"),
  title: optionalText(500, "title"),
  outlet: optionalText(200, "outlet"),
  url: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((value) => value || undefined)
    .pipe(z.url({ protocol: /^https?$/, error: "url must be an http(s) address." }).optional()),
  publishedAt: z
    .union([z.string(), z.date()])
    .optional()
    .nullable()
    .transform((value, ctx) => {
      if (value === undefined || value === null || value === "") return undefined;
      const date = value instanceof Date ? value : new Date(value);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: "custom", message: "publishedAt must be a date, like 2025-12-28." });
        return z.NEVER;
      }
      return date;
    }),
  byline: optionalText(500, "byline"),
  force: z.boolean().optional(),
});

export type ArticleInput = z.input<typeof articleInputSchema>;
export type ValidArticle = z.output<typeof articleInputSchema>;

/** A metadata field an editor may clear: blank or null clears it, absent leaves it as it is. */
const clearableText = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text.` })
    .trim()
    .max(max, `${field} is longer than ${max} characters: shorten it.`)
    .nullable()
    .optional()
    .transform((value) => (value === undefined ? undefined : value || null));

/**
 * An editor's change to an article's metadata (`PATCH /api/articles/[id]` and the article page's form).
 * Each field is optional; a blank or null field clears it (the outlet then becomes "Unattributed").
 * `outlet` is a name, matched to an existing outlet or created; `version` locks the change to the text
 * the caller read.
 */
export const articleEditSchema = z
  .object({
    outlet: clearableText("outlet", 200),
    title: clearableText("title", 500),
    byline: clearableText("byline", 500),
    url: z
      .string({ error: "url must be text." })
      .trim()
      .nullable()
      .optional()
      .transform((value) => (value === undefined ? undefined : value || null))
      .pipe(
        z
          .url({ protocol: /^https?$/, error: "url must be an http(s) address, like https://example.com/story." })
          .nullable()
          .optional(),
      ),
    publishedAt: z
      .string({ error: "publishedAt must be a date, like 2025-12-28." })
      .trim()
      .nullable()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return undefined;
        if (!value) return null;
        const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
        if (Number.isNaN(date.getTime())) {
          ctx.addIssue({ code: "custom", message: "publishedAt must be a date, like 2025-12-28." });
          return z.NEVER;
        }
        return date;
      }),
    /** The article's version as the caller read it: when given, a newer text stored meanwhile is a conflict. */
    version: z.coerce
      .number({ error: "version must be the article's version number." })
      .int("version must be a whole number.")
      .positive("version must be 1 or more.")
      .optional(),
  })
  .strict()
  .refine(
    ({ version: _version, ...fields }) => Object.values(fields).some((field) => field !== undefined),
    "Send at least one of outlet, title, publishedAt, url, byline.",
  );

export type ArticleEditInput = z.output<typeof articleEditSchema>;

/** An outlet's site address: a host name, given bare or as a web address ("example.com", "https://www.example.com/"). */
export const outletDomainSchema = z
  .string()
  .trim()
  .max(253, "domain is too long: give the site's host name, like example.com.")
  .transform((value, ctx) => {
    if (!value) return null;
    let host: string;
    try {
      host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`).hostname.toLowerCase();
    } catch {
      host = "";
    }
    if (!/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/.test(host)) {
      ctx.addIssue({ code: "custom", message: "domain must be a site's host name, like example.com." });
      return z.NEVER;
    }
    return host.replace(/^www\./, "");
  });

export const outletRenameSchema = z.object({
  outletId: z.string().min(1, "Choose an outlet."),
  name: z.string().trim().min(1, "name is empty: give the outlet's name.").max(200, "name is longer than 200 characters: shorten it."),
});

export const outletMergeSchema = z
  .object({ outletId: z.string().min(1, "Choose the outlet to merge."), intoId: z.string().min(1, "Choose the outlet to merge it into.") })
  .refine((value) => value.outletId !== value.intoId, { message: "Choose two different outlets to merge.", path: ["intoId"] });

/** A newer text of an article (`PUT /api/articles/[id]/text` and the article page's form). */
export const newVersionSchema = z.object({ text: articleTextSchema("text") }).strict();
