/**
 * `npm run worker`: a job worker alone (the analysis, tagger training, re-tagging, re-derivation), for
 * installs that run web servers with BRIEFING_WORKER=off, or more workers than web servers. It uses
 * DATABASE_URL, else the embedded database of `npm start` in this folder, and stops cleanly on
 * SIGINT/SIGTERM: no new jobs are taken; running ones get ten seconds, then count as abandoned and are
 * retried by another worker.
 */
import { openDatabase } from "@/lib/server/database";
import { startWorker } from "@/lib/jobs/worker";

const log = (line: string) => console.log(`[worker] ${line}`);

const database = await openDatabase(log);
process.env.DATABASE_URL ??= database.url;
const worker = await startWorker({ databaseUrl: database.url, log });
log("Waiting for jobs.");

let isStopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (isStopping) process.exit(130);
    isStopping = true;
    log("Stopping …");
    setTimeout(() => process.exit(1), 15_000).unref();
    void worker
      .stop()
      .then(() => database.stop())
      .then(() => process.exit(0));
  });
}
