import { NextResponse } from "next/server";
import { apiError, apiRoute, guardApi } from "@/lib/api/respond";
import { getArticle, getArticleClaims } from "@/lib/data/articles";

/** `GET /api/articles/[id]` → the article as ingested (text, outlet, dates) with its claims and their offsets. */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const { id } = await params;
  const article = await getArticle(id);
  if (!article) return apiError("not_found", `No article has the id “${id}”.`);
  const claims = await getArticleClaims(id);
  return NextResponse.json({
    id: article.id,
    title: article.title,
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
  });
});
