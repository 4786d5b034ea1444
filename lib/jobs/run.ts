import type { Db } from "@/lib/db";
import { STALE_ARTICLES } from "@/lib/jobs/stale";
import { PIPELINE_VERSION } from "@/lib/nlp/version";
import { FULL_ANALYSIS, refreshAnalysis } from "@/lib/analysis/run/refresh";
import { forAnalysisJob } from "@/lib/analysis/run/runs";
import { retrainIssueTagger } from "@/lib/analysis/run/tagger";
import { deriveArticle, type DeriveOutcome } from "@/lib/writes/derive";
import { loadSpeakerRegistry, readIssueLexicons } from "@/lib/writes/ingest";
import { retagArticles } from "@/lib/writes/retag";
import type { IngestBatchResult, JobData, JobKind } from "@/lib/jobs/queue";
import { ingestMany } from "@/lib/writes/ingest";
import { describeError } from "@/lib/errors";
import { plural } from "@/lib/format";

/** Work a finished job asks for next (queued by the worker that ran it). */
export type FollowUp = { kind: "analysis"; data: JobData["analysis"] } | { kind: "tagger"; data: JobData["tagger"] };

export type JobReport = { summary: string; followUps: FollowUp[]; results?: IngestBatchResult[] };

/**
 * Derives every article again (or, with `stale`, those derived with another version of the pipeline:
 * {@link STALE_ARTICLES}) with the current pipeline, lexicons and a freshly trained issue tagger,
 * keeping editors' corrections (each article in its own transaction, which records the pipeline's
 * version, so a run cut short and run again goes on where it stopped). `onProgress` gets the share done.
 */
export async function deriveAllArticles(
  db: Db,
  onProgress: (done: number, total: number) => void = () => undefined,
  { stale = false }: { stale?: boolean } = {},
): Promise<DeriveOutcome & { articles: number }> {
  const [issues, speakers, allIssues, articles] = await Promise.all([
    readIssueLexicons(db),
    loadSpeakerRegistry(db),
    db.issue.findMany({ select: { id: true, slug: true } }),
    db.article.findMany({ where: stale ? STALE_ARTICLES : {}, select: { id: true }, orderBy: [{ publishedAt: "asc" }, { ingestedAt: "asc" }] }),
  ]);
  const tagger = await retrainIssueTagger(db, issues);
  const context = { issues, speakers, issueIds: new Map(allIssues.map((issue) => [issue.slug, issue.id])), tagger };
  const total: DeriveOutcome = { updated: 0, added: 0, removed: 0, kept: 0 };
  for (const [index, article] of articles.entries()) {
    const outcome = await deriveArticle(db, article.id, context);
    for (const key of Object.keys(total) as (keyof DeriveOutcome)[]) total[key] += outcome[key];
    onProgress(index + 1, articles.length);
  }
  return { ...total, articles: articles.length };
}

/**
 * Carries out one job (in the process the worker starts for it). Every write it makes is transactional
 * on its own (the analysis in one transaction, derivation per article, re-tagging per batch), so a
 * process killed half-way leaves consistent data and the retried job finishes the work.
 */
export async function runJob<K extends JobKind>(db: Db, kind: K, data: JobData[K], jobId: string, onProgress: (share: number) => void): Promise<JobReport> {
  switch (kind) {
    case "analysis": {
      const { scope } = data as JobData["analysis"];
      const summary = await forAnalysisJob(jobId, () => refreshAnalysis(db, scope ?? FULL_ANALYSIS));
      return { summary: `Analysed ${summary.counts.articles} articles and ${summary.counts.claims} claims.`, followUps: [] };
    }
    case "tagger": {
      const model = await retrainIssueTagger(db, await readIssueLexicons(db));
      return { summary: `Trained the issue tagger on ${model.sentences} sentences.`, followUps: [] };
    }
    case "retag": {
      const { changed } = data as JobData["retag"];
      const result = await retagArticles(db, { changed, refresh: async () => undefined });
      return {
        summary: `Re-tagged ${result.articles} articles: ${result.sentencesChanged} sentences and ${result.claimsChanged} claims changed.`,
        followUps: [{ kind: "analysis", data: { scope: FULL_ANALYSIS } }],
      };
    }
    case "ingest": {
      const { items, userId } = data as JobData["ingest"];
      const results: IngestBatchResult[] = [];
      let done = 0;
      await ingestMany(db, items, { source: "upload", userId }, (index, { outcome, error }) => {
        const file = items[index]?.sourceFile;
        if (outcome?.status === "stored")
          results[index] = { file, status: "stored", id: outcome.id, claims: outcome.claims, claimsOmitted: outcome.claimsOmitted };
        else if (outcome?.status === "duplicate") results[index] = { file, status: "duplicate", existingId: outcome.existingId };
        else if (outcome) results[index] = { file, status: "near_duplicate", existingId: outcome.existingId, similarity: outcome.similarity };
        else results[index] = { file, status: "error", message: describeError(error).message };
        done += 1;
        onProgress(done / items.length);
      });
      const stored = results.flatMap((result) => (result.status === "stored" && result.id ? [result.id] : []));
      return {
        summary: `Stored ${stored.length} of ${items.length} articles.`,
        results,
        followUps:
          stored.length > 0
            ? [
                { kind: "analysis", data: { scope: { kind: "articles", articleIds: stored } } },
                { kind: "tagger", data: {} },
              ]
            : [],
      };
    }
    case "derive": {
      const { stale } = data as JobData["derive"];
      const result = await deriveAllArticles(db, (done, total) => onProgress(done / total), { stale: stale === true });
      const which = stale ? ` again after a pipeline update (now version ${PIPELINE_VERSION})` : "";
      return {
        summary: `Derived ${plural(result.articles, "article")}${which}: ${result.updated} claims kept, ${result.added} new, ${result.removed} removed, ${result.kept} kept for editors' work.`,
        followUps: [{ kind: "analysis", data: { scope: FULL_ANALYSIS } }],
      };
    }
  }
  throw new Error(`Unknown job kind: ${String(kind)}`);
}
