/**
 * `npm run derive`: derives every article's sentences and claims again with the current pipeline,
 * lexicons and issue tagger (retrained first), keeping editors' reviews and corrections (matched by fingerprint), then recomputes the
 * clusters, discrepancies and framing once.
 */
import { runCommand, withDatabase } from "@/lib/server/database";
import { refreshAnalysis } from "@/lib/analysis/run/refresh";
import { deriveArticle, type DeriveOutcome } from "@/lib/writes/derive";
import { loadSpeakerRegistry, readIssueLexicons } from "@/lib/writes/ingest";
import { retrainIssueTagger } from "@/lib/analysis/run/tagger";

runCommand(() =>
  withDatabase(async (db) => {
    const [issues, speakers, allIssues, articles] = await Promise.all([
      readIssueLexicons(db),
      loadSpeakerRegistry(db),
      db.issue.findMany({ select: { id: true, slug: true } }),
      db.article.findMany({ select: { id: true }, orderBy: [{ publishedAt: "asc" }, { ingestedAt: "asc" }] }),
    ]);
    const tagger = await retrainIssueTagger(db, issues);
    const context = { issues, speakers, issueIds: new Map(allIssues.map((issue) => [issue.slug, issue.id])), tagger };
    const total: DeriveOutcome = { updated: 0, added: 0, removed: 0, kept: 0 };
    for (const [index, article] of articles.entries()) {
      const outcome = await deriveArticle(db, article.id, context);
      for (const key of Object.keys(total) as (keyof DeriveOutcome)[]) total[key] += outcome[key];
      if (process.stderr.isTTY) process.stderr.write(`\rDerived ${index + 1}/${articles.length} articles`);
    }
    if (process.stderr.isTTY) process.stderr.write("\n");
    await refreshAnalysis(db);
    console.log(
      `Derived ${articles.length} articles: ${total.updated} claims kept their identity, ${total.added} new, ${total.removed} no longer derived and removed, ${total.kept} no longer derived but kept because an editor had worked on them.`,
    );
    return 0;
  }),
);
