/**
 * `npm run analyze`: recomputes the stored analysis (claim clusters, discrepancies, framing per issue ×
 * source, the dashboard summary) from the articles and claims in the database. The app runs it in a
 * process of its own after articles are added or issues change; run it by hand after editing the
 * database directly.
 */
import { runCommand, withDatabase } from "@/lib/server/database";
import { refreshAnalysis } from "@/lib/analysis/run/refresh";

runCommand(() =>
  withDatabase(async (db) => {
    const summary = await refreshAnalysis(db);
    console.log(`Analysed ${summary.counts.articles} articles and ${summary.counts.claims} claims.`);
    return 0;
  }),
);
