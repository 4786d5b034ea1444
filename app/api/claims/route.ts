import { NextResponse } from "next/server";
import { apiError, guardApi } from "@/lib/api/respond";
import { listClaims } from "@/lib/data/claims";
import { parseClaimFilters } from "@/lib/validations/claims";

export const dynamic = "force-dynamic";

/**
 * `GET /api/claims?articleId=&issue=&outlet=&speaker=&status=&kind=&assignee=&minConfidence=&maxConfidence=&sort=&limit=&cursor=`
 * → `{items, total, nextCursor}`, lowest confidence first by default.
 */
export async function GET(request: Request) {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const parsed = parseClaimFilters(new URL(request.url).searchParams);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return apiError(400, "bad_request", `${issue?.path.join(".") ?? "query"}: ${issue?.message ?? "invalid filter"}`);
  }
  const page = await listClaims(parsed.data, guard.user.id);
  return NextResponse.json({
    items: page.items.map((item) => ({ ...item, updatedAt: item.updatedAt.toISOString() })),
    total: page.total,
    nextCursor: page.nextCursor,
  });
}
