import crypto from "node:crypto";
import type { Db } from "@/lib/db";
import type { ArticleSource } from "@/lib/generated/prisma/enums";
import { extractArticle, SpeakerRegistry, type ExtractedArticle, type IssueLexicon } from "@/lib/nlp";
import { estimateSimilarity, lshBands, minhashSignature, normalizeForComparison } from "@/lib/text/minhash";
import { slugify } from "@/lib/text/slug";
import { articleInputSchema, type ArticleInput } from "@/lib/validations/article";

export const NEAR_DUPLICATE_THRESHOLD = 0.9;

export type IngestOutcome =
  | { status: "stored"; id: string; claims: number }
  | { status: "duplicate"; existingId: string }
  | { status: "near_duplicate"; existingId: string; similarity: number };

export class IngestValidationError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export type IngestContext = {
  source: ArticleSource;
  sourceFile?: string;
  userId?: string;
  /** Issue lexicons and known speakers; loaded from the database when not given (batch callers pass them once). */
  issues?: IssueLexicon[];
  speakers?: SpeakerRegistry;
};

export async function loadIssueLexicons(db: Db): Promise<(IssueLexicon & { id: string })[]> {
  return db.issue.findMany({
    where: { status: "open" },
    orderBy: { position: "asc" },
    select: { id: true, slug: true, title: true, phrases: true, exclusions: true },
  });
}

export async function loadSpeakerRegistry(db: Db): Promise<SpeakerRegistry> {
  const speakers = await db.speaker.findMany({ select: { name: true, kind: true, aliases: { select: { alias: true } } } });
  return new SpeakerRegistry(speakers.map((speaker) => ({ name: speaker.name, kind: speaker.kind, aliases: speaker.aliases.map((a) => a.alias) })));
}

/**
 * The one way an article enters Briefing, whatever the door (seed, paste, upload, URL, API, CLI):
 * validates, refuses exact duplicates and flags near duplicates (unless `force`), derives sentences and
 * claims, and writes the article with everything derived from it in one transaction.
 */
export async function ingestArticle(db: Db, input: ArticleInput, context: IngestContext): Promise<IngestOutcome> {
  const parsed = articleInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IngestValidationError(issue?.message ?? "Invalid article.", String(issue?.path[0] ?? "body"));
  }
  const article = parsed.data;
  const normalized = normalizeForComparison(article.body);
  const contentHash = crypto.createHash("sha256").update(normalized).digest("hex");
  const existing = await db.article.findUnique({ where: { contentHash }, select: { id: true } });
  if (existing) return { status: "duplicate", existingId: existing.id };

  const minhash = minhashSignature(normalized);
  const bands = lshBands(minhash);
  if (!article.force) {
    const candidates = await db.article.findMany({
      where: { lshBands: { hasSome: bands } },
      select: { id: true, minhash: true },
      take: 50,
    });
    let best: { id: string; similarity: number } | undefined;
    for (const candidate of candidates) {
      const similarity = estimateSimilarity(minhash, candidate.minhash);
      if (!best || similarity > best.similarity) best = { id: candidate.id, similarity };
    }
    if (best && best.similarity >= NEAR_DUPLICATE_THRESHOLD) {
      return { status: "near_duplicate", existingId: best.id, similarity: best.similarity };
    }
  }

  const issues = context.issues ?? (await loadIssueLexicons(db));
  const speakers = context.speakers ?? (await loadSpeakerRegistry(db));
  const extracted = extractArticle(article.body, { issues, speakers });
  return storeArticle(db, { article, extracted, contentHash, minhash, bands, context });
}

type StoreInput = {
  article: ReturnType<typeof articleInputSchema.parse>;
  extracted: ExtractedArticle;
  contentHash: string;
  minhash: number[];
  bands: number[];
  context: IngestContext;
};

async function storeArticle(db: Db, { article, extracted, contentHash, minhash, bands, context }: StoreInput): Promise<IngestOutcome> {
  const outletName = article.outlet ?? extracted.meta.outlet ?? undefined;
  const publishedAt = article.publishedAt ?? (extracted.meta.published ? new Date(extracted.meta.published) : undefined);
  const issueIds = new Map((await db.issue.findMany({ select: { id: true, slug: true } })).map((issue) => [issue.slug, issue.id]));
  const speakerNames = new Map<string, { kind: string; aliases: string[] }>();
  for (const claim of extracted.claims) {
    if (claim.speaker) speakerNames.set(claim.speaker, { kind: claim.speakerKind ?? "person", aliases: [] });
  }
  for (const learned of extracted.speakersLearned) {
    const entry = speakerNames.get(learned.name);
    if (entry) entry.aliases.push(...learned.aliases);
  }

  return db.$transaction(
    async (tx) => {
      const outlet = outletName
        ? await tx.outlet.upsert({ where: { slug: slugify(outletName) }, create: { slug: slugify(outletName), name: outletName }, update: {}, select: { id: true } })
        : undefined;
      const speakerIds = new Map<string, string>();
      for (const [name, { kind, aliases }] of speakerNames) {
        const speaker = await tx.speaker.upsert({
          where: { slug: slugify(name) },
          create: { slug: slugify(name), name, kind: kind as "person" },
          update: {},
          select: { id: true },
        });
        speakerIds.set(name, speaker.id);
        const rows = [...new Set([name, ...aliases])].map((alias) => ({ speakerId: speaker.id, alias, normalized: alias.toLowerCase() }));
        await tx.speakerAlias.createMany({ data: rows, skipDuplicates: true });
      }
      const text = extracted.cleanedText ?? article.body;
      const created = await tx.article.create({
        data: {
          outletId: outlet?.id,
          title: article.title ?? extracted.meta.title ?? null,
          url: article.url,
          publishedAt,
          byline: article.byline ?? extracted.meta.byline ?? null,
          originalText: article.body,
          cleanedText: text,
          contentHash,
          minhash,
          lshBands: bands,
          source: context.source,
          sourceFile: context.sourceFile,
          charCount: article.body.length,
          ingestedById: context.userId,
          derivedAt: new Date(),
        },
        select: { id: true },
      });
      await tx.sentence.createMany({
        data: extracted.sentences.map((sentence, index) => ({
          articleId: created.id,
          index,
          paragraph: sentence.paragraph,
          start: sentence.start,
          end: sentence.end,
          issues: sentence.issues,
        })),
      });
      const claimRows = extracted.claims.map((claim) => ({ id: crypto.randomUUID(), claim }));
      await tx.claim.createMany({
        data: claimRows.map(({ id, claim }) => ({
          id,
          articleId: created.id,
          kind: claim.kind,
          start: claim.start,
          end: claim.end,
          text: claim.text,
          quote: claim.quote,
          isPartial: claim.partial,
          speakerId: claim.speaker ? speakerIds.get(claim.speaker) : undefined,
          speakerText: claim.speakerMention,
          verb: claim.verb,
          confidence: claim.confidence,
          fingerprint: claim.fingerprint,
        })),
        skipDuplicates: true,
      });
      await tx.claimIssue.createMany({
        data: claimRows.flatMap(({ id, claim }) =>
          claim.issues.flatMap((slug) => {
            const issueId = issueIds.get(slug);
            return issueId ? [{ claimId: id, issueId }] : [];
          }),
        ),
        skipDuplicates: true,
      });
      await tx.claimFigure.createMany({
        data: claimRows.flatMap(({ id, claim }) =>
          claim.figures.map((figure) => ({
            claimId: id,
            raw: figure.raw,
            value: figure.value,
            unit: figure.unit,
            about: figure.about,
            start: figure.start,
            end: figure.end,
          })),
        ),
      });
      return { status: "stored" as const, id: created.id, claims: claimRows.length };
    },
    { timeout: 30_000 },
  );
}
