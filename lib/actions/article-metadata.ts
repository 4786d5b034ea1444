"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { queueAnalysis } from "@/lib/analysis/run/job";
import { updateArticleMetadata } from "@/lib/writes/article-metadata";
import { newArticleVersion, refetchArticle, type NewVersion } from "@/lib/writes/article-versions";
import { articleEditSchema, newVersionSchema } from "@/lib/validations/article";

const FIELDS = ["outlet", "title", "publishedAt", "url", "byline"] as const;
const articleId = z.string().min(1, "Name the article.");

/** The article page's form: editors change its outlet, title, published date, URL and byline (blank clears). */
export const editArticleAction = defineAction(
  {
    role: "editor",
    schema: z.object({ articleId }).and(articleEditSchema),
    read: (formData) => ({
      articleId: String(formData.get("articleId") ?? ""),
      ...Object.fromEntries(FIELDS.map((field) => [field, String(formData.get(field) ?? "")])),
      version: formData.get("version") ?? undefined,
    }),
    keep: FIELDS,
  },
  async ({ articleId: id, ...input }, caller) => {
    const changed = await updateArticleMetadata(db, caller.id, id, input, { onAnalysisChange: queueAnalysis });
    revalidatePath(`/articles/${id}`);
    revalidatePath("/articles");
    return { message: changed.length > 0 ? "Saved. Briefs show the change after the analysis that has just started." : "Nothing changed." };
  },
);

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What a new version changed, for the form: "2 paragraphs added, 1 removed; 5 claims kept, 1 new, 1 gone." */
function versionSummary({ changes, claims }: NewVersion): string {
  return `${count(changes.added, "paragraph")} added, ${changes.removed} removed; ${count(claims.updated, "claim")} kept, ${claims.added} new, ${claims.removed} gone.`;
}

/** The article page's "new version" form: editors paste a newer text of the article. */
export const newVersionAction = defineAction(
  { role: "editor", schema: z.object({ articleId }).and(newVersionSchema), keep: ["text"] },
  async ({ articleId: id, text }, caller) => {
    const result = await newArticleVersion(db, caller.id, id, text, { onAnalysisChange: queueAnalysis });
    revalidatePath(`/articles/${id}`);
    return { message: `Saved as version ${result.version}: ${versionSummary(result)}` };
  },
);

/** The article page's "Check for a newer version": fetches the article's URL again; a changed text becomes the next version. */
export const refetchArticleAction = defineAction({ role: "editor", schema: z.object({ articleId }) }, async ({ articleId: id }, caller) => {
  const outcome = await refetchArticle(db, caller.id, id, { onAnalysisChange: queueAnalysis });
  if (outcome.status === "unchanged") return { message: `No change: the page has the same text as version ${outcome.version}. Nothing was stored.` };
  revalidatePath(`/articles/${id}`);
  return { message: `Updated: the page's text is now version ${outcome.version}. ${versionSummary(outcome)}` };
});
