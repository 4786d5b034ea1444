import { NextResponse } from "next/server";
import { apiRoute, guardApi } from "@/lib/api/respond";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/**
 * `GET /api/ping`: the session check and one `SELECT 1`, nothing else. A health check for logged-in
 * callers and the benchmark's baseline: page render times are reported as ratios to it.
 */
export const GET = apiRoute(async (request: Request) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  await db.$queryRaw`SELECT 1`;
  return NextResponse.json({ ok: true });
});
