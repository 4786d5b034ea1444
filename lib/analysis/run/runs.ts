import type { Db } from "@/lib/db";

/** What `GET /api/analysis` answers: whether the stored analysis is being brought up to date. */
export type AnalysisState = {
  state: "idle" | "queued" | "running";
  /** When the run now under way started, else when the last completed run started (ISO), or null. */
  startedAt: string | null;
  /** When the last completed run finished (ISO), or null before the first. */
  finishedAt: string | null;
  /** Changes with every completed run: pages compare it with the one they were rendered at. */
  version: string;
};

/** A run or request older than this that never finished belongs to a process that died: it is ignored. */
const ABANDONED_AFTER = "15 minutes";
/** Finished runs are kept this long (the latest is always kept, as it carries the version). */
const KEEP_FINISHED = "1 day";

/** Records a request for an analysis run ("queued" until a run claims it). */
export async function queueAnalysisRun(db: Db): Promise<void> {
  await db.analysisRun.create({ data: {} });
}

/**
 * Marks the start of a run: it claims every request still waiting (it will read the data they were made
 * for), or records a run of its own when started by hand. Returns the ids to pass to {@link finishAnalysisRun}.
 */
export async function startAnalysisRun(db: Db): Promise<number[]> {
  const claimed = await db.$queryRaw<{ id: number }[]>`
    UPDATE "AnalysisRun" SET "startedAt" = now() WHERE "startedAt" IS NULL RETURNING id`;
  if (claimed.length > 0) return claimed.map((row) => row.id);
  const own = await db.analysisRun.create({ data: { startedAt: new Date() }, select: { id: true } });
  return [own.id];
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
 * After an analysis process died (killed, out of memory) without recording its end: marks the requests
 * it left waiting and the run it had started since `since` as failed, so pages stop saying "Updating…".
 * A run of another instance caught by this is set right when it finishes ({@link finishAnalysisRun}).
 */
export async function failAbandonedAnalysisRuns(db: Db, since: Date): Promise<void> {
  await db.analysisRun.updateMany({
    where: { finishedAt: null, OR: [{ startedAt: null, requestedAt: { lte: since } }, { startedAt: { gte: since } }] },
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

type StateRow = { version: number | null; lastStarted: Date | null; lastFinished: Date | null; running: Date | null; queued: Date | null };

/** The analysis state as every app instance sees it (one indexed query). */
export async function getAnalysisState(db: Db): Promise<AnalysisState> {
  const [row] = await db.$queryRaw<StateRow[]>`
    WITH done AS (
      SELECT id, "startedAt", "finishedAt" FROM "AnalysisRun"
      WHERE "finishedAt" IS NOT NULL AND NOT failed ORDER BY "finishedAt" DESC, id DESC LIMIT 1
    )
    SELECT (SELECT id FROM done) AS version,
      (SELECT "startedAt" FROM done) AS "lastStarted",
      (SELECT "finishedAt" FROM done) AS "lastFinished",
      (SELECT min("startedAt") FROM "AnalysisRun"
        WHERE "startedAt" IS NOT NULL AND "finishedAt" IS NULL AND "startedAt" > now() - ${ABANDONED_AFTER}::interval) AS running,
      (SELECT min("requestedAt") FROM "AnalysisRun"
        WHERE "startedAt" IS NULL AND "finishedAt" IS NULL AND "requestedAt" > now() - ${ABANDONED_AFTER}::interval) AS queued`;
  const state = row?.running ? "running" : row?.queued ? "queued" : "idle";
  const startedAt = row?.running ?? row?.lastStarted ?? null;
  return {
    state,
    startedAt: startedAt?.toISOString() ?? null,
    finishedAt: row?.lastFinished?.toISOString() ?? null,
    version: String(row?.version ?? 0),
  };
}
