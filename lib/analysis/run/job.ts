import { spawn } from "node:child_process";
import path from "node:path";
import { after } from "next/server";
import { serialRuns } from "@/lib/async/serial-runs";
import { db } from "@/lib/db";
import { failAbandonedAnalysisRuns, queueAnalysisRun } from "@/lib/analysis/run/runs";
import { childProcessEnv } from "@/lib/env";
import { logger } from "@/lib/log";

/** Settles once every request recorded so far is in the database, so the run about to start claims it. */
let recorded: Promise<unknown> = Promise.resolve();

function recordRequest(): void {
  const queued = queueAnalysisRun(db).catch((error: unknown) => logger().error({ err: error }, "Could not record the analysis request"));
  recorded = Promise.all([recorded, queued]);
}

async function runChild(): Promise<void> {
  await recorded;
  const startedAt = new Date();
  try {
    await spawnAnalysis();
  } catch (error) {
    // A process that died leaves its run and the requests it had not claimed to nobody.
    await failAbandonedAnalysisRuns(db, startedAt).catch(() => undefined);
    throw error;
  }
}

function spawnAnalysis(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(process.cwd(), "scripts", "analyze.ts")], {
      cwd: process.cwd(),
      env: childProcessEnv(),
      stdio: ["ignore", "ignore", "pipe"],
    });
    let errorOutput = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      errorOutput = (errorOutput + chunk).slice(-4000);
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`The analysis process failed (${signal ?? `exit ${code}`}): ${errorOutput.trim() || "no output"}`));
    });
  });
}

function logAnalysisFailure(error: unknown): void {
  logger().error({ err: error }, "The analysis failed");
}

/**
 * Recomputes the stored analysis (clusters, discrepancies, framing, summary) in a separate process, so
 * the app's server neither stalls nor holds the whole corpus in its memory while it runs (at 10,000
 * articles that is seconds of CPU and hundreds of MB). Resolves when a run that started after this call
 * has finished. Calls that arrive while a run is waiting to start share it; runs never overlap.
 */
const runSerially = serialRuns(runChild);

/**
 * Records the request at once (`GET /api/analysis` says "queued" from then on, on every app instance),
 * then runs the analysis as described above.
 */
export function requestAnalysis(): Promise<void> {
  recordRequest();
  return runSerially();
}

/** For `after()`: runs the analysis and logs a failure instead of leaving an unhandled rejection. */
export function requestAnalysisInBackground(): Promise<void> {
  return requestAnalysis().catch(logAnalysisFailure);
}

/**
 * In a server action or route handler: records the request now, so the page rendered next already
 * says the briefs are being updated, and runs the analysis once the response has been sent.
 */
export function analyzeAfterResponse(): void {
  recordRequest();
  after(() => runSerially().catch(logAnalysisFailure));
}
