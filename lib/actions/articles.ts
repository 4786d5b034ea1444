"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { decodeArticleFile, ImportError } from "@/lib/import/files";
import { importFromUrl } from "@/lib/import/url";
import { MAX_ARTICLE_CLAIMS } from "@/lib/nlp/limits";
import { analyzeAfterResponse } from "@/lib/server/analysis-job";
import { IngestValidationError, ingestArticle, suggestArticleMetadata } from "@/lib/services/ingest";

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

export type PrepareState = { drafts?: DraftArticle[]; errors?: string[]; message?: string };

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

/**
 * Step one of adding articles: turns pasted text, uploaded files or a web address into drafts whose
 * metadata (outlet, title, date, byline) is suggested from the text, for the editor to check before saving.
 */
export async function prepareArticles(_previous: PrepareState, formData: FormData): Promise<PrepareState> {
  const caller = await authorizeAction("editor");
  if (!caller.user) return { message: caller.denied };
  const mode = formData.get("mode");
  try {
    if (mode === "paste") {
      const body = String(formData.get("body") ?? "");
      if (!body.trim()) return { message: "Paste the article's text first." };
      return { drafts: [draftFrom("paste", "paste", "Pasted text", { body })] };
    }
    if (mode === "url") {
      const address = String(formData.get("url") ?? "").trim();
      if (!address) return { message: "Enter the article's web address." };
      const imported = await importFromUrl(address);
      return { drafts: [draftFrom("url", "url", imported.url, imported)] };
    }
    if (mode === "upload") {
      const files = formData.getAll("files").filter((value): value is File => typeof value !== "string" && value.size > 0);
      if (files.length === 0) return { message: "Choose one or more .txt, .md or .html files." };
      const drafts: DraftArticle[] = [];
      const errors: string[] = [];
      for (const [index, file] of files.entries()) {
        try {
          drafts.push(draftFrom(`file-${index}`, "upload", file.name, decodeArticleFile(file.name, new Uint8Array(await file.arrayBuffer()))));
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          errors.push(error.message);
        }
      }
      return { drafts, errors };
    }
  } catch (error) {
    if (error instanceof ImportError) return { message: error.message };
    throw error;
  }
  return { message: "Choose how to add the article." };
}

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

export type SaveState = { results?: SaveResult[]; message?: string };

/** Step two: stores the checked drafts, each in one transaction with its claims. */
export async function saveArticles(_previous: SaveState, formData: FormData): Promise<SaveState> {
  const caller = await authorizeAction("editor");
  if (!caller.user) return { message: caller.denied };
  const user = caller.user;
  const parsed = z.array(draftSchema).min(1).safeParse(JSON.parse(String(formData.get("drafts") ?? "[]")));
  if (!parsed.success) return { message: "Nothing to save: add an article first." };
  const results: SaveResult[] = [];
  for (const draft of parsed.data) {
    try {
      const outcome = await ingestArticle(
        db,
        { body: draft.body, title: draft.title, outlet: draft.outlet, publishedAt: draft.publishedAt, url: draft.url, byline: draft.byline, force: draft.force },
        { source: draft.source, sourceFile: draft.source === "upload" ? draft.name : undefined, userId: user.id },
      );
      if (outcome.status === "stored") {
        const message = outcome.claimsOmitted > 0 ? `${outcome.claimsOmitted} more claims were over the cap of ${MAX_ARTICLE_CLAIMS.toLocaleString("en-US")} per article and were not kept.` : undefined;
        results.push({ key: draft.key, name: draft.name, status: "stored", articleId: outcome.id, claims: outcome.claims, message });
      }
      else if (outcome.status === "duplicate") results.push({ key: draft.key, name: draft.name, status: "duplicate", articleId: outcome.existingId });
      else results.push({ key: draft.key, name: draft.name, status: "near_duplicate", articleId: outcome.existingId, similarity: outcome.similarity });
    } catch (error) {
      if (!(error instanceof IngestValidationError)) throw error;
      results.push({ key: draft.key, name: draft.name, status: "error", message: error.message });
    }
  }
  if (results.some((result) => result.status === "stored")) analyzeAfterResponse();
  revalidatePath("/articles");
  revalidatePath("/");
  return { results };
}
