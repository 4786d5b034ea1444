import { AsyncLocalStorage } from "node:async_hooks";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import type { AnalysisState } from "@/lib/analysis/freshness";

export type { AnalysisState };

/** A run started by hand that never finished after this long belongs to a process that died: it is ignored. */
const ABANDONED_AFTER = "15 minutes";
/** Finished runs are kept this long (the latest is always kept, as it carries the version). */
const KEEP_FINISHED = "1 day";

const jobContext = new AsyncLocalStorage<string>();

/** Runs `work` on behalf of the queue job `jobId`: the analysis run it starts records that job. */
export function forAnalysisJob<T>(jobId: string, work: () => Promise<T>): Promise<T> {
  return jobContext.run(jobId, work);
}

/**
 * Marks the start of a run (of the queue job in whose name it runs, if any: a retry of a job whose
 * process died first marks that process's unfinished run as failed). Returns the ids to pass to
 * {@link finishAnalysisRun}.
 */
export async function startAnalysisRun(db: Db): Promise<number[]> {
  const jobId = jobContext.getStore() ?? null;
  if (jobId) await db.analysisRun.updateMany({ where: { jobId, finishedAt: null }, data: { finishedAt: new Date(), failed: true } });
  // The database's clock, as for the requests it is compared with.
  const own = await db.$queryRaw<{ id: number }[]>`INSERT INTO "AnalysisRun" ("startedAt", "jobId") VALUES (now(), ${jobId}) RETURNING id`;
  return own.map((row) => row.id);
}

/** Marks a run finished (or failed), and forgets runs finished long ago. */
export async function finishAnalysisRun(db: Db, ids: number[], { isFailed = false } = {}): Promise<void> {
  await db.$transaction([
    db.analysisRun.updateMany({ where: { id: { in: ids } }, data: { finishedAt: new Date(), failed: isFailed } }),
    db.$executeRaw`
      DELETE FROM "AnalysisRun"
      WHERE "finishedAt" < now() - ${KEEP_FINISHED}::interval
        AND id < (SELECT max(id) FROM "AnalysisRun" WHERE "finishedAt" IS NOT NULL AND NOT failed)`,
  ]);
}

/**
 * After an analysis process died (killed, out of memory) without recording its end: marks the run it
 * had started since `since` as failed, so it no longer counts as running.
 */
export async function failAbandonedAnalysisRuns(db: Db, since: Date, jobId?: string): Promise<void> {
  await db.analysisRun.updateMany({
    where: { finishedAt: null, startedAt: { gte: since }, ...(jobId ? { jobId } : {}) },
    data: { finishedAt: new Date(), failed: true },
  });
}

/**
 * Runs `work` as an analysis run: recorded as running while it works, finished when it resolves,
 * failed when it throws. Every process that recomputes the analysis goes through this, so the state is
 * the same for every app instance.
 */
export async function trackAnalysisRun<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const ids = await startAnalysisRun(db);
  try {
    const result = await work();
    await finishAnalysisRun(db, ids);
    return result;
  } catch (error) {
    await finishAnalysisRun(db, ids, { isFailed: true }).catch(() => undefined);
    throw error;
  }
}

/** Schemas whose job table was seen (it is created once, at the first start, and stays). */
const jobTables = new Set<string>();

async function hasJobTable(db: Db, schema: string): Promise<boolean> {
  if (jobTables.has(schema)) return true;
  const [row] = await db.$queryRaw<{ name: string | null }[]>`SELECT to_regclass(${`${schema}.job`})::text AS name`;
  if (row?.name) jobTables.add(schema);
  return Boolean(row?.name);
}

type StateRow = {
  version: number | null;
  lastStarted: Date | null;
  lastFinished: Date | null;
  running: Date | null;
  queued: Date | null;
  pendingAt: Date | null;
  progress: number | null;
};

/**
 * The analysis state as every app instance sees it: the last completed run from `AnalysisRun`, the
 * queued and running work from the job queue (schema `jobsSchema`: analysis jobs, and derive jobs, whose
 * claims feed the analysis that follows them), plus runs started by hand.
 */
export async function getAnalysisState(db: Db, jobsSchema = env().JOBS_SCHEMA): Promise<AnalysisState> {
  const jobs = (await hasJobTable(db, jobsSchema))
    ? Prisma.sql`SELECT state::text AS state, created_on, coalesce((data->>'requestedAt')::timestamptz, created_on) AS "requestedAt",
          started_on, (output->>'progress')::float8 AS progress
        FROM ${Prisma.raw(`"${jobsSchema}".job`)} WHERE name IN ('analysis', 'derive') AND state IN ('created', 'retry', 'active')`
    : Prisma.sql`SELECT NULL::text AS state, NULL::timestamptz AS created_on, NULL::timestamptz AS "requestedAt", NULL::timestamptz AS started_on, NULL::float8 AS progress WHERE false`;
  const [row] = await db.$queryRaw<StateRow[]>`
    WITH done AS (
      SELECT id, "startedAt", "finishedAt" FROM "AnalysisRun"
      WHERE "finishedAt" IS NOT NULL AND NOT failed ORDER BY "finishedAt" DESC, id DESC LIMIT 1
    ), by_hand AS (
      SELECT "startedAt" FROM "AnalysisRun"
      WHERE "jobId" IS NULL AND "startedAt" IS NOT NULL AND "finishedAt" IS NULL AND "startedAt" > now() - ${ABANDONED_AFTER}::interval
    ), jobs AS (${jobs})
    SELECT (SELECT id FROM done) AS version,
      (SELECT "startedAt" FROM done) AS "lastStarted",
      (SELECT "finishedAt" FROM done) AS "lastFinished",
      least((SELECT min(started_on) FROM jobs WHERE state = 'active'), (SELECT min("startedAt") FROM by_hand)) AS running,
      (SELECT min(created_on) FROM jobs WHERE state IN ('created', 'retry')) AS queued,
      greatest((SELECT max("requestedAt") FROM jobs), (SELECT max("startedAt") FROM by_hand)) AS "pendingAt",
      (SELECT max(progress) FROM jobs WHERE state = 'active') AS progress`;
  const state = row?.running ? "running" : row?.queued ? "queued" : "idle";
  const startedAt = row?.running ?? row?.lastStarted ?? null;
  return {
    state,
    startedAt: startedAt?.toISOString() ?? null,
    finishedAt: row?.lastFinished?.toISOString() ?? null,
    version: String(row?.version ?? 0),
    coveredAt: row?.lastStarted?.toISOString() ?? null,
    pendingAt: state === "idle" ? null : (row?.pendingAt?.toISOString() ?? null),
    ...(state === "running" && row?.progress != null ? { progress: row.progress } : {}),
  };
}
