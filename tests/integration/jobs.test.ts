import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { getAnalysisState } from "@/lib/analysis/run/runs";
import { Jobs } from "@/lib/jobs/queue";
import { queueStaleDerivation, STALE_ARTICLES } from "@/lib/jobs/stale";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { PIPELINE_VERSION } from "@/lib/nlp/version";
import { ingestArticle } from "@/lib/writes/ingest";
import { connectTestDb, resetDatabase, until } from "./helpers";

// A queue schema of this file's own, so no other test's jobs are in the way.
const schema = `jobs_test_${crypto.randomBytes(4).toString("hex")}`;
const url = env().DATABASE_URL!;
let db: Db;
let jobs: Jobs;
const workers: RunningWorker[] = [];

const TEXT = (day: string) => `The harbour board said on ${day} that the new ferry pier would open in March.

"We expect the pier to carry 40% more passengers," said Maren Holt, the board's chair.`;

type JobRow = { id: string; state: string; data: { scope: { kind: string; articleIds?: string[] } }; retry_count: number };

async function analysisJobs(): Promise<JobRow[]> {
  const { rows } = await jobs.boss
    .getDb()
    .executeSql(`SELECT id, state::text, data, retry_count FROM ${schema}.job WHERE name = 'analysis' ORDER BY created_on`, []);
  return rows as JobRow[];
}

/** The ids of the processes whose parent is `parent`, from /proc. */
function childPids(parent: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        // pid (comm) state ppid …: the command may hold spaces and parentheses, so read after the last ")".
        const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parent;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * `npm run worker` in a process group of its own (as a terminal's foreground job), with a full analysis
 * queued once it waits for jobs and taken: returns the process, its output so far, its exit and the job.
 */
async function workerWithActiveJob() {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(process.cwd(), "scripts", "worker.ts")], {
    env: { ...process.env, DATABASE_URL: url, JOBS_SCHEMA: schema },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const state = { output: "" };
  child.stdout.on("data", (chunk: Buffer) => (state.output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (state.output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  await until(
    async () => state.output,
    (text) => text.includes("Waiting for jobs."),
  );
  const id = await jobs.enqueueAnalysis({ kind: "full" });
  await until(analysisJobs, (rows) => rows.some((row) => row.id === id && row.state === "active"));
  return { child, state, exited, id };
}

async function storeArticle(day: string, outlet: string): Promise<string> {
  const outcome = await ingestArticle(db, { body: TEXT(day), outlet, force: true }, { source: "api" });
  if (outcome.status !== "stored") throw new Error(`not stored: ${outcome.status}`);
  return outcome.id;
}

beforeAll(async () => {
  db = connectTestDb();
  await resetDatabase(db);
  // Short expiry so a job whose worker was killed is retried within the test.
  jobs = await Jobs.open({ databaseUrl: url, schema, expireInSeconds: { analysis: 8 } });
});
afterAll(async () => {
  for (const worker of workers) await worker.stop();
  await jobs.stop();
  await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await db.$disconnect();
});

describe("the job queue", () => {
  it("coalesces waiting analysis requests into one job: article ids are merged, and everything beats some articles", async () => {
    const first = await jobs.enqueueAnalysis({ kind: "articles", articleIds: ["a1", "a2"] });
    const second = await jobs.enqueueAnalysis({ kind: "articles", articleIds: ["a2", "a3"] });
    expect(second).toBe(first);
    let [job] = await analysisJobs();
    expect((await analysisJobs()).length).toBe(1);
    expect(job!.data.scope).toEqual({ kind: "articles", articleIds: ["a1", "a2", "a3"] });
    expect(await jobs.enqueueAnalysis({ kind: "full" })).toBe(first);
    expect(await jobs.enqueueAnalysis({ kind: "articles", articleIds: ["a4"] })).toBe(first);
    [job] = await analysisJobs();
    expect(job!.data.scope).toEqual({ kind: "full" });
    const state = await getAnalysisState(db, schema);
    expect(state.state).toBe("queued");
    expect(state.pendingAt).not.toBeNull();
    await jobs.boss.deleteJob("analysis", first);
    expect((await getAnalysisState(db, schema)).state).toBe("idle");
  });

  it("runs one analysis at a time across two workers, and a request made during a run gets a run of its own", async () => {
    await storeArticle("Monday", "Harbour Gazette");
    const before = await db.analysisRun.count();
    const first = await jobs.enqueueAnalysis({ kind: "full" });
    // Two workers, as two app instances would run.
    workers.push(await startWorker({ databaseUrl: url, schema, pollingIntervalSeconds: 0.5, log: () => undefined }));
    workers.push(await startWorker({ databaseUrl: url, schema, pollingIntervalSeconds: 0.5, log: () => undefined }));
    await until(analysisJobs, (rows) => rows.some((row) => row.id === first && row.state === "active"));
    const articleId = await storeArticle("Tuesday", "Pier Weekly");
    const second = await jobs.enqueueAnalysis({ kind: "articles", articleIds: [articleId] });
    expect(second).not.toBe(first);
    const third = await jobs.enqueueAnalysis({ kind: "articles", articleIds: [articleId] });
    expect(third).toBe(second);
    // Never two running at once.
    const seen = await until(
      async () => {
        const rows = await analysisJobs();
        expect(rows.filter((row) => row.state === "active").length).toBeLessThanOrEqual(1);
        return rows;
      },
      (rows) => rows.every((row) => row.state === "completed"),
    );
    expect(seen.map((row) => row.id)).toEqual([first, second]);
    const runs = await db.analysisRun.findMany({ where: { jobId: { in: [first, second] } }, orderBy: { id: "asc" } });
    expect(runs.map((run) => [run.jobId, run.failed])).toEqual([
      [first, false],
      [second, false],
    ]);
    expect(await db.analysisRun.count()).toBe(before + 2);
    const state = await getAnalysisState(db, schema);
    expect(state).toMatchObject({ state: "idle", version: String(runs[1]!.id) });
    for (const worker of workers.splice(0)) await worker.stop();
  });

  it("retries a failed run with backoff, and the retry completes", async () => {
    // A worker whose job processes cannot reach the database: the run fails.
    const broken = await startWorker({
      databaseUrl: url,
      schema,
      pollingIntervalSeconds: 0.5,
      childEnv: { ...process.env, DATABASE_URL: "postgresql://nobody:nothing@127.0.0.1:1/nowhere" },
      log: () => undefined,
    });
    const id = await jobs.enqueueAnalysis({ kind: "full" });
    const failed = await until(analysisJobs, (rows) => rows.some((row) => row.id === id && row.state === "retry"));
    expect(failed.find((row) => row.id === id)!.retry_count).toBe(0);
    await broken.stop();
    workers.push(await startWorker({ databaseUrl: url, schema, pollingIntervalSeconds: 0.5, log: () => undefined }));
    const done = await until(analysisJobs, (rows) => rows.some((row) => row.id === id && row.state === "completed"));
    expect(done.find((row) => row.id === id)!.retry_count).toBe(1);
    expect(await db.analysisRun.count({ where: { jobId: id, failed: false, finishedAt: { not: null } } })).toBe(1);
    for (const worker of workers.splice(0)) await worker.stop();
  });

  it("npm run derive -- --queue leaves re-derivation to a worker, which then queues the full analysis", async () => {
    const queued = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", path.join(process.cwd(), "scripts", "derive.ts"), "--queue"], {
        env: { ...process.env, DATABASE_URL: url, JOBS_SCHEMA: schema },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.once("exit", (code) => resolve({ code, output }));
    });
    expect(queued.code, queued.output).toBe(0);
    const id = queued.output.match(/derive job ([0-9a-f-]{36})/)?.[1];
    expect(id).toBeDefined();
    const analysesBefore = (await analysisJobs()).length;
    workers.push(await startWorker({ databaseUrl: url, schema, pollingIntervalSeconds: 0.5, log: () => undefined }));
    const done = await until(
      () => jobs.job("derive", id!),
      (job) => job?.state === "completed" || job?.state === "failed",
    );
    expect(done?.state).toBe("completed");
    expect(done?.output?.summary).toMatch(/^Derived \d+ articles/);
    expect(done?.output?.queued?.map((next) => next.kind)).toEqual(["analysis"]);
    const analyses = await until(analysisJobs, (rows) => rows.length > analysesBefore && rows.every((row) => row.state === "completed"));
    expect(analyses.at(-1)!.data.scope).toEqual({ kind: "full" });
    for (const worker of workers.splice(0)) await worker.stop();
  });

  it("a worker that starts on a newer pipeline derives again the articles derived with an earlier one, and only those, keeping reviews", async () => {
    const staleId = await storeArticle("Wednesday", "Harbour Gazette");
    const currentId = await storeArticle("Thursday", "Pier Weekly");
    // As an earlier pipeline would have left it: an older version, and a claim worded otherwise, which an editor confirmed.
    const claim = await db.claim.findFirstOrThrow({ where: { articleId: staleId, kind: "quote" } });
    await db.claim.update({ where: { id: claim.id }, data: { pipelineText: "An older reading.", text: "An older reading.", status: "confirmed" } });
    await db.article.update({ where: { id: staleId }, data: { pipelineVersion: PIPELINE_VERSION - 1 } });
    const current = await db.article.findUniqueOrThrow({ where: { id: currentId } });
    // Asked again while it waits (another instance starting), the same job; deriving everything widens it.
    const queued = await queueStaleDerivation(db, jobs);
    expect(queued.articles).toBe(1);
    expect((await queueStaleDerivation(db, jobs)).jobId).toBe(queued.jobId);
    expect(await jobs.enqueue("derive", {})).toBe(queued.jobId);
    expect((await jobs.boss.getJobById("derive", queued.jobId!))?.data).toEqual({});
    await jobs.boss.deleteJob("derive", queued.jobId!);

    const lines: string[] = [];
    workers.push(await startWorker({ databaseUrl: url, schema, pollingIntervalSeconds: 0.5, log: (line) => lines.push(line) }));
    const id = lines.join("\n").match(/^1 article was derived with an earlier version of the pipeline: derive job ([0-9a-f-]{36})/m)?.[1];
    expect(id, lines.join("\n")).toBeDefined();
    const done = await until(
      () => jobs.job("derive", id!),
      (job) => job?.state === "completed" || job?.state === "failed",
    );
    expect(done?.output?.summary).toMatch(/^Derived 1 article again after a pipeline update/);
    const derived = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect([derived.pipelineText, derived.status]).toEqual([claim.pipelineText, "confirmed"]);
    expect((await db.article.findUniqueOrThrow({ where: { id: staleId } })).pipelineVersion).toBe(PIPELINE_VERSION);
    expect((await db.article.findUniqueOrThrow({ where: { id: currentId } })).derivedAt).toEqual(current.derivedAt);
    expect(await db.article.count({ where: STALE_ARTICLES })).toBe(0);
    // Nothing left to derive: the next start queues nothing.
    expect(await queueStaleDerivation(db, jobs)).toEqual({ articles: 0, jobId: null });
    for (const worker of workers.splice(0)) await worker.stop();
  });

  it("npm run worker stops cleanly on SIGTERM, letting its running job finish", async () => {
    const { child, state, exited, id } = await workerWithActiveJob();
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(state.output).toContain("Stopping");
    // The job it had taken was finished before it stopped, not left to expire.
    expect((await analysisJobs()).find((row) => row.id === id)?.state).toBe("completed");
  });

  it("npm run worker stops cleanly on Ctrl-C in its terminal: the job's own process is not cut off by the same signal", async () => {
    const { child, exited, id } = await workerWithActiveJob();
    // Ctrl-C signals the terminal's whole foreground process group.
    process.kill(-child.pid!, "SIGINT");
    expect(await exited).toBe(0);
    const job = (await analysisJobs()).find((row) => row.id === id)!;
    expect(job.state).toBe("completed");
    expect(job.retry_count).toBe(0);
  });

  it("takes up again the job of a worker process that was killed half-way", async () => {
    const { child, exited, id } = await workerWithActiveJob();
    // The worker and the analysis process it started die at once, as on a power cut (the job's process
    // has a process group of its own). The worker first: killed after its child, it could still see the
    // child end and mark the job failed before its own end, and the job would be waiting for a retry.
    for (const pid of [-child.pid!, ...childPids(child.pid!)]) process.kill(pid, "SIGKILL");
    await exited;
    expect((await analysisJobs()).find((row) => row.id === id)!.state).toBe("active");
    // Another worker expires the abandoned job and runs it again.
    workers.push(await startWorker({ databaseUrl: url, schema, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, log: () => undefined }));
    const done = await until(analysisJobs, (rows) => rows.some((row) => row.id === id && row.state === "completed"), 90_000);
    expect(done.find((row) => row.id === id)!.retry_count).toBeGreaterThanOrEqual(1);
    const runs = await db.analysisRun.findMany({ where: { jobId: id }, orderBy: { id: "asc" } });
    expect(runs.at(-1)).toMatchObject({ failed: false });
    expect(runs.every((run) => run.finishedAt !== null)).toBe(true);
    for (const worker of workers.splice(0)) await worker.stop();
  }, 120_000);
});
