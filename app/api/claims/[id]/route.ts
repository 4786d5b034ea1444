import { NextResponse } from "next/server";
import { apiError, apiRoute, guardApi } from "@/lib/api/respond";
import { readJson } from "@/lib/api/read-json";
import { getClaim } from "@/lib/data/claims";
import { db } from "@/lib/db";
import { queueAnalysis } from "@/lib/analysis/run/job";
import { updateClaim } from "@/lib/writes/review";
import { claimUpdateSchema } from "@/lib/validations/claims";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

async function claimJson(id: string) {
  const claim = await getClaim(id);
  if (!claim) return null;
  return { ...claim, createdAt: claim.createdAt.toISOString(), updatedAt: claim.updatedAt.toISOString() };
}

/** `GET /api/claims/[id]` → the claim with its `version`, corrections overlay, context and cluster siblings. */
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const { id } = await params;
  const claim = await claimJson(id);
  if (!claim) return apiError("not_found", `No claim ${id}.`);
  return NextResponse.json(claim);
});

/**
 * `PATCH /api/claims/[id]` `{status?, comment?, assigneeId?, corrections?, version}` → 200 with the claim;
 * 409 `{error:{code:"conflict", message, current}}` when `version` is stale.
 */
export const PATCH = apiRoute(async (request: Request, { params }: Context) => {
  const guard = await guardApi(request, "editor");
  if (guard.response) return guard.response;
  const { id } = await params;
  const body = await readJson(request, claimUpdateSchema);
  if (!body.ok) return body.response;
  await updateClaim(db, guard.user, id, body.data, { onAnalysisChange: queueAnalysis });
  return NextResponse.json(await claimJson(id));
});
