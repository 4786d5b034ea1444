import { NextResponse } from "next/server";
import { apiRoute, guardApi } from "@/lib/api/respond";
import { getChangeToken } from "@/lib/data/claims";

export const dynamic = "force-dynamic";

/** `GET /api/claims/changes` → `{token}`: changes whenever a claim's review or a note changes; open pages poll it. */
export const GET = apiRoute(async (request: Request) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  return NextResponse.json({ token: await getChangeToken() }, { headers: { "Cache-Control": "no-store" } });
});
