import type { Db } from "@/lib/db";
import { extractArticle, type IssueLexicon, type IssueTaggerModel } from "@/lib/nlp";
import { claimRows, pipelineColumns, upsertSpeakers, writeClaimDetails } from "@/lib/services/derived-writes";
import type { SpeakerContext } from "@/lib/services/ingest";
import { applyIssueCorrection, readCorrections } from "@/lib/services/review";

export type DeriveOutcome = { updated: number; added: number; removed: number; kept: number };

export type DeriveContext = { issues: IssueLexicon[]; speakers: SpeakerContext; issueIds: Map<string, string>; tagger?: IssueTaggerModel | null };

/**
 * Derives an article's sentences and claims again (after the pipeline or a lexicon changed) without
 * losing editors' work: a claim whose fingerprint (speaker + normalized text of the pipeline's output)
 * is derived again keeps its id, review status, corrections (issue corrections re-applied to its issue links), assignee, version, notes and audit log;
 * a claim no longer derived is removed only if nobody has touched it. One transaction per article.
 */
export async function deriveArticle(db: Db, articleId: string, context: DeriveContext): Promise<DeriveOutcome> {
  const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { originalText: true } });
  const extraction = extractArticle(article.originalText, { issues: context.issues, speakers: context.speakers.registry, tagger: context.tagger });
  context.speakers.registry = extraction.speakers;
  return db.$transaction(
    async (tx) => {
      const existing = await tx.claim.findMany({
        where: { articleId },
        select: {
          id: true,
          fingerprint: true,
          status: true,
          corrections: true,
          assigneeId: true,
          _count: { select: { notes: true, reviewEvents: true, shareLinks: true } },
        },
      });
      const byFingerprint = new Map(existing.map((claim) => [claim.fingerprint, claim]));
      const speakers = await upsertSpeakers(tx, extraction);
      const rows = claimRows(extraction, speakers);
      const outcome: DeriveOutcome = { updated: 0, added: 0, removed: 0, kept: 0 };
      const matched = new Set<string>();
      for (const row of rows) {
        const previous = byFingerprint.get(row.fingerprint);
        if (previous) {
          row.id = previous.id;
          matched.add(previous.id);
          await tx.claim.update({ where: { id: previous.id }, data: pipelineColumns(row) });
          outcome.updated += 1;
        } else {
          await tx.claim.create({ data: { id: row.id, articleId, ...pipelineColumns(row) } });
          outcome.added += 1;
        }
      }
      const unmatched = existing.filter((claim) => !matched.has(claim.id));
      const untouched = unmatched.filter(
        (claim) =>
          claim.status === "unreviewed" &&
          claim.corrections === null &&
          !claim.assigneeId &&
          claim._count.notes + claim._count.reviewEvents + claim._count.shareLinks === 0,
      );
      await tx.claim.deleteMany({ where: { id: { in: untouched.map((claim) => claim.id) } } });
      outcome.removed = untouched.length;
      outcome.kept = unmatched.length - untouched.length;
      await tx.sentence.deleteMany({ where: { articleId } });
      await tx.claimIssue.deleteMany({ where: { claimId: { in: [...matched] } } });
      await tx.claimFigure.deleteMany({ where: { claimId: { in: [...matched] } } });
      await writeClaimDetails(tx, articleId, extraction, rows, context.issueIds);
      for (const claim of existing) {
        const corrected = matched.has(claim.id) ? readCorrections(claim.corrections).issues : undefined;
        if (corrected) await applyIssueCorrection(tx, claim.id, corrected);
      }
      await tx.article.update({ where: { id: articleId }, data: { cleanedText: extraction.cleanedText, derivedAt: new Date() } });
      return outcome;
    },
    { timeout: 60_000 },
  );
}
