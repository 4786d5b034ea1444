import type { AnalysisScope } from "@/lib/analysis/run/refresh";
import { appJobs, type IngestBatchItem, type IngestBatchResult, type JobData, type JobOutput } from "@/lib/jobs/queue";
import { logger } from "@/lib/log";

export type { AnalysisScope };

/** The scope of a change to some articles (everything when none are named). */
export function articlesScope(articleIds: readonly string[]): AnalysisScope {
  return { kind: "articles", articleIds: [...new Set(articleIds)] };
}

/**
 * Queues an analysis of `scope` in the job queue (PostgreSQL, shared by every app instance): a worker
 * runs it in a process of its own, one run at a time across all instances, and requests that arrive
 * while one waits are merged into it. Resolves with the job's id once it is queued, so `GET
 * /api/analysis` already says "queued" on every instance.
 */
export async function requestAnalysis(scope: AnalysisScope): Promise<string> {
  const jobs = await appJobs();
  return jobs.enqueueAnalysis(scope);
}

/** Queues the issue tagger's retraining (after articles arrive), beside the analysis. */
export async function requestTaggerTraining(): Promise<string> {
  const jobs = await appJobs();
  return jobs.enqueue("tagger", {});
}

/** How long an issue edit waits for its re-tagging and analysis before the page is shown (it says "Updating…" after). */
const RETAG_WAIT_MS = 20_000;

/**
 * After a lexicon changed or an issue was added: queues re-tagging the articles for those issues (then
 * the full analysis) and waits, up to {@link RETAG_WAIT_MS}, for both, so the issue page shown next has
 * its articles and framing. The worker runs it; without a running worker it stays queued.
 */
export async function requestRetag(changed: string[]): Promise<void> {
  const jobs = await appJobs();
  const id = await jobs.enqueue("retag", { changed });
  await jobs.waitFor("retag", id, RETAG_WAIT_MS, { andQueued: true });
}

/** Queues a batch of articles to be stored by a worker; returns the job's id. */
export async function requestIngestBatch(items: IngestBatchItem[], userId: string): Promise<string> {
  const jobs = await appJobs();
  return jobs.enqueueIngest({ items, userId });
}

/**
 * Queues a batch of articles and waits, up to `timeoutMs`, for the worker to store them: the per-file
 * results in the batch's order, or null when it is still running (it finishes on its own), with the job's id.
 */
export async function ingestBatchAndWait(
  items: IngestBatchItem[],
  userId: string,
  timeoutMs: number,
): Promise<{ id: string; results: IngestBatchResult[] | null }> {
  const id = await requestIngestBatch(items, userId);
  const jobs = await appJobs();
  const done = await jobs.waitFor("ingest", id, timeoutMs);
  if (done === null) return { id, results: null };
  const job = await jobs.job("ingest", id);
  if (!done || !job?.output?.results) throw new Error(`The upload job ${id} failed; see the server log.`);
  return { id, results: job.output.results };
}

/** An ingest job of `userId`'s (any user's for an admin): its state, progress and, once done, per-file results. */
export async function readIngestJob(id: string, user: { id: string; role: string }) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const jobs = await appJobs();
  const job = await jobs.boss.getJobById<JobData["ingest"]>("ingest", id, { includeArchive: true });
  if (!job || (job.data.userId !== user.id && user.role !== "admin")) return null;
  const output = (job.output ?? null) as JobOutput | null;
  const state = job.state === "created" || job.state === "retry" ? "queued" : job.state === "active" ? "running" : job.state;
  return {
    id: job.id,
    kind: "ingest" as const,
    state,
    files: job.data.items.length,
    progress: job.state === "completed" ? 1 : (output?.progress ?? 0),
    createdAt: job.createdOn.toISOString(),
    startedAt: job.startedOn?.toISOString() ?? null,
    completedAt: job.completedOn?.toISOString() ?? null,
    ...(job.state === "completed" ? { summary: output?.summary ?? null, items: output?.results ?? [] } : {}),
  };
}

function logQueueFailure(error: unknown): void {
  logger().error({ err: error }, "Could not queue the analysis");
}

/**
 * In a server action or route handler, after a change the analysis reads (the writes' `onAnalysisChange`
 * hook): queues the analysis of `scope` before the response goes out, so the page rendered next, on any
 * instance, already says the briefs are being updated (one insert, or a merge into the waiting job). A
 * failure to queue is logged, not thrown: the change itself is stored.
 */
export async function queueAnalysis(scope: AnalysisScope): Promise<void> {
  await requestAnalysis(scope).catch(logQueueFailure);
}

/** After articles were stored: queues the analysis of those articles and the tagger's retraining. */
export async function afterArticlesStored(articleIds: readonly string[]): Promise<void> {
  if (articleIds.length === 0) return;
  await Promise.all([
    queueAnalysis(articlesScope(articleIds)),
    requestTaggerTraining().catch((error: unknown) => logger().error({ err: error }, "Could not queue the tagger's training")),
  ]);
}
