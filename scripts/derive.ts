/**
 * `npm run derive`: derives every article's sentences and claims again with the current pipeline,
 * lexicons and issue tagger (retrained first), keeping editors' reviews and corrections (matched by fingerprint), then recomputes the
 * clusters, discrepancies and framing once. `npm run derive -- --queue` leaves it to the app's workers
 * instead (a `derive` job, then a full analysis) and returns at once.
 */
import { runCommand, withDatabase } from "@/lib/server/database";
import { refreshAnalysis } from "@/lib/analysis/run/refresh";
import { databaseUrl } from "@/lib/db";
import { Jobs } from "@/lib/jobs/queue";
import { deriveAllArticles } from "@/lib/jobs/run";

const isQueued = process.argv.includes("--queue");

runCommand(() =>
  withDatabase(async (db) => {
    if (isQueued) {
      const jobs = await Jobs.open({ databaseUrl: databaseUrl() });
      try {
        const id = await jobs.enqueue("derive", {});
        console.log(`Queued: derive job ${id}. A worker (npm start or npm run worker) runs it, then the analysis.`);
      } finally {
        await jobs.stop();
      }
      return 0;
    }
    const total = await deriveAllArticles(db, (done, count) => {
      if (process.stderr.isTTY) process.stderr.write(`\rDerived ${done}/${count} articles`);
    });
    if (process.stderr.isTTY) process.stderr.write("\n");
    await refreshAnalysis(db);
    console.log(
      `Derived ${total.articles} articles: ${total.updated} claims kept their identity, ${total.added} new, ${total.removed} no longer derived and removed, ${total.kept} no longer derived but kept because an editor had worked on them.`,
    );
    return 0;
  }),
);
