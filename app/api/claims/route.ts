import { NextResponse } from "next/server";
import { readQuery } from "@/lib/api/read-json";
import { apiRoute, guardApi } from "@/lib/api/respond";
import { listClaims } from "@/lib/data/claims";
import { parseClaimFilters } from "@/lib/validations/claims";

export const dynamic = "force-dynamic";

/**
 * `GET /api/claims?articleId=&issue=&outlet=&speaker=&status=&kind=&assignee=&minConfidence=&maxConfidence=&sort=&limit=&cursor=`
 * → `{items, total, totalIsCapped, nextCursor}`, lowest confidence first by default. `total` is exact up to
 * 10,000 matches; beyond, it is 10,000 with `totalIsCapped: true` ("more than 10,000").
 */
export const GET = apiRoute(async (request: Request) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const parsed = readQuery(request, parseClaimFilters);
  if (!parsed.ok) return parsed.response;
  const page = await listClaims(parsed.data, guard.user.id);
  return NextResponse.json({
    items: page.items.map((item) => ({ ...item, updatedAt: item.updatedAt.toISOString() })),
    total: page.total,
    totalIsCapped: page.isTotalCapped,
    nextCursor: page.nextCursor,
  });
});
