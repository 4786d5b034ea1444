import { NextResponse } from "next/server";
import { publicOrigin } from "@/lib/api/public-origin";
import { readJson, readQuery } from "@/lib/api/read-json";
import { apiRoute, guardApi } from "@/lib/api/respond";
import { db } from "@/lib/db";
import { createShareLink, listShareLinks, shareUrl } from "@/lib/writes/share-links";
import { createShareLinkSchema, shareListQuerySchema } from "@/lib/validations/share-links";

export const dynamic = "force-dynamic";

/**
 * `POST /api/share-links` `{target: {type: "issue", slug} | {type: "claim", id}, expiresInDays?: 1|7|30|null}`
 * → 201 `{id, url, expiresAt}`. The URL carries the token, which is shown only here. Editors and admins.
 */
export const POST = apiRoute(async (request: Request) => {
  const guard = await guardApi(request, "editor");
  if (guard.response) return guard.response;
  const body = await readJson(request, createShareLinkSchema);
  if (!body.ok) return body.response;
  const created = await createShareLink(db, guard.user, body.data);
  return NextResponse.json(
    { id: created.id, url: shareUrl(publicOrigin(request), created.token), expiresAt: created.expiresAt?.toISOString() ?? null },
    { status: 201 },
  );
});

/** `GET /api/share-links?limit=&cursor=` → `{items, total, nextCursor}`: the caller's links, or all for an admin. */
export const GET = apiRoute(async (request: Request) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const query = readQuery(request, (search) =>
    shareListQuerySchema.safeParse({ limit: search.get("limit") ?? undefined, cursor: search.get("cursor") ?? undefined }),
  );
  if (!query.ok) return query.response;
  const page = await listShareLinks(db, guard.user, query.data);
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
});
