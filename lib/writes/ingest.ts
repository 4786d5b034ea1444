import crypto from "node:crypto";
import os from "node:os";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ArticleSource } from "@/lib/generated/prisma/enums";
import {
  ArticleTooLongError,
  extractArticle,
  type ArticleExtraction,
  MAX_ARTICLE_SENTENCES,
  SpeakerRegistry,
  type ArticleMeta,
  type IssueLexicon,
  type IssueTaggerModel,
} from "@/lib/nlp";
import { cleanText } from "@/lib/nlp/clean";
import {
  claimRows,
  insertArticlesWithDerived,
  upsertSpeakersOf,
  type NewArticleWithDerived,
  type StoredExtraction,
  type Tx,
} from "@/lib/writes/derived-writes";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { ExtractionThreadsUnavailableError, sharedExtractionPool } from "@/lib/workers/extraction-pool";
import { estimateSimilarity, lshBands, minhashSignature, normalizeForComparison } from "@/lib/text/minhash";
import { loadIssueTagger } from "@/lib/analysis/run/tagger";
import { slugify } from "@/lib/text/slug";
import { articleInputSchema, type ArticleInput, type ValidArticle } from "@/lib/validations/article";

export const NEAR_DUPLICATE_THRESHOLD = 0.9;
const NEAR_DUPLICATE_CANDIDATES = 50;

export type IngestOutcome =
  /** `claimsOmitted`: claims found beyond the per-article cap (`MAX_ARTICLE_CLAIMS`) and not stored. */
  | { status: "stored"; id: string; claims: number; claimsOmitted: number }
  | { status: "duplicate"; existingId: string }
  | { status: "near_duplicate"; existingId: string; similarity: number };

/** Bad input: the message names the field and what to do; nothing was stored. */
export class IngestValidationError extends AppError {
  constructor(
    message: string,
    readonly field: string,
    code: "invalid" | "too_large" = "invalid",
  ) {
    super(code, message, { field });
  }
}

/** Speakers known so far; batch callers share one so a person keeps one name across the batch. */
export type SpeakerContext = { registry: SpeakerRegistry };

export type IngestContext = {
  source: ArticleSource;
  sourceFile?: string;
  userId?: string;
  /** Issue lexicons; loaded from the database when not given (batch callers pass them once). */
  issues?: IssueLexicon[];
  /** Known speakers; loaded from the database when not given, and updated with what the article taught. */
  speakers?: SpeakerContext;
  /** Issue ids by slug; loaded when not given. */
  issueIds?: Map<string, string>;
  /** Outlet ids by slug that batch callers keep between articles (only outlets already committed). */
  outletIds?: Map<string, string>;
  /**
   * The story's issue tagger (null: none yet). When not given, the stored one is used; retraining it is
   * the caller's (the app queues a `tagger` job after storing, the CLI trains once at the end).
   */
  tagger?: IssueTaggerModel | null;
};

/**
 * Every issue's lexicon, as the pipeline takes them. Resolved issues keep tagging new text, so their
 * history stays complete if they are reopened; the dashboard shows open issues only.
 */
export async function readIssueLexicons(db: Db): Promise<IssueLexicon[]> {
  return db.issue.findMany({
    orderBy: { position: "asc" },
    select: { slug: true, title: true, description: true, phrases: true, exclusions: true },
  });
}

/** Every stored speaker with its aliases, so the pipeline names known people as they are stored. */
export async function loadSpeakerRegistry(db: Db): Promise<SpeakerContext> {
  const speakers = await db.speaker.findMany({ select: { name: true, kind: true, aliases: { select: { alias: true } } } });
  return {
    registry: new SpeakerRegistry(
      speakers.map((speaker) => ({ name: speaker.name, kind: speaker.kind, aliases: speaker.aliases.map((alias) => alias.alias) })),
    ),
  };
}

/** What the text itself says about an article (outlet, title, date, byline), for a form to suggest. */
export function suggestArticleMetadata(body: string): ArticleMeta {
  return cleanText(body).meta;
}

/** An article checked and fingerprinted, before extraction. */
type Prepared = { article: ValidArticle; contentHash: string; minhash: number[]; bands: number[] };

/** What the pipeline derived, as the writes need it (an extraction thread keeps the speaker registry). */
type Derived = StoredExtraction & Pick<ArticleExtraction, "meta" | "cleanedText" | "claimsOmitted">;

/**
 * Validates an article's input and fingerprints its normalised text (exact hash, MinHash, LSH bands).
 * @throws IngestValidationError naming the field and what to do.
 */
function prepareArticle(input: ArticleInput): Prepared {
  const parsed = articleInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const isTooLarge = (issue as { params?: { code?: string } } | undefined)?.params?.code === "too_large";
    throw new IngestValidationError(issue?.message ?? "Invalid article.", String(issue?.path[0] ?? "body"), isTooLarge ? "too_large" : "invalid");
  }
  const article = parsed.data;
  const normalized = normalizeForComparison(article.body);
  const minhash = minhashSignature(normalized);
  return { article, contentHash: crypto.createHash("sha256").update(normalized).digest("hex"), minhash, bands: lshBands(minhash) };
}

type Prior = { duplicate: string | null; candidates: { id: string; minhash: number[] }[] | null };

/**
 * The stored article with the same text, and stored near-duplicate candidates (sharing an LSH band),
 * for each prepared article, in one query.
 */
async function findPriors(db: Db, prepared: readonly Prepared[]): Promise<Prior[]> {
  if (prepared.length === 0) return [];
  // The band index, always: until PostgreSQL has statistics of the bands' values (an ANALYZE after the
  // table grew, which a first large ingest outruns), it expects an overlap to match many rows and reads
  // the whole table for each article instead, about 2 ms an article at a thousand articles and growing.
  const [, rows] = await db.$transaction([
    db.$executeRaw`SET LOCAL enable_seqscan = off`,
    db.$queryRaw<(Prior & { ord: number })[]>`
    SELECT input.ord::int AS ord, (SELECT id FROM "Article" WHERE "contentHash" = input.hash) AS duplicate,
      CASE WHEN input.force THEN NULL ELSE (SELECT json_agg(json_build_object('id', c.id, 'minhash', c.minhash))
        FROM (SELECT id, minhash FROM "Article" WHERE "lshBands" && input.bands::int[] LIMIT ${NEAR_DUPLICATE_CANDIDATES}) c) END AS candidates
    FROM unnest(${prepared.map((p) => p.contentHash)}::text[], ${prepared.map((p) => p.article.force === true)}::bool[], ${prepared.map((p) => `{${p.bands.join(",")}}`)}::text[])
      WITH ORDINALITY AS input(hash, force, bands, ord)`,
  ]);
  const byOrd = new Map(rows.map((row) => [row.ord, row]));
  return prepared.map((_, index) => byOrd.get(index + 1) ?? { duplicate: null, candidates: null });
}

/** The most similar candidate at or over the near-duplicate threshold, if any. */
function nearestDuplicate(minhash: number[], candidates: readonly { id: string; minhash: number[] }[]): { id: string; similarity: number } | undefined {
  let best: { id: string; similarity: number } | undefined;
  for (const candidate of candidates) {
    const similarity = estimateSimilarity(minhash, candidate.minhash);
    if (!best || similarity > best.similarity) best = { id: candidate.id, similarity };
  }
  return best && best.similarity >= NEAR_DUPLICATE_THRESHOLD ? best : undefined;
}

/** A refusal of the pipeline (an article over the sentence limit) as the ingest's validation error. */
function asIngestError(error: unknown): unknown {
  if (error instanceof ArticleTooLongError || (error instanceof Error && error.name === "ArticleTooLongError")) {
    return new IngestValidationError(error.message, "body", "too_large");
  }
  return error;
}

/**
 * The one way an article enters Briefing, whatever the door (seed, paste, upload, URL, API, CLI):
 * validates, refuses exact duplicates and flags near duplicates (unless `force`), derives sentences and
 * claims, and writes the article with everything derived from it in one transaction. Bounded work: an
 * article of more than `MAX_ARTICLE_SENTENCES` sentences is refused, and at most `MAX_ARTICLE_CLAIMS`
 * claims are kept (see `lib/nlp/limits.ts`). The extraction runs on the calling thread; batches
 * ({@link ingestMany}) run it in worker threads.
 * @throws IngestValidationError for bad input, including an article over the sentence limit (nothing stored).
 */
export async function ingestArticle(db: Db, input: ArticleInput, context: IngestContext): Promise<IngestOutcome> {
  const prepared = prepareArticle(input);
  const [prior] = await findPriors(db, [prepared]);
  if (prior?.duplicate) return { status: "duplicate", existingId: prior.duplicate };
  const near = prepared.article.force ? undefined : nearestDuplicate(prepared.minhash, prior?.candidates ?? []);
  if (near) return { status: "near_duplicate", existingId: near.id, similarity: near.similarity };

  const issues = context.issues ?? (await readIssueLexicons(db));
  const speakers = context.speakers ?? (await loadSpeakerRegistry(db));
  const tagger = context.tagger !== undefined ? context.tagger : await loadIssueTagger(db, issues);
  let extraction: ReturnType<typeof extractArticle>;
  try {
    extraction = extractArticle(prepared.article.body, { issues, speakers: speakers.registry, tagger, maxSentences: MAX_ARTICLE_SENTENCES });
  } catch (error) {
    throw asIngestError(error);
  }
  speakers.registry = extraction.speakers;
  const [result] = await storeArticles(db, [{ ...prepared, extraction, sourceFile: context.sourceFile }], context);
  if (result?.error) throw result.error;
  const outcome = result!.outcome!;
  return outcome;
}

/**
 * Whether `error` is a unique violation on `field`: P2002 from a Prisma model write, or P2010 from a raw
 * statement (the article is written by one) whose driver error is a unique-constraint violation.
 */
function isUniqueViolation(error: unknown, field: string): boolean {
  const known = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };
  const unique = known?.code === "P2002" || (known?.code === "P2010" && known.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation");
  return unique && JSON.stringify(known.meta ?? {}).includes(field);
}

export type IngestItem = { input: ArticleInput; sourceFile?: string };

export type IngestResult = { outcome?: IngestOutcome; error?: unknown };

export type IngestManyOptions = {
  /** Extraction threads; 0 extracts on the calling thread (default `EXTRACTION_THREADS`, else one fewer than the cores). */
  threads?: number;
  /** Articles checked for duplicates and extracted together (default 64). */
  window?: number;
  /** Articles written per transaction (default 32). */
  batch?: number;
};

/**
 * How many extraction threads batches use: `EXTRACTION_THREADS`, else one fewer than the cores (at least one).
 * The calling thread checks, fingerprints and writes while the threads extract, PostgreSQL indexes what it
 * writes, and every thread compiles the pipeline anew: on two cores, 1,000 articles ingested with one thread
 * took 2.5 s less CPU than with two and went faster (125–138 articles/s against 114–125, six runs each).
 */
export function extractionThreads(): number {
  return env().EXTRACTION_THREADS ?? Math.max(1, os.availableParallelism() - 1);
}

/**
 * Ingests many articles: each window of articles is checked for duplicates in one query (against the
 * database and against the articles before it in the batch), extracted in a pool of worker threads
 * (`lib/workers/extraction-pool.ts`) while the window before is written, and written in transactions of
 * up to `batch` articles, each article in a savepoint of its own when the batch's single statement
 * fails, so one bad article never loses the others. Results come back through `onResult` with each
 * article's index in `items`; a failure of one article does not stop the rest.
 *
 * Speakers: each thread starts from the speakers stored when the batch began and extends its copy
 * with the articles it extracts; the stored speakers are joined across threads by their names.
 */
export async function ingestMany(
  db: Db,
  items: IngestItem[],
  context: IngestContext,
  onResult: (index: number, result: IngestResult) => void,
  options: IngestManyOptions = {},
): Promise<void> {
  const shared: IngestContext = {
    ...context,
    issues: context.issues ?? (await readIssueLexicons(db)),
    speakers: context.speakers ?? (await loadSpeakerRegistry(db)),
    issueIds: context.issueIds ?? new Map((await db.issue.findMany({ select: { id: true, slug: true } })).map((issue) => [issue.slug, issue.id])),
    outletIds: context.outletIds ?? new Map(),
  };
  shared.tagger = context.tagger !== undefined ? context.tagger : await loadIssueTagger(db, shared.issues!);
  const speakers = shared.speakers!;
  const pool = sharedExtractionPool(options.threads ?? extractionThreads());
  const session = pool?.openSession({
    issues: shared.issues!,
    tagger: shared.tagger ?? null,
    speakers: speakers.registry.toJSON(),
    maxSentences: MAX_ARTICLE_SENTENCES,
  });
  const inThread = (text: string): Derived => {
    const { speakers: registry, ...extraction } = extractArticle(text, {
      issues: shared.issues!,
      speakers: speakers.registry,
      tagger: shared.tagger,
      maxSentences: MAX_ARTICLE_SENTENCES,
    });
    speakers.registry = registry;
    return extraction;
  };
  let isPoolUnavailable = false;
  const extract = async (text: string): Promise<Derived> => {
    if (!session || isPoolUnavailable) return inThread(text);
    try {
      return await session.extract(text);
    } catch (error) {
      if (!(error instanceof ExtractionThreadsUnavailableError)) throw error;
      if (!isPoolUnavailable) logger().warn({ err: error }, "extracting on the calling thread instead");
      isPoolUnavailable = true;
      return inThread(text);
    }
  };

  type Entry = Prepared & { index: number; sourceFile?: string };
  // What later articles of the batch are checked against: only the signature and the outcome, so that an
  // article's text is not kept once it is written, however long the batch.
  type Seen = { minhash: number[]; result: Promise<IngestResult> };
  const byHash = new Map<string, Seen>();
  const byBand = new Map<number, Seen[]>();
  /** The outcome of an article that repeats `original`, an article of this batch, once that is known. */
  const repeatOf = (original: Seen, outcome: (id: string) => IngestOutcome) =>
    original.result.then((result): IngestResult => (result.outcome?.status === "stored" ? { outcome: outcome(result.outcome.id) } : result));
  const window = Math.max(1, options.window ?? 64);
  const batch = Math.max(1, options.batch ?? 32);
  const waiting: Promise<void>[] = [];
  type Extracted = { entry: Entry; settle: (result: IngestResult) => void; extraction: Derived } | null;
  let previous: Promise<Extracted[]> | null = null;
  let writing: Promise<void> = Promise.resolve();
  /** Writes a window's articles once they are extracted and the window before is written, without waiting for that write. */
  const writeWhenExtracted = async (extracting: Promise<Extracted[]>) => {
    const ready = (await extracting).filter((each) => each !== null);
    await writing;
    writing = (async () => {
      for (let from = 0; from < ready.length; from += batch) {
        const part = ready.slice(from, from + batch);
        const results = await storeArticles(
          db,
          part.map(({ entry, extraction }) => ({ ...entry, extraction })),
          shared,
        );
        part.forEach(({ entry, settle }, position) => {
          const result = results[position]!;
          settle(result);
          onResult(entry.index, result);
        });
      }
    })();
  };
  try {
    for (let start = 0; start < items.length; start += window) {
      const prepared: (Prepared & { index: number; sourceFile?: string })[] = [];
      items.slice(start, start + window).forEach((item, offset) => {
        try {
          prepared.push({ ...prepareArticle(item.input), index: start + offset, sourceFile: item.sourceFile });
        } catch (error) {
          onResult(start + offset, { error });
        }
      });
      const priors = await findPriors(db, prepared);
      const fresh: { entry: Entry; settle: (result: IngestResult) => void }[] = [];
      prepared.forEach((each, position) => {
        const prior = priors[position]!;
        if (prior.duplicate) return onResult(each.index, { outcome: { status: "duplicate", existingId: prior.duplicate } });
        const earlier = byHash.get(each.contentHash);
        if (earlier) return waiting.push(repeatOf(earlier, (id) => ({ status: "duplicate", existingId: id })).then((result) => onResult(each.index, result)));
        if (!each.article.force) {
          const near = nearestDuplicate(each.minhash, prior.candidates ?? []);
          if (near) return onResult(each.index, { outcome: { status: "near_duplicate", existingId: near.id, similarity: near.similarity } });
          const batchNear = nearestInBatch(each, byBand);
          if (batchNear) {
            const similarity = estimateSimilarity(each.minhash, batchNear.minhash);
            return waiting.push(
              repeatOf(batchNear, (id) => ({ status: "near_duplicate", existingId: id, similarity })).then((result) => onResult(each.index, result)),
            );
          }
        }
        let settle: (result: IngestResult) => void = () => undefined;
        const seen: Seen = { minhash: each.minhash, result: new Promise((resolve) => (settle = resolve)) };
        byHash.set(each.contentHash, seen);
        for (const band of each.bands) {
          const bucket = byBand.get(band);
          if (bucket) bucket.push(seen);
          else byBand.set(band, [seen]);
        }
        fresh.push({ entry: each, settle });
      });
      // This window's articles join the pool's queue now, behind the previous window's, so the threads
      // never wait while the next window is checked or the previous one written.
      const extracting = Promise.all(
        fresh.map(async ({ entry, settle }) => {
          try {
            return { entry, settle, extraction: await extract(entry.article.body) };
          } catch (error) {
            const result = { error: asIngestError(error) };
            settle(result);
            onResult(entry.index, result);
            return null;
          }
        }),
      );
      if (previous) await writeWhenExtracted(previous);
      previous = extracting;
    }
    if (previous) await writeWhenExtracted(previous);
    await writing;
    await Promise.all(waiting);
  } finally {
    session?.end();
  }
}

/** An article of this batch, stored or on its way, that `entry` nearly duplicates (sharing an LSH band and similar enough). */
function nearestInBatch<T extends { minhash: number[] }>(entry: Prepared, byBand: Map<number, T[]>): T | undefined {
  const candidates = new Set<T>();
  for (const band of entry.bands) for (const each of byBand.get(band) ?? []) candidates.add(each);
  let best: { entry: T; similarity: number } | undefined;
  for (const candidate of candidates) {
    const similarity = estimateSimilarity(entry.minhash, candidate.minhash);
    if (similarity >= NEAR_DUPLICATE_THRESHOLD && (!best || similarity > best.similarity)) best = { entry: candidate, similarity };
  }
  return best?.entry;
}

type ToStore = Prepared & { extraction: Derived; sourceFile?: string };

/** The row and derived rows of one article about to be written, with its outlet's name and slug. */
function newArticle(each: ToStore, context: IngestContext): NewArticleWithDerived & { extraction: Derived; outlet?: { slug: string; name: string } } {
  const { article, extraction } = each;
  const { meta } = extraction;
  const outletName = article.outlet ?? meta.outlet ?? undefined;
  const published = article.publishedAt ?? (meta.published ? new Date(meta.published) : undefined);
  const publishedAt = published && !Number.isNaN(published.getTime()) ? published : null;
  return {
    outlet: outletName ? { slug: slugify(outletName), name: outletName } : undefined,
    extraction,
    rows: [],
    article: {
      id: crypto.randomUUID(),
      outletId: null,
      title: article.title ?? meta.title ?? null,
      url: article.url ?? null,
      publishedAt,
      byline: article.byline ?? meta.byline ?? null,
      originalText: article.body,
      cleanedText: extraction.cleanedText,
      contentHash: each.contentHash,
      minhash: each.minhash,
      lshBands: each.bands,
      source: context.source,
      sourceFile: each.sourceFile ?? context.sourceFile ?? null,
      ingestedById: context.userId ?? null,
    },
  };
}

/**
 * Writes articles with everything derived from them in one transaction: outlets, speakers and all the
 * articles in one statement each. When that fails, each article is written again in a savepoint of its
 * own, so only the articles that fail are lost, each with its error; a text stored meanwhile by someone
 * else is answered as a duplicate of theirs. Nothing of a failed article is left behind.
 */
async function storeArticles(db: Db, entries: readonly ToStore[], context: IngestContext): Promise<IngestResult[]> {
  const issueIds = context.issueIds ?? new Map((await db.issue.findMany({ select: { id: true, slug: true } })).map((issue) => [issue.slug, issue.id]));
  const articles = entries.map((each) => newArticle(each, context));
  const errors = new Map<number, unknown>();
  const write = async (tx: Tx, positions: number[]) => {
    const chosen = positions.map((position) => articles[position]!);
    const outlets = await ensureOutlets(
      tx,
      chosen.flatMap((each) => (each.outlet ? [each.outlet] : [])),
      context.outletIds,
    );
    const speakers = await upsertSpeakersOf(
      tx,
      chosen.map((each) => each.extraction),
    );
    chosen.forEach((each, index) => {
      each.article.outletId = each.outlet ? (outlets.get(each.outlet.slug) ?? null) : null;
      each.rows = claimRows(each.extraction, speakers[index]!);
    });
    await insertArticlesWithDerived(tx, chosen, issueIds);
    return outlets;
  };
  let outlets = new Map<string, string>();
  try {
    await db.$transaction(
      async (tx) => {
        const all = articles.map((_, position) => position);
        if (all.length === 1) {
          outlets = await write(tx, all);
          return;
        }
        await tx.$executeRawUnsafe("SAVEPOINT ingest_batch");
        try {
          outlets = await write(tx, all);
          await tx.$executeRawUnsafe("RELEASE SAVEPOINT ingest_batch");
          return;
        } catch {
          await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT ingest_batch");
        }
        for (const position of all) {
          await tx.$executeRawUnsafe("SAVEPOINT ingest_article");
          try {
            for (const [slug, id] of await write(tx, [position])) outlets.set(slug, id);
            await tx.$executeRawUnsafe("RELEASE SAVEPOINT ingest_article");
          } catch (error) {
            await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT ingest_article");
            errors.set(position, error);
          }
        }
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    for (const position of articles.keys()) errors.set(position, error);
  }
  for (const [slug, id] of outlets) context.outletIds?.set(slug, id);
  return Promise.all(
    articles.map(async (each, position): Promise<IngestResult> => {
      const error = errors.get(position);
      if (error === undefined) {
        return { outcome: { status: "stored", id: each.article.id, claims: each.rows.length, claimsOmitted: each.extraction.claimsOmitted } };
      }
      // The same text stored by a concurrent ingest between the check and this write.
      if (isUniqueViolation(error, "contentHash")) {
        const winner = await db.article.findUnique({ where: { contentHash: each.article.contentHash }, select: { id: true } });
        if (winner) return { outcome: { status: "duplicate", existingId: winner.id } };
      }
      return { error };
    }),
  );
}

/**
 * Outlet ids by slug, created when new (a concurrent ingest creating one too is no conflict), in two
 * statements whatever their number; `known` ones (already committed) are not asked for.
 */
async function ensureOutlets(tx: Tx, outlets: readonly { slug: string; name: string }[], known?: Map<string, string>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const missing = new Map<string, string>();
  for (const { slug, name } of outlets) {
    const id = known?.get(slug);
    if (id) ids.set(slug, id);
    else if (!missing.has(slug)) missing.set(slug, name);
  }
  if (missing.size === 0) return ids;
  const slugs = [...missing.keys()].sort();
  await tx.$executeRaw`
    INSERT INTO "Outlet" (id, slug, name, "updatedAt")
    SELECT gen_random_uuid()::text, slug, name, now() FROM unnest(${slugs}::text[], ${slugs.map((slug) => missing.get(slug)!)}::text[]) AS input(slug, name)
    ON CONFLICT (slug) DO NOTHING`;
  const rows = await tx.$queryRaw<{ id: string; slug: string }[]>`SELECT id, slug FROM "Outlet" WHERE slug = ANY(${slugs}::text[])`;
  for (const row of rows) ids.set(row.slug, row.id);
  for (const slug of slugs) if (!ids.has(slug)) throw new Error(`The outlet ${missing.get(slug)} could not be stored.`);
  return ids;
}
