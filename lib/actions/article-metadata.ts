"use server";

import { revalidatePath } from "next/cache";
import { authorizeAction } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { analyzeAfterResponse } from "@/lib/server/analysis-job";
import { ArticleConflictError, ArticleNotFoundError, updateArticleMetadata } from "@/lib/services/article-metadata";
import { newArticleVersion, VersionError, type NewVersion } from "@/lib/services/article-versions";
import { articleEditSchema, newVersionSchema } from "@/lib/validations/article";

/** A form's outcome; on an error, `values` holds what was sent, so the form shows it again to be fixed. */
export type ArticleEditState = { status?: "ok" | "error"; message?: string; savedAt?: number; values?: Record<string, string> };

const FIELDS = ["outlet", "title", "publishedAt", "url", "byline"] as const;

/** The article page's form: editors change its outlet, title, published date, URL and byline (blank clears). */
export async function editArticleAction(_previous: ArticleEditState, formData: FormData): Promise<ArticleEditState> {
  const caller = await authorizeAction("editor");
  if (!caller.user) return { status: "error", message: caller.denied };
  const articleId = String(formData.get("articleId") ?? "");
  const values = Object.fromEntries(FIELDS.map((field) => [field, String(formData.get(field) ?? "")]));
  const parsed = articleEditSchema.safeParse({ ...values, version: formData.get("version") ?? undefined });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message, values };
  let changed: string[];
  try {
    changed = await updateArticleMetadata(db, caller.user.id, articleId, parsed.data, { onAnalysisChange: analyzeAfterResponse });
  } catch (error) {
    if (error instanceof ArticleNotFoundError || error instanceof ArticleConflictError) return { status: "error", message: error.message, values };
    throw error;
  }
  revalidatePath(`/articles/${articleId}`);
  revalidatePath("/articles");
  return { status: "ok", message: changed.length > 0 ? "Saved. Briefs show the change after the analysis that has just started." : "Nothing changed.", savedAt: Date.now() };
}

/** The article page's "new version" form: editors paste a newer text of the article. */
export async function newVersionAction(_previous: ArticleEditState, formData: FormData): Promise<ArticleEditState> {
  const caller = await authorizeAction("editor");
  if (!caller.user) return { status: "error", message: caller.denied };
  const articleId = String(formData.get("articleId") ?? "");
  const text = String(formData.get("text") ?? "");
  const parsed = newVersionSchema.safeParse({ text });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message, values: { text } };
  let result: NewVersion;
  try {
    result = await newArticleVersion(db, caller.user.id, articleId, parsed.data.text, { onAnalysisChange: analyzeAfterResponse });
  } catch (error) {
    if (error instanceof ArticleNotFoundError || error instanceof VersionError) return { status: "error", message: error.message, values: { text } };
    throw error;
  }
  revalidatePath(`/articles/${articleId}`);
  const { claims } = result;
  return { status: "ok", message: `Saved as version ${result.version}: ${claims.updated} claims kept, ${claims.added} new, ${claims.removed} gone.`, savedAt: Date.now() };
}
