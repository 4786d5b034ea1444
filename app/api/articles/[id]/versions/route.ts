import { NextResponse } from "next/server";
import { apiError, apiRoute, guardApi } from "@/lib/api/respond";
import { listArticleVersions } from "@/lib/data/article-versions";

/** `GET /api/articles/[id]/versions` → `{items: [{number, current, storedAt, replacedAt, replacedBy, charCount, text}], total}`, newest first. */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const { id } = await params;
  const versions = await listArticleVersions(id);
  if (!versions) return apiError("not_found", `No article has the id “${id}”.`);
  const items = versions.map((version) => ({
    number: version.number,
    current: version.isCurrent,
    storedAt: version.storedAt.toISOString(),
    replacedAt: version.replacedAt?.toISOString() ?? null,
    replacedBy: version.replacedBy,
    charCount: version.charCount,
    text: version.text,
  }));
  return NextResponse.json({ items, total: items.length });
});
