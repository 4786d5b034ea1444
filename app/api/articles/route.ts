import { NextResponse } from "next/server";
import { guardApi } from "@/lib/api/respond";
import { listArticles } from "@/lib/data/articles";

/** `GET /api/articles?limit=&cursor=&q=` → `{items, total, nextCursor}`. */
export async function GET(request: Request) {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const params = new URL(request.url).searchParams;
  const limit = Number(params.get("limit") ?? 50);
  const { items, total, nextCursor } = await listArticles({
    limit: Number.isFinite(limit) ? limit : 50,
    cursor: params.get("cursor") ?? undefined,
    query: params.get("q") ?? undefined,
  });
  return NextResponse.json({
    items: items.map((item) => ({
      id: item.id,
      title: item.title,
      label: item.label,
      outlet: item.outlet ? { slug: item.outlet.slug, name: item.outlet.name } : null,
      url: item.url,
      publishedAt: item.publishedAt?.toISOString() ?? null,
      byline: item.byline,
      charCount: item.charCount,
      wordCount: item.wordCount,
      claimCount: item.claimCount,
      source: item.source,
      ingestedAt: item.ingestedAt.toISOString(),
    })),
    total,
    nextCursor: nextCursor ?? null,
  });
}
