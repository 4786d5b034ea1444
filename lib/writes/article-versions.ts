import crypto from "node:crypto";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deriveArticle, type DeriveOutcome } from "@/lib/writes/derive";
import { loadSpeakerRegistry, readIssueLexicons } from "@/lib/writes/ingest";
import { ArticleNotFoundError } from "@/lib/writes/article-metadata";
import type { OutletHooks } from "@/lib/writes/outlets";
import { lshBands, minhashSignature, normalizeForComparison } from "@/lib/text/minhash";

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

export type NewVersion = { version: number; claims: DeriveOutcome };

/**
 * Takes a newer text of an article: the current text is kept as a version, the new one becomes the
 * article's text with the next number, and claims are derived again in the same transaction. Claims
 * found again (by fingerprint) keep their reviews, corrections (spans moved with the text) and notes;
 * notes of claims no longer in the text move to the article, marked with the version they were on.
 * Calls `onAnalysisChange` after the commit.
 */
export async function newArticleVersion(db: Db, actorId: string, articleId: string, text: string, { onAnalysisChange }: OutletHooks = {}): Promise<NewVersion> {
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
      if (updated.count !== 1) throw new VersionError("conflict", "Someone stored a newer text of this article meanwhile: reload it and try again.");
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
  return { version: article.version + 1, claims };
}
