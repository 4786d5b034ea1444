import type { Db } from "@/lib/db";
import { refreshAnalysis } from "@/lib/analysis/run/refresh";
import { ingestArticle } from "@/lib/writes/ingest";

/**
 * The article-scoped analysis after one article is added to the whole corpus: each of `texts` is ingested
 * (under `outlet`) and the analysis run for it alone; returns the median run time and each run's.
 */
export async function measureIncrementalAnalysis(db: Db, texts: readonly string[], outlet: string): Promise<{ medianMs: number; runsMs: number[] }> {
  const runsMs: number[] = [];
  for (const body of texts) {
    const outcome = await ingestArticle(db, { body, outlet, force: true }, { source: "cli" });
    if (outcome.status !== "stored") throw new Error(`The bench article was not stored (${outcome.status}).`);
    const started = performance.now();
    const summary = await refreshAnalysis(db, { kind: "articles", articleIds: [outcome.id] });
    runsMs.push(performance.now() - started);
    if (summary.scope !== "articles") throw new Error("The article-scoped analysis ran in full.");
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor((sorted.length - 1) / 2)]!, runsMs };
}
