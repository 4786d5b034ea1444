import crypto from "node:crypto";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleSource } from "@/lib/generated/prisma/enums";
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
  const learned = extraction.speakersLearned.filter((speaker) => used.has(speaker.id)).map((speaker) => ({ speaker, names: namesOf(speaker) }));
  const result = new Map<string, { id: string; name: string }>();
  if (learned.length === 0) return result;
  const known = await tx.speakerAlias.findMany({
    where: { normalized: { in: learned.flatMap(({ names }) => names.map(normalizeAlias)) } },
    select: { normalized: true, speaker: { select: { id: true, name: true } } },
  });
  const byAlias = new Map(known.map((row) => [row.normalized, row.speaker]));
  const missing: typeof learned = [];
  for (const entry of learned) {
    const match = entry.names.map((name) => byAlias.get(normalizeAlias(name))).find(Boolean);
    if (match) result.set(entry.speaker.id, match);
    else missing.push(entry);
  }
  if (missing.length > 0) {
    const slugs = missing.map(({ speaker }) => slugify(speaker.name));
    await tx.speaker.createMany({
      data: missing.map(({ speaker }, index) => ({ slug: slugs[index]!, name: speaker.name, kind: speaker.kind })).sort((a, b) => a.slug.localeCompare(b.slug)),
      skipDuplicates: true,
    });
    const created = new Map(
      (await tx.speaker.findMany({ where: { slug: { in: slugs } }, select: { id: true, name: true, slug: true } })).map((row) => [row.slug, row]),
    );
    missing.forEach(({ speaker }, index) => {
      const row = created.get(slugs[index]!);
      if (row) result.set(speaker.id, { id: row.id, name: row.name });
    });
  }
  // Only names not known yet; rows go in a fixed order so concurrent ingests take their row locks in
  // the same order (no deadlock).
  const aliases = learned
    .flatMap(({ speaker, names }) => {
      const stored = result.get(speaker.id);
      return stored ? names.map((alias) => ({ speakerId: stored.id, alias, normalized: normalizeAlias(alias) })) : [];
    })
    .filter((row) => !byAlias.has(row.normalized))
    .sort((a, b) => a.normalized.localeCompare(b.normalized));
  if (aliases.length > 0) await tx.speakerAlias.createMany({ data: aliases, skipDuplicates: true });
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

function claimsInsert(articleId: string, rows: ClaimRow[]): Prisma.Sql {
  const columns = rows.map(pipelineColumns);
  return Prisma.sql`
    INSERT INTO "Claim" (id, "articleId", kind, start, "end", text, quote, "isPartial", "speakerId", "speakerText", "speakerMentionStart", "speakerMentionEnd", "attributionReason", verb, confidence, fingerprint, "updatedAt",
      "pipelineKind", "pipelineStart", "pipelineEnd", "pipelineText", "pipelineQuote", "pipelineSpeakerId")
    SELECT id, ${articleId}, kind::"ClaimKind", start, "end", text, quote, partial, speaker, mention, "mentionStart", "mentionEnd", reason, verb, confidence, fingerprint, now(),
      kind::"ClaimKind", start, "end", text, quote, speaker
    FROM unnest(
      ${rows.map((row) => row.id)}::text[], ${columns.map((c) => c.kind)}::text[], ${columns.map((c) => c.start)}::int[],
      ${columns.map((c) => c.end)}::int[], ${columns.map((c) => c.text)}::text[], ${columns.map((c) => c.quote)}::text[],
      ${columns.map((c) => c.isPartial)}::bool[], ${columns.map((c) => c.speakerId)}::text[], ${columns.map((c) => c.speakerText)}::text[],
      ${columns.map((c) => c.speakerMentionStart)}::int[], ${columns.map((c) => c.speakerMentionEnd)}::int[], ${columns.map((c) => c.attributionReason)}::text[],
      ${columns.map((c) => c.verb)}::text[], ${columns.map((c) => c.confidence)}::float8[], ${columns.map((c) => c.fingerprint)}::text[]
    ) AS input(id, kind, start, "end", text, quote, partial, speaker, mention, "mentionStart", "mentionEnd", reason, verb, confidence, fingerprint)`;
}

function sentencesInsert(articleId: string, sentences: ArticleExtraction["sentences"]): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "Sentence" (id, "articleId", index, paragraph, start, "end", issues)
    SELECT gen_random_uuid()::text, ${articleId}, ord - 1, paragraph, start, "end",
      COALESCE((SELECT array_agg(slug) FROM unnest(string_to_array(issues, ',')) AS slug WHERE slug <> ''), '{}')
    FROM unnest(${sentences.map((x) => x.paragraph)}::int[], ${sentences.map((x) => x.start)}::int[], ${sentences.map((x) => x.end)}::int[],
      ${sentences.map((x) => x.issues.join(","))}::text[]) WITH ORDINALITY AS input(paragraph, start, "end", issues, ord)`;
}

function issueLinksOf(rows: ClaimRow[], issueIds: Map<string, string>) {
  return rows.flatMap(({ id, claim }) =>
    claim.issues.flatMap((slug) => {
      const issueId = issueIds.get(slug);
      return issueId ? [{ claimId: id, issueId }] : [];
    }),
  );
}

function issueLinksInsert(links: { claimId: string; issueId: string }[]): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "ClaimIssue" ("claimId", "issueId")
    SELECT * FROM unnest(${links.map((link) => link.claimId)}::text[], ${links.map((link) => link.issueId)}::text[])
    ON CONFLICT DO NOTHING`;
}

function figuresOf(rows: ClaimRow[]) {
  return rows.flatMap(({ id, claim }) => claim.figures.map((figure) => ({ claimId: id, ...figure })));
}

function figuresInsert(figures: ReturnType<typeof figuresOf>): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "ClaimFigure" (id, "claimId", raw, value, high, unit, about, start, "end")
    SELECT gen_random_uuid()::text, * FROM unnest(
      ${figures.map((f) => f.claimId)}::text[], ${figures.map((f) => f.raw)}::text[], ${figures.map((f) => f.value)}::float8[], ${figures.map((f) => f.high ?? null)}::float8[],
      ${figures.map((f) => f.unit)}::text[], ${figures.map((f) => f.about)}::text[], ${figures.map((f) => f.start)}::int[], ${figures.map((f) => f.end)}::int[])`;
}

/**
 * Inserts the claims of one article in one statement (arrays unnested on the server), which costs a
 * fraction of row-by-row or ORM bulk inserts on the ingest path.
 */
export async function insertClaims(tx: Tx, articleId: string, rows: ClaimRow[]) {
  if (rows.length > 0) await tx.$executeRaw(claimsInsert(articleId, rows));
}

/** Writes sentences, and the issue links and figures of `rows`, for one article, one statement each. */
export async function writeClaimDetails(tx: Tx, articleId: string, extraction: ArticleExtraction, rows: ClaimRow[], issueIds: Map<string, string>) {
  if (extraction.sentences.length > 0) await tx.$executeRaw(sentencesInsert(articleId, extraction.sentences));
  const links = issueLinksOf(rows, issueIds);
  if (links.length > 0) await tx.$executeRaw(issueLinksInsert(links));
  const figures = figuresOf(rows);
  if (figures.length > 0) await tx.$executeRaw(figuresInsert(figures));
}

export type NewArticle = {
  id: string;
  outletId: string | null;
  title: string | null;
  url: string | null;
  publishedAt: Date | null;
  byline: string | null;
  originalText: string;
  cleanedText: string;
  contentHash: string;
  minhash: number[];
  lshBands: number[];
  source: ArticleSource;
  sourceFile: string | null;
  ingestedById: string | null;
};

/**
 * Inserts a new article with its sentences, claims, issue links and figures in one statement (one round
 * trip; the foreign keys are checked when it ends). `rows` reference stored speakers already.
 */
export async function insertArticleWithDerived(tx: Tx, article: NewArticle, extraction: ArticleExtraction, rows: ClaimRow[], issueIds: Map<string, string>) {
  await tx.$executeRaw`
    WITH article AS (
      INSERT INTO "Article" (id, "outletId", title, url, "publishedAt", byline, "originalText", "cleanedText", "contentHash", minhash, "lshBands", source, "sourceFile", "charCount", "ingestedById", "derivedAt", "updatedAt")
      VALUES (${article.id}, ${article.outletId}, ${article.title}, ${article.url}, ${article.publishedAt}, ${article.byline}, ${article.originalText}, ${article.cleanedText},
        ${article.contentHash}, ${article.minhash}::int[], ${article.lshBands}::int[], ${article.source}::"ArticleSource", ${article.sourceFile}, ${article.originalText.length},
        ${article.ingestedById}, now(), now())
    ),
    sentences AS (${sentencesInsert(article.id, extraction.sentences)}),
    claims AS (${claimsInsert(article.id, rows)}),
    links AS (${issueLinksInsert(issueLinksOf(rows, issueIds))}),
    figures AS (${figuresInsert(figuresOf(rows))})
    SELECT 1`;
}

/**
 * The columns of a claim that come from the pipeline (not from review): the `pipeline*` originals and,
 * until corrections are applied over them (`currentClaim`), the current columns too.
 */
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
    speakerMentionStart: claim.speakerMentionStart,
    speakerMentionEnd: claim.speakerMentionEnd,
    attributionReason: claim.attributionReason,
    verb: claim.verb,
    confidence: claim.confidence,
    fingerprint: row.fingerprint,
    pipelineKind: claim.kind,
    pipelineStart: claim.start,
    pipelineEnd: claim.end,
    pipelineText: claim.text,
    pipelineQuote: claim.quote,
    pipelineSpeakerId: row.speakerId,
  };
}
