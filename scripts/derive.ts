/**
 * `npm run derive`: derives every article's sentences and claims again with the current pipeline,
 * lexicons and issue tagger (retrained first), keeping editors' reviews and corrections (matched by fingerprint), then recomputes the
 * clusters, discrepancies and framing once. The app runs the same work as a `derive` job.
 */
import { runCommand, withDatabase } from "@/lib/server/database";
import { refreshAnalysis } from "@/lib/analysis/run/refresh";
import { deriveAllArticles } from "@/lib/jobs/run";

runCommand(() =>
  withDatabase(async (db) => {
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
