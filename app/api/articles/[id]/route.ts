import { NextResponse } from "next/server";
import { apiError, apiRoute, guardApi } from "@/lib/api/respond";
import { readJson } from "@/lib/api/read-json";
import { getArticle, getArticleClaims } from "@/lib/data/articles";
import { db } from "@/lib/db";
import { queueAnalysis } from "@/lib/analysis/run/job";
import { ArticleConflictError, updateArticleMetadata } from "@/lib/writes/article-metadata";
import { articleEditSchema } from "@/lib/validations/article";

type Context = { params: Promise<{ id: string }> };

async function articleJson(id: string) {
  const article = await getArticle(id);
  if (!article) return null;
  const claims = await getArticleClaims(id);
  return {
    id: article.id,
    title: article.title,
    label: article.label,
    version: article.version,
    outlet: article.outlet ? { slug: article.outlet.slug, name: article.outlet.name } : null,
    url: article.url,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    byline: article.byline,
    source: article.source,
    ingestedAt: article.ingestedAt.toISOString(),
    text: article.originalText,
    claims: claims.map((claim) => ({
      id: claim.id,
      kind: claim.kind,
      text: claim.text,
      start: claim.start,
      end: claim.end,
      speaker: claim.speaker,
      confidence: claim.confidence,
      status: claim.status,
      issues: claim.issues.map((issue) => issue.slug),
      figures: claim.figures,
    })),
  };
}

/** `GET /api/articles/[id]` → the article as ingested (text, outlet, dates) with its claims as they are now and their offsets. */
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const { id } = await params;
  const article = await articleJson(id);
  if (!article) return apiError("not_found", `No article has the id “${id}”.`);
  return NextResponse.json(article);
});

/**
 * `PATCH /api/articles/[id]` `{outlet?, title?, publishedAt?, url?, byline?, version?}` → 200 with the
 * article; 409 with the current article when `version` (as read) is no longer the article's. Editors only. `outlet` is a name (created if new); a blank or null field clears it. Each change is
 * audited, and the analysis runs again so briefs show the new names.
 */
export const PATCH = apiRoute(async (request: Request, { params }: Context) => {
  const guard = await guardApi(request, "editor");
  if (guard.response) return guard.response;
  const { id } = await params;
  const body = await readJson(request, articleEditSchema);
  if (!body.ok) return body.response;
  try {
    await updateArticleMetadata(db, guard.user.id, id, body.data, { onAnalysisChange: queueAnalysis });
  } catch (error) {
    if (error instanceof ArticleConflictError) return apiError("conflict", error.message, { current: await articleJson(id) });
    throw error;
  }
  return NextResponse.json(await articleJson(id));
});
