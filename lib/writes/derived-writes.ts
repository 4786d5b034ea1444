import crypto from "node:crypto";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleSource } from "@/lib/generated/prisma/enums";
import { claimFingerprint, type ArticleExtraction, type Claim, type LearnedSpeaker } from "@/lib/nlp";
import { PIPELINE_VERSION } from "@/lib/nlp/version";
import { slugify } from "@/lib/text/slug";

export type Tx = Prisma.TransactionClient | Db;

/** What the writes read of an extraction (an extraction thread hands back everything but the speaker registry). */
export type StoredExtraction = Pick<ArticleExtraction, "claims" | "sentences" | "speakersLearned">;

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
export async function upsertSpeakers(tx: Tx, extraction: StoredExtraction): Promise<Map<string, { id: string; name: string }>> {
  const [result] = await upsertSpeakersOf(tx, [extraction]);
  return result!;
}

/**
 * {@link upsertSpeakers} for several articles at once, in a fixed number of statements: one alias lookup,
 * one insert of the new speakers (two articles introducing one name share its row), one of the new aliases.
 * @returns per extraction, in order, the stored speaker per pipeline speaker id.
 */
export async function upsertSpeakersOf(tx: Tx, extractions: readonly StoredExtraction[]): Promise<Map<string, { id: string; name: string }>[]> {
  const learned = extractions.map((extraction) => {
    const used = new Set(extraction.claims.map((claim) => claim.speakerId).filter((id): id is string => Boolean(id)));
    return extraction.speakersLearned.filter((speaker) => used.has(speaker.id)).map((speaker) => ({ speaker, names: namesOf(speaker) }));
  });
  const results = extractions.map(() => new Map<string, { id: string; name: string }>());
  const all = learned.flatMap((entries, index) => entries.map((entry) => ({ ...entry, index })));
  if (all.length === 0) return results;
  const known = await tx.speakerAlias.findMany({
    where: { normalized: { in: [...new Set(all.flatMap(({ names }) => names.map(normalizeAlias)))] } },
    select: { normalized: true, speaker: { select: { id: true, name: true } } },
  });
  const byAlias = new Map(known.map((row) => [row.normalized, row.speaker]));
  const missing: typeof all = [];
  for (const entry of all) {
    const match = entry.names.map((name) => byAlias.get(normalizeAlias(name))).find(Boolean);
    if (match) results[entry.index]!.set(entry.speaker.id, match);
    else missing.push(entry);
  }
  if (missing.length > 0) {
    const slugs = missing.map(({ speaker }) => slugify(speaker.name));
    const rows = new Map(missing.map(({ speaker }, index) => [slugs[index]!, { slug: slugs[index]!, name: speaker.name, kind: speaker.kind }]));
    await tx.speaker.createMany({ data: [...rows.values()].sort((a, b) => a.slug.localeCompare(b.slug)), skipDuplicates: true });
    const created = new Map(
      (await tx.speaker.findMany({ where: { slug: { in: [...rows.keys()] } }, select: { id: true, name: true, slug: true } })).map((row) => [row.slug, row]),
    );
    missing.forEach(({ speaker, index }, position) => {
      const row = created.get(slugs[position]!);
      if (row) results[index]!.set(speaker.id, { id: row.id, name: row.name });
    });
  }
  // Only names not known yet, each once; rows go in a fixed order so concurrent ingests take their row
  // locks in the same order (no deadlock).
  const aliases = new Map<string, { speakerId: string; alias: string; normalized: string }>();
  for (const { speaker, names, index } of all) {
    const stored = results[index]!.get(speaker.id);
    if (!stored) continue;
    for (const alias of names) {
      const normalized = normalizeAlias(alias);
      if (!byAlias.has(normalized) && !aliases.has(normalized)) aliases.set(normalized, { speakerId: stored.id, alias, normalized });
    }
  }
  const rows = [...aliases.values()].sort((a, b) => a.normalized.localeCompare(b.normalized));
  if (rows.length > 0) await tx.speakerAlias.createMany({ data: rows, skipDuplicates: true });
  return results;
}

export type ClaimRow = { id: string; readonly claim: Claim; readonly speakerId: string | null; readonly fingerprint: string };

/**
 * The extraction's claims with their stored speaker and a fingerprint over the stored canonical name,
 * one per fingerprint (the article-level unique key).
 */
export function claimRows(extraction: StoredExtraction, speakers: Map<string, { id: string; name: string }>): ClaimRow[] {
  const rows = new Map<string, ClaimRow>();
  for (const claim of extraction.claims) {
    const speaker = claim.speakerId ? speakers.get(claim.speakerId) : undefined;
    const name = speaker?.name ?? claim.speaker;
    // The pipeline's fingerprint already hashes this name unless the stored speaker is spelled otherwise.
    const fingerprint = name === claim.speaker ? claim.fingerprint : claimFingerprint({ speaker: name, text: claim.text });
    if (!rows.has(fingerprint)) rows.set(fingerprint, { id: crypto.randomUUID(), claim, speakerId: speaker?.id ?? null, fingerprint });
  }
  return [...rows.values()];
}

/** Article ids per row: one id for all rows, or one per row. */
function articleIdsOf(articleId: string | string[], count: number): string[] {
  return typeof articleId === "string" ? Array.from({ length: count }, () => articleId) : articleId;
}

function claimsInsert(articleId: string | string[], rows: ClaimRow[]): Prisma.Sql {
  const columns = rows.map(pipelineColumns);
  return Prisma.sql`
    INSERT INTO "Claim" (id, "articleId", kind, start, "end", text, quote, "isPartial", "speakerId", "speakerText", "speakerMentionStart", "speakerMentionEnd", "attributionReason", verb, confidence, fingerprint, "updatedAt",
      "pipelineKind", "pipelineStart", "pipelineEnd", "pipelineText", "pipelineQuote", "pipelineSpeakerId")
    SELECT id, "articleId", kind::"ClaimKind", start, "end", text, quote, partial, speaker, mention, "mentionStart", "mentionEnd", reason, verb, confidence, fingerprint, now(),
      kind::"ClaimKind", start, "end", text, quote, speaker
    FROM unnest(
      ${rows.map((row) => row.id)}::text[], ${articleIdsOf(articleId, rows.length)}::text[], ${columns.map((c) => c.kind)}::text[], ${columns.map((c) => c.start)}::int[],
      ${columns.map((c) => c.end)}::int[], ${columns.map((c) => c.text)}::text[], ${columns.map((c) => c.quote)}::text[],
      ${columns.map((c) => c.isPartial)}::bool[], ${columns.map((c) => c.speakerId)}::text[], ${columns.map((c) => c.speakerText)}::text[],
      ${columns.map((c) => c.speakerMentionStart)}::int[], ${columns.map((c) => c.speakerMentionEnd)}::int[], ${columns.map((c) => c.attributionReason)}::text[],
      ${columns.map((c) => c.verb)}::text[], ${columns.map((c) => c.confidence)}::float8[], ${columns.map((c) => c.fingerprint)}::text[]
    ) AS input(id, "articleId", kind, start, "end", text, quote, partial, speaker, mention, "mentionStart", "mentionEnd", reason, verb, confidence, fingerprint)`;
}

/** The sentences of one article, or of several (`articleIds` per sentence, `indexes` their position in their article). */
function sentencesInsert(articleId: string | string[], sentences: ArticleExtraction["sentences"], indexes?: number[]): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "Sentence" (id, "articleId", index, paragraph, start, "end", issues)
    SELECT gen_random_uuid()::text, "articleId", COALESCE(index, ord - 1), paragraph, start, "end",
      COALESCE((SELECT array_agg(slug) FROM unnest(string_to_array(issues, ',')) AS slug WHERE slug <> ''), '{}')
    FROM unnest(${articleIdsOf(articleId, sentences.length)}::text[], ${indexes ?? sentences.map(() => null)}::int[], ${sentences.map((x) => x.paragraph)}::int[],
      ${sentences.map((x) => x.start)}::int[], ${sentences.map((x) => x.end)}::int[],
      ${sentences.map((x) => x.issues.join(","))}::text[]) WITH ORDINALITY AS input("articleId", index, paragraph, start, "end", issues, ord)`;
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
export async function writeClaimDetails(tx: Tx, articleId: string, extraction: StoredExtraction, rows: ClaimRow[], issueIds: Map<string, string>) {
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

/** A new article with what was derived from it, its claims' rows referencing stored speakers already. */
export type NewArticleWithDerived = { article: NewArticle; extraction: StoredExtraction; rows: ClaimRow[] };

/**
 * Inserts a new article with its sentences, claims, issue links and figures in one statement (one round
 * trip; the foreign keys are checked when it ends). `rows` reference stored speakers already.
 */
export async function insertArticleWithDerived(tx: Tx, article: NewArticle, extraction: StoredExtraction, rows: ClaimRow[], issueIds: Map<string, string>) {
  await insertArticlesWithDerived(tx, [{ article, extraction, rows }], issueIds);
}

/**
 * Inserts several new articles with everything derived from them in one statement: each table's rows of
 * all the articles go in as arrays unnested on the server, so a batch costs one round trip and one plan.
 */
export async function insertArticlesWithDerived(tx: Tx, items: readonly NewArticleWithDerived[], issueIds: Map<string, string>) {
  if (items.length === 0) return;
  const articles = items.map((item) => item.article);
  const sentences = items.flatMap((item) => item.extraction.sentences);
  const sentenceArticles = items.flatMap((item) => item.extraction.sentences.map(() => item.article.id));
  const sentenceIndexes = items.flatMap((item) => item.extraction.sentences.map((_, index) => index));
  const rows = items.flatMap((item) => item.rows);
  const claimArticles = items.flatMap((item) => item.rows.map(() => item.article.id));
  const published = articles.map((article) => article.publishedAt?.toISOString() ?? null);
  await tx.$executeRaw`
    WITH article AS (
      INSERT INTO "Article" (id, "outletId", title, url, "publishedAt", byline, "originalText", "cleanedText", "contentHash", minhash, "lshBands", source, "sourceFile", "charCount", "ingestedById", "derivedAt", "pipelineVersion", "updatedAt")
      SELECT id, "outletId", title, url, "publishedAt"::timestamp(3), byline, "originalText", "cleanedText", "contentHash", minhash::int[], "lshBands"::int[], source::"ArticleSource",
        "sourceFile", "charCount", "ingestedById", now(), ${PIPELINE_VERSION}::int, now()
      FROM unnest(${articles.map((a) => a.id)}::text[], ${articles.map((a) => a.outletId)}::text[], ${articles.map((a) => a.title)}::text[], ${articles.map((a) => a.url)}::text[],
        ${published}::text[], ${articles.map((a) => a.byline)}::text[], ${articles.map((a) => a.originalText)}::text[], ${articles.map((a) => a.cleanedText)}::text[],
        ${articles.map((a) => a.contentHash)}::text[], ${articles.map((a) => `{${a.minhash.join(",")}}`)}::text[], ${articles.map((a) => `{${a.lshBands.join(",")}}`)}::text[],
        ${articles.map((a) => a.source)}::text[], ${articles.map((a) => a.sourceFile)}::text[], ${articles.map((a) => a.originalText.length)}::int[],
        ${articles.map((a) => a.ingestedById)}::text[])
        AS input(id, "outletId", title, url, "publishedAt", byline, "originalText", "cleanedText", "contentHash", minhash, "lshBands", source, "sourceFile", "charCount", "ingestedById")
    ),
    sentences AS (${sentencesInsert(sentenceArticles, sentences, sentenceIndexes)}),
    claims AS (${claimsInsert(claimArticles, rows)}),
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
