import crypto from "node:crypto";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ArticleSource } from "@/lib/generated/prisma/enums";
import {
  ArticleTooLongError,
  extractArticle,
  MAX_ARTICLE_SENTENCES,
  SpeakerRegistry,
  type ArticleMeta,
  type IssueLexicon,
  type IssueTaggerModel,
} from "@/lib/nlp";
import { cleanText } from "@/lib/nlp/clean";
import { Prisma } from "@/lib/generated/prisma/client";
import { claimRows, insertArticleWithDerived, upsertSpeakers, type Tx } from "@/lib/writes/derived-writes";
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

/**
 * The one way an article enters Briefing, whatever the door (seed, paste, upload, URL, API, CLI):
 * validates, refuses exact duplicates and flags near duplicates (unless `force`), derives sentences and
 * claims, and writes the article with everything derived from it in one transaction. Bounded work: an
 * article of more than `MAX_ARTICLE_SENTENCES` sentences is refused, and at most `MAX_ARTICLE_CLAIMS`
 * claims are kept (see `lib/nlp/limits.ts`).
 * @throws IngestValidationError for bad input, including an article over the sentence limit (nothing stored).
 */
export async function ingestArticle(db: Db, input: ArticleInput, context: IngestContext): Promise<IngestOutcome> {
  const parsed = articleInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const isTooLarge = (issue as { params?: { code?: string } } | undefined)?.params?.code === "too_large";
    throw new IngestValidationError(issue?.message ?? "Invalid article.", String(issue?.path[0] ?? "body"), isTooLarge ? "too_large" : "invalid");
  }
  const article = parsed.data;
  const normalized = normalizeForComparison(article.body);
  const contentHash = crypto.createHash("sha256").update(normalized).digest("hex");
  const minhash = minhashSignature(normalized);
  const bands = lshBands(minhash);
  // The exact duplicate and the near-duplicate candidates in one round trip.
  const [prior] = await db.$queryRaw<{ duplicate: string | null; candidates: { id: string; minhash: number[] }[] | null }[]>`
    SELECT (SELECT id FROM "Article" WHERE "contentHash" = ${contentHash}) AS duplicate,
      ${article.force ? Prisma.sql`NULL::json` : Prisma.sql`(SELECT json_agg(json_build_object('id', c.id, 'minhash', c.minhash)) FROM (SELECT id, minhash FROM "Article" WHERE "lshBands" && ${bands}::int[] LIMIT ${NEAR_DUPLICATE_CANDIDATES}) c)`} AS candidates`;
  if (prior?.duplicate) return { status: "duplicate", existingId: prior.duplicate };

  if (!article.force) {
    let best: { id: string; similarity: number } | undefined;
    for (const candidate of prior?.candidates ?? []) {
      const similarity = estimateSimilarity(minhash, candidate.minhash);
      if (!best || similarity > best.similarity) best = { id: candidate.id, similarity };
    }
    if (best && best.similarity >= NEAR_DUPLICATE_THRESHOLD) return { status: "near_duplicate", existingId: best.id, similarity: best.similarity };
  }

  const issues = context.issues ?? (await readIssueLexicons(db));
  const speakers = context.speakers ?? (await loadSpeakerRegistry(db));
  const tagger = context.tagger !== undefined ? context.tagger : await loadIssueTagger(db, issues);
  let extraction: ReturnType<typeof extractArticle>;
  try {
    extraction = extractArticle(article.body, { issues, speakers: speakers.registry, tagger, maxSentences: MAX_ARTICLE_SENTENCES });
  } catch (error) {
    if (error instanceof ArticleTooLongError) throw new IngestValidationError(error.message, "body", "too_large");
    throw error;
  }
  speakers.registry = extraction.speakers;
  try {
    return await storeArticle(db, { article, extraction, contentHash, minhash, bands, context });
  } catch (error) {
    // The same text stored by a concurrent ingest between the check above and this write.
    if (isUniqueViolation(error, "contentHash")) {
      const winner = await db.article.findUnique({ where: { contentHash }, select: { id: true } });
      if (winner) return { status: "duplicate", existingId: winner.id };
    }
    throw error;
  }
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

/**
 * Ingests many articles with up to `concurrency` database writes in flight while the next article is
 * being derived (derivation is CPU work in this process, storing is I/O in PostgreSQL's). Results come
 * back in input order through `onResult` as they finish; a failure of one article does not stop the rest.
 */
export async function ingestMany(
  db: Db,
  items: IngestItem[],
  context: IngestContext,
  onResult: (index: number, result: { outcome?: IngestOutcome; error?: unknown }) => void,
  concurrency = 8,
): Promise<void> {
  const shared: IngestContext = {
    ...context,
    issues: context.issues ?? (await readIssueLexicons(db)),
    speakers: context.speakers ?? (await loadSpeakerRegistry(db)),
    issueIds: context.issueIds ?? new Map((await db.issue.findMany({ select: { id: true, slug: true } })).map((issue) => [issue.slug, issue.id])),
    outletIds: context.outletIds ?? new Map(),
  };
  shared.tagger = context.tagger !== undefined ? context.tagger : await loadIssueTagger(db, shared.issues!);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, concurrency) }, async () => {
      while (next < items.length) {
        const index = next;
        next += 1;
        const item = items[index]!;
        try {
          const outcome = await ingestArticle(db, item.input, { ...shared, sourceFile: item.sourceFile });
          onResult(index, { outcome });
        } catch (error) {
          onResult(index, { error });
        }
      }
    }),
  );
}

type StoreInput = {
  article: ValidArticle;
  extraction: ReturnType<typeof extractArticle>;
  contentHash: string;
  minhash: number[];
  bands: number[];
  context: IngestContext;
};

async function storeArticle(db: Db, { article, extraction, contentHash, minhash, bands, context }: StoreInput): Promise<IngestOutcome> {
  const { meta } = extraction;
  const outletName = article.outlet ?? meta.outlet ?? undefined;
  const published = article.publishedAt ?? (meta.published ? new Date(meta.published) : undefined);
  const publishedAt = published && !Number.isNaN(published.getTime()) ? published : undefined;
  const issueIds = context.issueIds ?? new Map((await db.issue.findMany({ select: { id: true, slug: true } })).map((issue) => [issue.slug, issue.id]));
  const outletSlug = outletName ? slugify(outletName) : undefined;

  const stored = await db.$transaction(
    async (tx) => {
      const outletId = outletName && outletSlug ? (context.outletIds?.get(outletSlug) ?? (await ensureOutlet(tx, outletSlug, outletName))) : null;
      const speakerIds = await upsertSpeakers(tx, extraction);
      const rows = claimRows(extraction, speakerIds);
      const id = crypto.randomUUID();
      await insertArticleWithDerived(
        tx,
        {
          id,
          outletId,
          title: article.title ?? meta.title ?? null,
          url: article.url ?? null,
          publishedAt: publishedAt ?? null,
          byline: article.byline ?? meta.byline ?? null,
          originalText: article.body,
          cleanedText: extraction.cleanedText,
          contentHash,
          minhash,
          lshBands: bands,
          source: context.source,
          sourceFile: context.sourceFile ?? null,
          ingestedById: context.userId ?? null,
        },
        extraction,
        rows,
        issueIds,
      );
      return { id, claims: rows.length, outletId };
    },
    { timeout: 60_000 },
  );
  if (outletSlug && stored.outletId) context.outletIds?.set(outletSlug, stored.outletId);
  return { status: "stored", id: stored.id, claims: stored.claims, claimsOmitted: extraction.claimsOmitted };
}

/** The outlet's id by slug, created if new (a concurrent ingest creating it too is no conflict). */
async function ensureOutlet(tx: Tx, slug: string, name: string): Promise<string> {
  await tx.$executeRaw`INSERT INTO "Outlet" (id, slug, name, "updatedAt") VALUES (${crypto.randomUUID()}, ${slug}, ${name}, now()) ON CONFLICT (slug) DO NOTHING`;
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Outlet" WHERE slug = ${slug}`;
  if (!row) throw new Error(`The outlet ${name} could not be stored.`);
  return row.id;
}
