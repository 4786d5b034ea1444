import { NextResponse } from "next/server";
import { apiError, apiRoute, guardApi } from "@/lib/api/respond";
import { readIngestJob } from "@/lib/analysis/run/job";

type Context = { params: Promise<{ id: string }> };

export const dynamic = "force-dynamic";

/**
 * `GET /api/jobs/[id]` → `{id, kind: "ingest", state: "queued"|"running"|"completed"|"failed", files, progress,
 * createdAt, startedAt, completedAt, summary?, items?}`: a batch of articles queued by `POST /api/articles`
 * (the caller's own; an admin's: any). Once completed, `items` are the per-file results in upload order.
 */
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const guard = await guardApi(request, "editor");
  if (guard.response) return guard.response;
  const { id } = await params;
  const job = await readIngestJob(id, guard.user);
  if (!job) return apiError("not_found", `No upload job of yours has the id “${id}”; POST /api/articles answers it as job.id.`);
  return NextResponse.json(job, { headers: { "Cache-Control": "no-store" } });
});
