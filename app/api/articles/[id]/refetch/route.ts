import { NextResponse } from "next/server";
import { apiRoute, guardApi } from "@/lib/api/respond";
import { db } from "@/lib/db";
import { queueAnalysis } from "@/lib/analysis/run/job";
import { refetchArticle } from "@/lib/writes/article-versions";

/**
 * `POST /api/articles/[id]/refetch` (no body) → 200 `{id, status: "unchanged", version, url}` or
 * `{id, status: "updated", previousVersion, version, url, changes: {added, removed}, claims: {updated, added, removed, kept}}`.
 * Editors only. Fetches the article's URL again as the URL import does and stores a changed text as the
 * next version, exactly like `PUT /api/articles/[id]/text`. 422 `invalid` when the article has no URL;
 * the import's errors when the page cannot be had: 422 `url_not_allowed` (refused or unreachable
 * address), 504 `upstream_timeout`, 413 `too_large`, 502 `upstream_error` (with `upstreamStatus`), 422
 * `invalid` (not HTML or text); 409 when another article has the text or a newer text arrived meanwhile.
 */
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const guard = await guardApi(request, "editor");
  if (guard.response) return guard.response;
  const { id } = await params;
  const outcome = await refetchArticle(db, guard.user.id, id, { onAnalysisChange: queueAnalysis });
  return NextResponse.json({ id, ...outcome });
});
