import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { extractArticle, type IssueLexicon, type IssueTaggerModel } from "@/lib/nlp";
import { PIPELINE_VERSION } from "@/lib/nlp/version";
import { claimRows, pipelineColumns, upsertSpeakers, writeClaimDetails } from "@/lib/writes/derived-writes";
import type { SpeakerContext } from "@/lib/writes/ingest";
import { currentClaim, pipelineOf, readCorrections, type Corrections } from "@/lib/writes/current-claim";
import { applyIssueCorrection } from "@/lib/writes/review";

export type DeriveOutcome = { updated: number; added: number; removed: number; kept: number };

export type DeriveContext = { issues: IssueLexicon[]; speakers: SpeakerContext; issueIds: Map<string, string>; tagger?: IssueTaggerModel | null };

/**
 * A newer text of the article to derive from instead of the stored one: `store` writes it (and keeps the
 * old one) inside the derivation's transaction. Annotated claims not found in it are retired: their
 * notes move to the article marked with `earlierVersion`, a review or correction leaves a note by
 * `actorId` saying so, and the claim is removed (its offsets mean nothing in the new text).
 */
export type NewText = { text: string; earlierVersion: number; actorId: string; store: (tx: Prisma.TransactionClient) => Promise<void> };

function shiftSpan(corrections: Corrections, delta: number, length: number): Corrections {
  if (delta === 0 || (corrections.start === undefined && corrections.end === undefined)) return corrections;
  const start = corrections.start === undefined ? undefined : corrections.start + delta;
  const end = corrections.end === undefined ? undefined : corrections.end + delta;
  const { start: _start, end: _end, ...rest } = corrections;
  if ((start !== undefined && (start < 0 || start > length)) || (end !== undefined && (end < 0 || end > length))) return rest;
  return { ...rest, ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) };
}

const STATUS_WORDS: Record<string, string> = {
  confirmed: "confirmed",
  disputed: "disputed",
  false: "marked false",
  not_a_claim: "marked not a claim",
  unreviewed: "not reviewed",
};

/**
 * Derives an article's sentences and claims again (after the pipeline or a lexicon changed) without
 * losing editors' work: a claim whose fingerprint (speaker + normalized text of the pipeline's output)
 * is derived again keeps its id, review status, corrections (applied again to its current columns, issue
 * corrections to its issue links), assignee, version, notes and audit log;
 * a claim no longer derived is removed only if nobody has touched it. One transaction per article.
 */
export async function deriveArticle(db: Db, articleId: string, context: DeriveContext, newText?: NewText): Promise<DeriveOutcome> {
  const article = newText ? { originalText: newText.text } : await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { originalText: true } });
  const extraction = extractArticle(article.originalText, { issues: context.issues, speakers: context.speakers.registry, tagger: context.tagger });
  context.speakers.registry = extraction.speakers;
  return db.$transaction(
    async (tx) => {
      if (newText) await newText.store(tx);
      const existing = await tx.claim.findMany({
        where: { articleId },
        select: {
          id: true,
          fingerprint: true,
          status: true,
          text: true,
          pipelineStart: true,
          corrections: true,
          assigneeId: true,
          _count: { select: { notes: true, reviewEvents: true, shareLinks: true } },
        },
      });
      const byFingerprint = new Map(existing.map((claim) => [claim.fingerprint, claim]));
      const correctedSpeakers = existing.flatMap((claim) => readCorrections(claim.corrections).speakerId ?? []);
      const knownSpeakers = new Set(
        correctedSpeakers.length > 0
          ? (await tx.speaker.findMany({ where: { id: { in: correctedSpeakers } }, select: { id: true } })).map((speaker) => speaker.id)
          : [],
      );
      const speakers = await upsertSpeakers(tx, extraction);
      const rows = claimRows(extraction, speakers);
      const outcome: DeriveOutcome = { updated: 0, added: 0, removed: 0, kept: 0 };
      const matched = new Set<string>();
      for (const row of rows) {
        const previous = byFingerprint.get(row.fingerprint);
        if (previous) {
          row.id = previous.id;
          matched.add(previous.id);
          const columns = pipelineColumns(row);
          const corrections = shiftSpan(readCorrections(previous.corrections), row.claim.start - previous.pipelineStart, article.originalText.length);
          const shifted = JSON.stringify(corrections) !== JSON.stringify(readCorrections(previous.corrections));
          const stored = shifted ? { corrections: Object.keys(corrections).length > 0 ? (corrections as Prisma.InputJsonValue) : Prisma.DbNull } : {};
          if (corrections.speakerId && !knownSpeakers.has(corrections.speakerId)) delete corrections.speakerId;
          await tx.claim.update({
            where: { id: previous.id },
            data: { ...columns, ...stored, ...currentClaim(pipelineOf(columns), corrections, article.originalText) },
          });
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
      const retired = newText ? unmatched.filter((claim) => !untouched.includes(claim)) : [];
      if (newText) await retireClaims(tx, articleId, newText, retired);
      await tx.claim.deleteMany({ where: { id: { in: [...untouched, ...retired].map((claim) => claim.id) } } });
      outcome.removed = untouched.length + retired.length;
      outcome.kept = unmatched.length - untouched.length - retired.length;
      await tx.sentence.deleteMany({ where: { articleId } });
      await tx.claimIssue.deleteMany({ where: { claimId: { in: [...matched] } } });
      await tx.claimFigure.deleteMany({ where: { claimId: { in: [...matched] } } });
      await writeClaimDetails(tx, articleId, extraction, rows, context.issueIds);
      for (const claim of existing) {
        const corrected = matched.has(claim.id) ? readCorrections(claim.corrections).issues : undefined;
        if (corrected) await applyIssueCorrection(tx, claim.id, corrected);
      }
      await tx.article.update({
        where: { id: articleId },
        data: { cleanedText: extraction.cleanedText, derivedAt: new Date(), pipelineVersion: PIPELINE_VERSION },
      });
      return outcome;
    },
    { timeout: 60_000 },
  );
}

type RetiredClaim = {
  id: string;
  text: string;
  status: string;
  corrections: unknown;
  assigneeId: string | null;
  _count: { notes: number; shareLinks: number };
};

/** Moves the notes of claims not found in a newer text to the article, and records each one's review or correction in a note of its own. */
async function retireClaims(tx: Prisma.TransactionClient, articleId: string, newText: NewText, claims: RetiredClaim[]) {
  const marks = { targetType: "article" as const, articleId, claimId: null, earlierVersion: newText.earlierVersion };
  for (const claim of claims) {
    if (claim._count.notes > 0) await tx.note.updateMany({ where: { claimId: claim.id }, data: { ...marks, earlierClaimText: claim.text } });
    const corrected = Object.keys(readCorrections(claim.corrections)).length > 0;
    const state = [
      claim.status !== "unreviewed" ? STATUS_WORDS[claim.status] : null,
      corrected ? "corrected" : null,
      claim.assigneeId ? "assigned" : null,
      claim._count.shareLinks > 0 ? "shared (its share links now find nothing)" : null,
    ]
      .filter(Boolean)
      .join(", ");
    if (!state && claim._count.notes > 0) continue;
    const body = `This claim was ${state || "reviewed"} on version ${newText.earlierVersion}; the newer text no longer has it.`;
    await tx.note.create({ data: { ...marks, authorId: newText.actorId, body, earlierClaimText: claim.text } });
  }
}
