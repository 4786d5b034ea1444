"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { decodeArticleFile, ImportError } from "@/lib/import/files";
import { importFromUrl } from "@/lib/import/url";
import { MAX_ARTICLE_CLAIMS } from "@/lib/nlp/limits";
import { afterArticlesStored, ingestBatchAndWait } from "@/lib/analysis/run/job";
import { AppError } from "@/lib/errors";
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

/** Up to this many drafts are stored in the request; a larger upload is handed to the job queue. */
const INLINE_DRAFTS = 10;
/** How long the form waits for a large upload's job before it says the rest goes on in the background. */
const BATCH_WAIT_MS = 5 * 60_000;

function omittedMessage(claimsOmitted: number | undefined): string | undefined {
  return claimsOmitted
    ? `${claimsOmitted} more claims were over the cap of ${MAX_ARTICLE_CLAIMS.toLocaleString("en-US")} per article and were not kept.`
    : undefined;
}

/** What a checked draft asks ingest to store. */
function draftInput(draft: z.infer<typeof draftSchema>) {
  return {
    body: draft.body,
    title: draft.title,
    outlet: draft.outlet,
    publishedAt: draft.publishedAt,
    url: draft.url,
    byline: draft.byline,
    force: draft.force,
  };
}

/**
 * A large upload: stored by a worker as one `ingest` job (not in this web process; retried if the worker
 * dies), while the form waits for its per-file results, answered in the same shape as a small one's.
 */
async function saveInBackground(drafts: z.infer<typeof draftSchema>[], userId: string): Promise<SaveResult[]> {
  const items = drafts.map((draft) => ({ input: draftInput(draft), sourceFile: draft.name }));
  const { results } = await ingestBatchAndWait(items, userId, BATCH_WAIT_MS);
  if (!results) {
    throw new AppError(
      "unavailable",
      `The ${drafts.length} files are still being stored in the background; they appear under Articles as they are stored. Reload the list in a few minutes.`,
    );
  }
  return drafts.map((draft, index): SaveResult => {
    const result = results[index];
    const base = { key: draft.key, name: draft.name };
    if (result?.status === "stored")
      return { ...base, status: "stored", articleId: result.id, claims: result.claims, message: omittedMessage(result.claimsOmitted) };
    if (result?.status === "duplicate") return { ...base, status: "duplicate", articleId: result.existingId };
    if (result?.status === "near_duplicate") return { ...base, status: "near_duplicate", articleId: result.existingId, similarity: result.similarity };
    return { ...base, status: "error", message: result?.message ?? "This file was not stored; try it again." };
  });
}

/** Step two: stores the checked drafts, each in one transaction with its claims (many drafts: by a job). */
export const saveArticles = defineAction(
  { role: "editor", schema: z.object({ drafts: z.array(draftSchema).min(1, "Nothing to save: add an article first.") }), read: parseDrafts },
  async ({ drafts }, user): Promise<{ data: SaveResult[] }> => {
    if (drafts.length > INLINE_DRAFTS) {
      // The job queues the analysis and the tagger's training itself once the articles are stored.
      const data = await saveInBackground(drafts, user.id);
      revalidatePath("/articles");
      revalidatePath("/");
      return { data };
    }
    const results: SaveResult[] = [];
    for (const draft of drafts) {
      try {
        const outcome = await ingestArticle(db, draftInput(draft), {
          source: draft.source,
          sourceFile: draft.source === "upload" ? draft.name : undefined,
          userId: user.id,
        });
        if (outcome.status === "stored") {
          const message = omittedMessage(outcome.claimsOmitted);
          results.push({ key: draft.key, name: draft.name, status: "stored", articleId: outcome.id, claims: outcome.claims, message });
        } else if (outcome.status === "duplicate") results.push({ key: draft.key, name: draft.name, status: "duplicate", articleId: outcome.existingId });
        else results.push({ key: draft.key, name: draft.name, status: "near_duplicate", articleId: outcome.existingId, similarity: outcome.similarity });
      } catch (error) {
        if (!(error instanceof IngestValidationError)) throw error;
        results.push({ key: draft.key, name: draft.name, status: "error", message: error.message });
      }
    }
    await afterArticlesStored(results.flatMap((result) => (result.status === "stored" && result.articleId ? [result.articleId] : [])));
    revalidatePath("/articles");
    revalidatePath("/");
    return { data: results };
  },
);
