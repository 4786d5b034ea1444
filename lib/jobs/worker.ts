import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import type PgBoss from "pg-boss";
import { createPrismaClient } from "@/lib/db";
import { childProcessEnv } from "@/lib/env";
import { logger } from "@/lib/log";
import { JOB_KINDS, Jobs, type JobData, type JobKind, type JobsOptions } from "@/lib/jobs/queue";
import type { JobReport } from "@/lib/jobs/run";
import { queueStaleDerivation } from "@/lib/jobs/stale";
import { readJsonLines } from "@/lib/server/child-lines";
import { jobNodeFlags } from "@/lib/server/node-flags";

export type WorkerOptions = JobsOptions & {
  /** How often an idle worker looks for work (seconds, default 1). */
  pollingIntervalSeconds?: number;
  /** The environment of the processes jobs run in (default this process's). */
  childEnv?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
};

export type RunningWorker = { jobs: Jobs; stop(): Promise<void> };

/**
 * Runs each job in a process of its own (`scripts/run-job.ts`), so the heavy ones (the analysis holds
 * the corpus in memory for seconds at 10,000 articles) neither stall nor bloat the web server this worker
 * may share a process with. The child reports progress lines and a final report on stdout; a non-zero
 * exit fails the job, which pg-boss retries with backoff.
 */
function runInChild(
  kind: JobKind,
  data: unknown,
  jobId: string,
  env: NodeJS.ProcessEnv,
  onProgress: (share: number) => void,
  running: Set<ChildProcess>,
): Promise<JobReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...jobNodeFlags(), "--import", "tsx", path.join(process.cwd(), "scripts", "run-job.ts")], {
      cwd: process.cwd(),
      env,
      stdio: ["pipe", "pipe", "pipe"],
      // A process group of its own: Ctrl-C in a terminal signals the whole foreground group, and the job
      // should be ended by this worker (after its grace period), not cut off by the same keystroke.
      detached: true,
    });
    running.add(child);
    child.once("exit", () => running.delete(child));
    let report: JobReport | undefined;
    let errorOutput = "";
    readJsonLines(child.stdout, (line) => {
      if (typeof line !== "object" || line === null) return;
      const message = line as { progress?: unknown; report?: JobReport };
      if (typeof message.progress === "number") onProgress(message.progress);
      if (message.report) report = message.report;
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      errorOutput = (errorOutput + chunk).slice(-4000);
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0 && report) resolve(report);
      else reject(new Error(`The ${kind} process failed (${signal ?? `exit ${code}`}): ${errorOutput.trim() || "no output"}`));
    });
    child.stdin.end(JSON.stringify({ kind, data, jobId }));
  });
}

/**
 * Starts a worker: it takes jobs of every kind from the queue (one at a time per kind; pg-boss's
 * "stately" queues keep it to one running job per kind across all workers), expires jobs whose worker
 * died and retries them. `stop()` lets running jobs finish (up to 10 s) before it returns; a job still
 * running then has its process ended (SIGTERM) and is retried later. A job's process is out of reach
 * of the terminal's Ctrl-C, so Ctrl-C lets the job finish too, and it is ended when this process exits,
 * however that happens short of SIGKILL (after which it fails on its own, its database gone, or finishes).
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const jobs = await Jobs.open({ ...options, supervise: true });
  const log = options.log ?? ((line: string) => logger().info(line));
  const env = options.childEnv ?? childProcessEnv();
  const db = jobs.boss.getDb();
  const running = new Set<ChildProcess>();
  const endRunning = () => {
    for (const child of running) child.kill("SIGTERM");
  };
  process.once("exit", endRunning);
  for (const kind of JOB_KINDS) {
    await jobs.boss.work<JobData[typeof kind]>(
      kind,
      { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
      async ([job]: PgBoss.Job<JobData[typeof kind]>[]) => {
        if (!job) return;
        const started = Date.now();
        const report = await runInChild(
          kind,
          job.data,
          job.id,
          env,
          (share) => {
            void db
              .executeSql(`UPDATE ${jobs.schema}.job SET output = jsonb_build_object('progress', $2::float8) WHERE id = $1 AND state = 'active'`, [
                job.id,
                share,
              ])
              .catch(() => undefined);
          },
          running,
        ).catch((error: unknown) => {
          logger().error({ err: error, job: job.id, kind }, "A job failed; it is retried with backoff");
          throw error;
        });
        const queued: { kind: JobKind; id: string }[] = [];
        for (const followUp of report.followUps) {
          const id = followUp.kind === "analysis" ? await jobs.enqueueAnalysis(followUp.data.scope) : await jobs.enqueue(followUp.kind, followUp.data);
          queued.push({ kind: followUp.kind, id });
        }
        log(`${report.summary} (${kind} job, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
        return { summary: report.summary, queued, ...(report.results ? { results: report.results } : {}) };
      },
    );
  }
  // Articles stored by an earlier version of the pipeline are derived again, by one job whichever instance queues it.
  // A database that does not answer now does not stop the worker: the next start looks again.
  const prisma = createPrismaClient(options.databaseUrl);
  try {
    const { articles, jobId } = await queueStaleDerivation(prisma, jobs);
    if (jobId)
      log(
        `${articles === 1 ? "1 article was" : `${articles} articles were`} derived with an earlier version of the pipeline: derive job ${jobId} derives them again (reviews and corrections are kept).`,
      );
  } catch (error) {
    logger().warn({ err: error }, "Could not look for articles derived with an earlier version of the pipeline; the next start looks again");
  } finally {
    await prisma.$disconnect();
  }
  return {
    jobs,
    stop: async () => {
      await jobs.stop();
      endRunning();
      process.off("exit", endRunning);
    },
  };
}
