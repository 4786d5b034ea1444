import crypto from "node:crypto";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deriveArticle, type DeriveOutcome } from "@/lib/writes/derive";
import { loadSpeakerRegistry, readIssueLexicons } from "@/lib/writes/ingest";
import { ArticleNotFoundError } from "@/lib/writes/article-metadata";
import type { OutletHooks } from "@/lib/writes/outlets";
import { lshBands, minhashSignature, normalizeForComparison } from "@/lib/text/minhash";
import { diffParagraphs } from "@/lib/text/diff";
import { importFromUrl } from "@/lib/import/url";

/** A newer text that cannot be taken: the same as the current one, another article's, or the article changed meanwhile. */
export class VersionError extends AppError {
  constructor(
    readonly reason: "unchanged" | "duplicate" | "conflict",
    message: string,
    readonly existingId?: string,
  ) {
    super(reason === "unchanged" ? "invalid" : reason, message, reason === "unchanged" ? { field: "text" } : existingId ? { existingId } : {});
  }
}

/** Paragraphs the newer text added and removed (an edited paragraph counts once in each). */
export type TextChanges = { added: number; removed: number };

export type NewVersion = { version: number; claims: DeriveOutcome; changes: TextChanges };

export type NewVersionOptions = OutletHooks & {
  /** The version the caller's text is newer than: if the article has moved on since, nothing is stored (`conflict`). */
  expectedVersion?: number;
};

/**
 * Takes a newer text of an article: the current text is kept as a version, the new one becomes the
 * article's text with the next number, and claims are derived again in the same transaction. Claims
 * found again (by fingerprint) keep their reviews, corrections (spans moved with the text) and notes;
 * notes of claims no longer in the text move to the article, marked with the version they were on.
 * Calls `onAnalysisChange` after the commit.
 */
export async function newArticleVersion(
  db: Db,
  actorId: string,
  articleId: string,
  text: string,
  { onAnalysisChange, expectedVersion }: NewVersionOptions = {},
): Promise<NewVersion> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      originalText: true,
      contentHash: true,
      version: true,
      ingestedAt: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { replacedAt: true } },
    },
  });
  if (!article) throw new ArticleNotFoundError(articleId);
  if (expectedVersion !== undefined && article.version !== expectedVersion) throw storedMeanwhile();
  const normalized = normalizeForComparison(text);
  const contentHash = crypto.createHash("sha256").update(normalized).digest("hex");
  if (contentHash === article.contentHash) throw new VersionError("unchanged", "text is the same as the current version: nothing to update.");
  const other = await db.article.findUnique({ where: { contentHash }, select: { id: true } });
  if (other) throw new VersionError("duplicate", "text is already stored as another article.", other.id);
  const minhash = minhashSignature(normalized);
  const [issues, speakers, issueRows] = await Promise.all([
    readIssueLexicons(db),
    loadSpeakerRegistry(db),
    db.issue.findMany({ select: { id: true, slug: true } }),
  ]);
  const context = { issues, speakers, issueIds: new Map(issueRows.map((issue) => [issue.slug, issue.id])) };
  const claims = await deriveArticle(db, articleId, context, {
    text,
    earlierVersion: article.version,
    actorId,
    store: async (tx) => {
      const updated = await tx.article.updateMany({
        where: { id: articleId, version: article.version },
        data: { originalText: text, contentHash, minhash, lshBands: lshBands(minhash), charCount: text.length, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw storedMeanwhile();
      await tx.articleVersion.create({
        data: {
          articleId,
          number: article.version,
          originalText: article.originalText,
          storedAt: article.versions[0]?.replacedAt ?? article.ingestedAt,
          replacedById: actorId,
        },
      });
    },
  });
  await onAnalysisChange?.({ kind: "articles", articleIds: [articleId] });
  const changes = diffParagraphs(article.originalText, text);
  return {
    version: article.version + 1,
    claims,
    changes: { added: changes.filter((change) => change.type === "added").length, removed: changes.filter((change) => change.type === "removed").length },
  };
}

const storedMeanwhile = () => new VersionError("conflict", "Someone stored a newer text of this article meanwhile: reload it and try again.");

/** What checking an article's web page for a newer text found: the same text (nothing stored), or a new version. */
export type RefetchOutcome = { url: string } & ({ status: "unchanged"; version: number } | ({ status: "updated"; previousVersion: number } & NewVersion));

/**
 * Fetches the article's web page again (the URL import's fetcher and extraction, with its address
 * checks) and, if its text differs from the current one, stores it as the next version with
 * {@link newArticleVersion}; the same text stores nothing. The page is fetched outside any transaction;
 * if a newer text is stored meanwhile, this one is refused (`conflict`) rather than stacked on it.
 * @throws AppError `invalid` when the article has no URL; the import's errors (`url_not_allowed`,
 * `upstream_timeout`, `too_large`, `upstream_error`, `invalid`); `duplicate` when another article has the text.
 */
export async function refetchArticle(db: Db, actorId: string, articleId: string, hooks: OutletHooks = {}): Promise<RefetchOutcome> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { url: true, version: true } });
  if (!article) throw new ArticleNotFoundError(articleId);
  if (!article.url) {
    throw new AppError(
      "invalid",
      'This article has no web address to check. Add its URL in the article\'s details (or PATCH /api/articles/[id] with {"url": "https://…"}), or paste the newer text as a new version.',
      { field: "url" },
    );
  }
  const page = await importFromUrl(article.url);
  try {
    const stored = await newArticleVersion(db, actorId, articleId, page.body, { ...hooks, expectedVersion: article.version });
    return { status: "updated", url: page.url, previousVersion: article.version, ...stored };
  } catch (error) {
    if (error instanceof VersionError && error.reason === "unchanged") return { status: "unchanged", url: page.url, version: article.version };
    throw error;
  }
}
