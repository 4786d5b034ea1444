import { NextResponse } from "next/server";
import { apiRoute, guardApi } from "@/lib/api/respond";
import { db } from "@/lib/db";
import { getAnalysisState } from "@/lib/analysis/run/runs";

export const dynamic = "force-dynamic";

/**
 * `GET /api/analysis` → `{state: "idle"|"queued"|"running", startedAt, finishedAt, version}`: whether the
 * briefs are being recomputed, read from the database so every app instance answers the same. `version`
 * changes with every completed run; open pages poll this and refresh when it does.
 */
export const GET = apiRoute(async (request: Request) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  return NextResponse.json(await getAnalysisState(db), { headers: { "Cache-Control": "no-store" } });
});
