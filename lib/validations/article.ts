import { z } from "zod";
import { readableText } from "@/lib/validations/text";

export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
export const ARTICLE_SOURCES = ["seed", "paste", "upload", "url", "api", "cli"] as const;

const optionalText = (max: number, field: string) =>
  readableText(z.string().trim().max(max), field)
    .optional()
    .nullable()
    .transform((value) => value || undefined);

/**
 * One article as every door hands it in (form, upload, URL import, API, CLI, seeds). The body is kept
 * exactly as given; it must hold readable text.
 */
export const articleInputSchema = z.object({
  body: readableText(z.string({ error: "body is required: the article's text." }), "body")
    .refine((body) => body.trim().length > 0, "body is empty: paste or upload the article's text.")
    .refine((body) => Buffer.byteLength(body, "utf8") <= MAX_ARTICLE_BYTES, {
      error: `body is over the size limit of ${MAX_ARTICLE_BYTES / 1024 / 1024} MB: split the text or trim it.`,
      params: { code: "too_large" },
    })
    .refine((body) => !body.includes("\u0000"), "body looks like a binary file, not text: upload a .txt, .md or .html file.")
    .refine((body) => !body.includes("\ufffd"), "body is not valid UTF-8 text: save the file as UTF-8 and try again."),
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
