import { NextResponse } from "next/server";
import { publicOrigin } from "@/lib/api/public-origin";
import { readJson } from "@/lib/api/read-json";
import { apiError, guardApi } from "@/lib/api/respond";
import { db } from "@/lib/db";
import { createShareLink, listShareLinks, shareUrl, ShareTargetNotFoundError } from "@/lib/services/share-links";
import { createShareLinkSchema, shareListQuerySchema } from "@/lib/validations/share-links";

export const dynamic = "force-dynamic";

/**
 * `POST /api/share-links` `{target: {type: "issue", slug} | {type: "claim", id}, expiresInDays?: 1|7|30|null}`
 * → 201 `{id, url, expiresAt}`. The URL carries the token, which is shown only here. Editors and admins.
 */
export async function POST(request: Request) {
  const guard = await guardApi(request, "editor");
  if (guard.response) return guard.response;
  const body = await readJson(request, createShareLinkSchema);
  if (!body.ok) return body.response;
  try {
    const created = await createShareLink(db, guard.user, body.data);
    return NextResponse.json({ id: created.id, url: shareUrl(publicOrigin(request), created.token), expiresAt: created.expiresAt?.toISOString() ?? null }, { status: 201 });
  } catch (error) {
    if (error instanceof ShareTargetNotFoundError) return apiError(404, "not_found", error.message);
    throw error;
  }
}

/** `GET /api/share-links?limit=&cursor=` → `{items, total, nextCursor}`: the caller's links, or all for an admin. */
export async function GET(request: Request) {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const search = new URL(request.url).searchParams;
  const query = shareListQuerySchema.parse({ limit: search.get("limit") ?? undefined, cursor: search.get("cursor") ?? undefined });
  const page = await listShareLinks(db, guard.user, query);
  return NextResponse.json({
    items: page.items.map((item) => ({
      ...item,
      createdAt: item.createdAt.toISOString(),
      expiresAt: item.expiresAt?.toISOString() ?? null,
      revokedAt: item.revokedAt?.toISOString() ?? null,
      lastOpenedAt: item.lastOpenedAt?.toISOString() ?? null,
    })),
    total: page.total,
    nextCursor: page.nextCursor,
  });
}
