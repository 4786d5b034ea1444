"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { decodeArticleFile, ImportError } from "@/lib/import/files";
import { importFromUrl } from "@/lib/import/url";
import { MAX_ARTICLE_CLAIMS } from "@/lib/nlp/limits";
import { afterArticlesStored } from "@/lib/analysis/run/job";
import { IngestValidationError, ingestArticle, suggestArticleMetadata } from "@/lib/writes/ingest";

export type DraftArticle = {
  key: string;
  source: "paste" | "upload" | "url";
  name: string;
  body: string;
  title: string;
  outlet: string;
  publishedAt: string;
  url: string;
  byline: string;
};

export type PreparedDrafts = { drafts: DraftArticle[]; errors: string[] };

function draftFrom(
  key: string,
  source: DraftArticle["source"],
  name: string,
  imported: { body: string; title?: string; outlet?: string; publishedAt?: string; byline?: string; url?: string },
): DraftArticle {
  const suggested = suggestArticleMetadata(imported.body);
  const published = imported.publishedAt ?? suggested.published ?? "";
  return {
    key,
    source,
    name,
    body: imported.body,
    title: imported.title ?? suggested.title ?? "",
    outlet: imported.outlet ?? suggested.outlet ?? "",
    publishedAt: published ? published.slice(0, 10) : "",
    url: imported.url ?? "",
    byline: imported.byline ?? suggested.byline ?? "",
  };
}

const prepareSchema = z.discriminatedUnion(
  "mode",
  [
    z.object({ mode: z.literal("paste"), body: z.string().refine((body) => body.trim().length > 0, "Paste the article's text first.") }),
    z.object({ mode: z.literal("url"), url: z.string().trim().min(1, "Enter the article's web address.") }),
    z.object({ mode: z.literal("upload"), files: z.array(z.instanceof(File)).min(1, "Choose one or more .txt, .md or .html files.") }),
  ],
  { error: "Choose how to add the article." },
);

/**
 * Step one of adding articles: turns pasted text, uploaded files or a web address into drafts whose
 * metadata (outlet, title, date, byline) is suggested from the text, for the editor to check before saving.
 */
export const prepareArticles = defineAction(
  {
    role: "editor",
    schema: prepareSchema,
    read: (formData) => ({
      mode: formData.get("mode"),
      body: String(formData.get("body") ?? ""),
      url: String(formData.get("url") ?? ""),
      files: formData.getAll("files").filter((value): value is File => typeof value !== "string" && value.size > 0),
    }),
  },
  async (input): Promise<{ data: PreparedDrafts }> => {
    if (input.mode === "paste") return { data: { drafts: [draftFrom("paste", "paste", "Pasted text", { body: input.body })], errors: [] } };
    if (input.mode === "url") {
      const imported = await importFromUrl(input.url);
      return { data: { drafts: [draftFrom("url", "url", imported.url, imported)], errors: [] } };
    }
    const drafts: DraftArticle[] = [];
    const errors: string[] = [];
    for (const [index, file] of input.files.entries()) {
      try {
        drafts.push(draftFrom(`file-${index}`, "upload", file.name, decodeArticleFile(file.name, new Uint8Array(await file.arrayBuffer()))));
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        errors.push(error.message);
      }
    }
    return { data: { drafts, errors } };
  },
);

const draftSchema = z.object({
  key: z.string(),
  source: z.enum(["paste", "upload", "url"]),
  name: z.string(),
  body: z.string(),
  title: z.string(),
  outlet: z.string(),
  publishedAt: z.string(),
  url: z.string(),
  byline: z.string(),
  force: z.boolean().optional(),
});

export type SaveResult = {
  key: string;
  name: string;
  status: "stored" | "duplicate" | "near_duplicate" | "error";
  articleId?: string;
  claims?: number;
  similarity?: number;
  message?: string;
};

function parseDrafts(formData: FormData): unknown {
  try {
    return { drafts: JSON.parse(String(formData.get("drafts") ?? "[]")) };
  } catch {
    return { drafts: [] };
  }
}

/** Step two: stores the checked drafts, each in one transaction with its claims. */
export const saveArticles = defineAction(
  { role: "editor", schema: z.object({ drafts: z.array(draftSchema).min(1, "Nothing to save: add an article first.") }), read: parseDrafts },
  async ({ drafts }, user): Promise<{ data: SaveResult[] }> => {
    const results: SaveResult[] = [];
    for (const draft of drafts) {
      try {
        const outcome = await ingestArticle(
          db,
          {
            body: draft.body,
            title: draft.title,
            outlet: draft.outlet,
            publishedAt: draft.publishedAt,
            url: draft.url,
            byline: draft.byline,
            force: draft.force,
          },
          { source: draft.source, sourceFile: draft.source === "upload" ? draft.name : undefined, userId: user.id },
        );
        if (outcome.status === "stored") {
          const message =
            outcome.claimsOmitted > 0
              ? `${outcome.claimsOmitted} more claims were over the cap of ${MAX_ARTICLE_CLAIMS.toLocaleString("en-US")} per article and were not kept.`
              : undefined;
          results.push({ key: draft.key, name: draft.name, status: "stored", articleId: outcome.id, claims: outcome.claims, message });
        } else if (outcome.status === "duplicate") results.push({ key: draft.key, name: draft.name, status: "duplicate", articleId: outcome.existingId });
        else results.push({ key: draft.key, name: draft.name, status: "near_duplicate", articleId: outcome.existingId, similarity: outcome.similarity });
      } catch (error) {
        if (!(error instanceof IngestValidationError)) throw error;
        results.push({ key: draft.key, name: draft.name, status: "error", message: error.message });
      }
    }
    afterArticlesStored(results.flatMap((result) => (result.status === "stored" && result.articleId ? [result.articleId] : [])));
    revalidatePath("/articles");
    revalidatePath("/");
    return { data: results };
  },
);
