import PgBoss from "pg-boss";
import type { AnalysisScope } from "@/lib/analysis/run/refresh";
import type { ArticleInput } from "@/lib/validations/article";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

/**
 * The kinds of background work, each a pg-boss queue in PostgreSQL shared by every app instance:
 * - `analysis`: recompute the stored analysis for a scope (some articles, or everything);
 * - `tagger`: retrain the story's issue tagger (after ingests; ingest itself uses the stored one);
 * - `retag`: re-derive which issues the articles bear on after lexicons changed;
 * - `derive`: derive every article again with the current pipeline (`npm run derive`), or only those
 *   derived with an earlier one (`stale`: queued by a worker that starts on a newer pipeline);
 * - `ingest`: store a batch of uploaded articles (`POST /api/articles` with many files).
 */
export type JobKind = "analysis" | "tagger" | "retag" | "derive" | "ingest";

/** One article of an ingest batch, as the API read it. */
export type IngestBatchItem = { input: ArticleInput; sourceFile?: string };

/** What an ingest job reports per article, in the batch's order. */
export type IngestBatchResult = {
  file?: string;
  status: "stored" | "duplicate" | "near_duplicate" | "error";
  id?: string;
  existingId?: string;
  claims?: number;
  claimsOmitted?: number;
  similarity?: number;
  message?: string;
};

export type JobData = {
  analysis: { scope: AnalysisScope };
  tagger: Record<string, never>;
  retag: { changed?: string[] };
  /** `stale`: only the articles derived with another version of the pipeline; otherwise every article. */
  derive: { stale?: boolean };
  ingest: { items: IngestBatchItem[]; userId: string };
};

/** What a worker stores on a completed job: its one-line report and the jobs it queued next. */
export type JobOutput = { summary?: string; queued?: { kind: JobKind; id: string }[]; progress?: number; results?: IngestBatchResult[] };

export const JOB_KINDS: readonly JobKind[] = ["analysis", "tagger", "retag", "derive", "ingest"];

/**
 * "stately": at most one job waiting and one running per kind, across every instance. A request that
 * arrives while one waits is merged into it (the analysis scope) or is already covered by it. Ingest
 * batches are "standard": every batch is its own job, several may run at once.
 */
const QUEUE_OPTIONS: Record<JobKind, Omit<PgBoss.Queue, "name">> = {
  analysis: { policy: "stately", retryLimit: 4, retryDelay: 5, retryBackoff: true, expireInSeconds: 30 * 60 },
  tagger: { policy: "stately", retryLimit: 4, retryDelay: 5, retryBackoff: true, expireInSeconds: 10 * 60 },
  retag: { policy: "stately", retryLimit: 4, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 * 60 },
  derive: { policy: "stately", retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 4 * 60 * 60 },
  // A retried batch stores again only what is not stored yet: the rest comes back as duplicates.
  ingest: { policy: "standard", retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 * 60 },
};

export type JobsOptions = {
  databaseUrl: string;
  /** The PostgreSQL schema pg-boss keeps its tables in (default `JOBS_SCHEMA`, else `pgboss`). */
  schema?: string;
  /** Whether this process expires jobs whose worker died and retries them (workers do; senders need not). */
  supervise?: boolean;
  /** Seconds a running job may take before it counts as abandoned (tests shorten it). */
  expireInSeconds?: Partial<Record<JobKind, number>>;
  maintenanceIntervalSeconds?: number;
};

/** How long a lost database connection waits before it is reported, in case the app is stopping (Ctrl-C). */
const STOP_GRACE_MS = 2_000;

/**
 * The job queue of one process: a pg-boss instance on the app's database. `open` installs or upgrades
 * pg-boss's own schema (idempotent, under its advisory lock) and creates the queues, so a fresh database,
 * a per-run test database and an upgraded one all work without a separate step.
 */
export class Jobs {
  readonly boss: PgBoss;
  readonly schema: string;
  /** Set once `stop` is called: connections the database ends after that are expected. */
  private isStopping = false;

  private constructor(boss: PgBoss, schema: string) {
    this.boss = boss;
    this.schema = schema;
  }

  static async open(options: JobsOptions): Promise<Jobs> {
    const schema = options.schema ?? env().JOBS_SCHEMA;
    const boss = new PgBoss({
      connectionString: options.databaseUrl,
      schema,
      max: 4,
      application_name: "briefing-jobs",
      supervise: options.supervise ?? false,
      schedule: false,
      migrate: true,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
    });
    const jobs = new Jobs(boss, schema);
    boss.on("error", (error) => {
      // Log what the error says, not the pg client object it carries (kilobytes of connection state).
      const { message, code } = error as Error & { code?: string };
      // 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now: the database is stopping or
      // restarting (at Ctrl-C, or while it is brought back); the queue reconnects once it answers again.
      // At Ctrl-C the terminal signals the embedded database too, which may end the queue's connections
      // before this process has begun to stop it, or after it stopped the queue: that is the stop going as
      // planned, not worth a line. So the warning waits a moment, and is dropped if the queue stops meanwhile.
      if (code === "57P01" || code === "57P02" || code === "57P03") {
        setTimeout(() => {
          if (jobs.isStopping || globalForJobs.briefingStopping) return;
          logger().warn({ code }, "The job queue lost its database connection; it reconnects when the database is back");
        }, STOP_GRACE_MS).unref();
      } else logger().error({ err: { message, code, stack: error.stack } }, "Job queue error");
    });
    await boss.start();
    for (const kind of JOB_KINDS) {
      await boss.createQueue(kind, {
        name: kind,
        ...QUEUE_OPTIONS[kind],
        expireInSeconds: options.expireInSeconds?.[kind] ?? QUEUE_OPTIONS[kind].expireInSeconds,
      });
    }
    return jobs;
  }

  async stop(): Promise<void> {
    this.isStopping = true;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  /**
   * Queues an analysis of `scope`. Requests coalesce: while a run waits, a new request widens its
   * scope (the union of the article ids; everything beats some articles) and moves its `requestedAt`
   * on, so one run covers them all. Returns the id of the job that will run it.
   */
  async enqueueAnalysis(scope: AnalysisScope): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const id = await this.boss.send("analysis", { scope });
      if (id) return id;
      const merged = await this.boss.getDb().executeSql(
        `UPDATE ${this.schema}.job SET data = jsonb_build_object(
            'scope', CASE
              WHEN data->'scope'->>'kind' = 'full' OR $1::jsonb->>'kind' = 'full' THEN '{"kind":"full"}'::jsonb
              ELSE jsonb_build_object('kind', 'articles', 'articleIds', (
                SELECT coalesce(jsonb_agg(DISTINCT ids.id ORDER BY ids.id), '[]'::jsonb) FROM (
                  SELECT jsonb_array_elements_text(data->'scope'->'articleIds') AS id
                  UNION SELECT jsonb_array_elements_text($1::jsonb->'articleIds')) ids))
            END,
            'requestedAt', now())
         WHERE name = 'analysis' AND state = 'created'
         RETURNING id`,
        [JSON.stringify(scope)],
      );
      const row = merged.rows[0] as { id: string } | undefined;
      if (row) return row.id;
      // The waiting job was taken by a worker in between: the next send queues a new one.
    }
    throw new Error("Could not queue the analysis: the queue kept changing; try again.");
  }

  /** Queues a batch of articles to store; returns the job's id (`GET /api/jobs/[id]` reports it). */
  async enqueueIngest(data: JobData["ingest"]): Promise<string> {
    const id = await this.boss.send("ingest", data);
    if (!id) throw new Error("Could not queue the articles; try again.");
    return id;
  }

  /** Queues a job of a kind that has nothing to merge: a request while one waits is covered by it. */
  async enqueue<K extends Exclude<JobKind, "analysis" | "ingest">>(kind: K, data: JobData[K]): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const id = await this.boss.send(kind, data);
      if (id) return id;
      const waiting =
        kind === "retag"
          ? // Re-tagging for other issues widens the waiting job's list; a job for every issue covers all.
            await this.boss.getDb().executeSql(
              `UPDATE ${this.schema}.job SET data = CASE WHEN data ? 'changed' AND $1::jsonb ? 'changed'
                 THEN jsonb_build_object('changed', (SELECT jsonb_agg(DISTINCT s) FROM (
                   SELECT jsonb_array_elements_text(data->'changed') s UNION SELECT jsonb_array_elements_text($1::jsonb->'changed')) x))
                 ELSE '{}'::jsonb END
               WHERE name = 'retag' AND state = 'created' RETURNING id`,
              [JSON.stringify(data)],
            )
          : kind === "derive" && !(data as JobData["derive"]).stale
            ? // Deriving every article covers a waiting job for the stale ones: it widens to all.
              await this.boss.getDb().executeSql(`UPDATE ${this.schema}.job SET data = '{}'::jsonb WHERE name = $1 AND state = 'created' RETURNING id`, [kind])
            : await this.boss.getDb().executeSql(`SELECT id FROM ${this.schema}.job WHERE name = $1 AND state = 'created'`, [kind]);
      const row = waiting.rows[0] as { id: string } | undefined;
      if (row) return row.id;
    }
    throw new Error(`Could not queue the ${kind} job: the queue kept changing; try again.`);
  }

  /** A job's state (`created`, `retry`, `active`, `completed`, `cancelled`, `failed`) and output, or null if unknown. */
  async job(kind: JobKind, id: string): Promise<{ state: string; output: JobOutput | null } | null> {
    const job = await this.boss.getJobById(kind, id, { includeArchive: true });
    return job ? { state: job.state, output: (job.output as JobOutput | null) ?? null } : null;
  }

  /**
   * Waits until the job has completed (true), with the jobs it queued in turn when `andQueued`, or
   * failed for good (false), or `timeoutMs` passed (null: it is still queued or running and will finish
   * on its own).
   */
  async waitFor(kind: JobKind, id: string, timeoutMs: number, { andQueued = false } = {}): Promise<boolean | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = await this.job(kind, id);
      const state = job?.state;
      if (state === "completed" && andQueued) {
        for (const next of job?.output?.queued ?? []) {
          const done = await this.waitFor(next.kind, next.id, Math.max(0, deadline - Date.now()));
          if (done !== true) return done;
        }
        return true;
      }
      if (state === "completed") return true;
      if (state === "failed" || state === "cancelled") return false;
      if (Date.now() > deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Per process, not per module copy (the server's bundles load this module again): its queue, and whether the process is stopping. */
const globalForJobs = globalThis as unknown as { briefingJobs?: Promise<Jobs>; briefingStopping?: boolean };

/**
 * Says that this process is stopping (`npm start` at Ctrl-C), before it stops its queues: connections the
 * database ends from then on are expected, whichever queue they belong to.
 */
export function noteProcessStopping(): void {
  globalForJobs.briefingStopping = true;
}

/**
 * The queue of this process (the app's server, a script), opened on first use on `DATABASE_URL`. It
 * only sends: running jobs is the worker's ({@link ../jobs/worker}).
 */
export function appJobs(databaseUrl?: string): Promise<Jobs> {
  if (!globalForJobs.briefingJobs) {
    const url = databaseUrl ?? env().DATABASE_URL;
    if (!url) return Promise.reject(new Error("No database for the job queue: DATABASE_URL is not set."));
    globalForJobs.briefingJobs = Jobs.open({ databaseUrl: url }).catch((error: unknown) => {
      globalForJobs.briefingJobs = undefined;
      throw error;
    });
  }
  return globalForJobs.briefingJobs;
}

/**
 * Closes this process's queue ({@link appJobs}) if it was opened: at shutdown, before the database stops,
 * so its connections end cleanly instead of being cut by the stopping database.
 */
export async function closeAppJobs(): Promise<void> {
  const opened = globalForJobs.briefingJobs;
  globalForJobs.briefingJobs = undefined;
  if (!opened) return;
  const jobs = await opened.catch(() => undefined);
  await jobs?.stop();
}
