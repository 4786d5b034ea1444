import crypto from "node:crypto";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { claimFingerprint, type ArticleExtraction, type Claim, type LearnedSpeaker } from "@/lib/nlp";
import { slugify } from "@/lib/text/slug";

export type Tx = Prisma.TransactionClient | Db;

/** The lower-cased, space-collapsed form every alias is looked up by. */
export function normalizeAlias(alias: string): string {
  return alias.normalize("NFKC").toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, " ").trim();
}

function namesOf(speaker: LearnedSpeaker): string[] {
  return [...new Set([speaker.name, ...speaker.aliases].map((name) => name.trim()).filter(Boolean))];
}

/**
 * Maps the extraction's speakers to Speaker rows: an existing speaker when any of the names the
 * pipeline knows for that person is already an alias of one (so spellings and later canonical-name
 * changes never split a person), a new one otherwise; records every name as an alias.
 * @returns speaker id and stored canonical name per pipeline speaker id.
 */
export async function upsertSpeakers(tx: Tx, extraction: ArticleExtraction): Promise<Map<string, { id: string; name: string }>> {
  const used = new Set(extraction.claims.map((claim) => claim.speakerId).filter((id): id is string => Boolean(id)));
  const result = new Map<string, { id: string; name: string }>();
  for (const learned of extraction.speakersLearned) {
    if (!used.has(learned.id)) continue;
    const names = namesOf(learned);
    const normalized = names.map(normalizeAlias);
    const known = await tx.speakerAlias.findFirst({
      where: { normalized: { in: normalized } },
      select: { speaker: { select: { id: true, name: true } } },
    });
    let speaker = known?.speaker;
    if (!speaker) {
      const slug = slugify(learned.name);
      speaker = await tx.speaker.upsert({
        where: { slug },
        create: { slug, name: learned.name, kind: learned.kind },
        update: {},
        select: { id: true, name: true },
      });
    }
    await tx.speakerAlias.createMany({
      data: names.map((alias) => ({ speakerId: speaker.id, alias, normalized: normalizeAlias(alias) })),
      skipDuplicates: true,
    });
    result.set(learned.id, speaker);
  }
  return result;
}

export type ClaimRow = { id: string; readonly claim: Claim; readonly speakerId: string | null; readonly fingerprint: string };

/**
 * The extraction's claims with their stored speaker and a fingerprint over the stored canonical name,
 * one per fingerprint (the article-level unique key).
 */
export function claimRows(extraction: ArticleExtraction, speakers: Map<string, { id: string; name: string }>): ClaimRow[] {
  const rows = new Map<string, ClaimRow>();
  for (const claim of extraction.claims) {
    const speaker = claim.speakerId ? speakers.get(claim.speakerId) : undefined;
    const fingerprint = claimFingerprint({ speaker: speaker?.name ?? claim.speaker, text: claim.text });
    if (!rows.has(fingerprint)) rows.set(fingerprint, { id: crypto.randomUUID(), claim, speakerId: speaker?.id ?? null, fingerprint });
  }
  return [...rows.values()];
}

/** Writes sentences, and the issue links and figures of `rows`, for one article. */
export async function writeClaimDetails(tx: Tx, articleId: string, extraction: ArticleExtraction, rows: ClaimRow[], issueIds: Map<string, string>) {
  await tx.sentence.createMany({
    data: extraction.sentences.map((sentence, index) => ({
      articleId,
      index,
      paragraph: sentence.paragraph,
      start: sentence.start,
      end: sentence.end,
      issues: sentence.issues,
    })),
  });
  await tx.claimIssue.createMany({
    data: rows.flatMap(({ id, claim }) =>
      claim.issues.flatMap((slug) => {
        const issueId = issueIds.get(slug);
        return issueId ? [{ claimId: id, issueId }] : [];
      }),
    ),
    skipDuplicates: true,
  });
  await tx.claimFigure.createMany({
    data: rows.flatMap(({ id, claim }) =>
      claim.figures.map((figure) => ({ claimId: id, raw: figure.raw, value: figure.value, unit: figure.unit, about: figure.about, start: figure.start, end: figure.end })),
    ),
  });
}

/** The columns of a claim that come from the pipeline (not from review). */
export function pipelineColumns(row: ClaimRow) {
  const { claim } = row;
  return {
    kind: claim.kind,
    start: claim.start,
    end: claim.end,
    text: claim.text,
    quote: claim.quote,
    isPartial: claim.partial,
    speakerId: row.speakerId,
    speakerText: claim.speakerMention,
    verb: claim.verb,
    confidence: claim.confidence,
    fingerprint: row.fingerprint,
  };
}
