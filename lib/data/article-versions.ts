import "server-only";
import { db } from "@/lib/db";

export type ArticleVersionView = {
  number: number;
  isCurrent: boolean;
  storedAt: Date;
  replacedAt: Date | null;
  replacedBy: string | null;
  charCount: number;
  text: string;
};

/**
 * Every text an article has had, newest first: the current one (from the article) and the earlier ones
 * kept when a newer text replaced them. Null for an unknown article.
 */
export async function listArticleVersions(articleId: string): Promise<ArticleVersionView[] | null> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      version: true,
      originalText: true,
      ingestedAt: true,
      versions: {
        orderBy: { number: "desc" },
        select: { number: true, originalText: true, storedAt: true, replacedAt: true, replacedBy: { select: { name: true, email: true } } },
      },
    },
  });
  if (!article) return null;
  const current: ArticleVersionView = {
    number: article.version,
    isCurrent: true,
    storedAt: article.versions[0]?.replacedAt ?? article.ingestedAt,
    replacedAt: null,
    replacedBy: null,
    charCount: article.originalText.length,
    text: article.originalText,
  };
  return [
    current,
    ...article.versions.map((version) => ({
      number: version.number,
      isCurrent: false,
      storedAt: version.storedAt,
      replacedAt: version.replacedAt,
      replacedBy: version.replacedBy ? (version.replacedBy.name ?? version.replacedBy.email) : null,
      charCount: version.originalText.length,
      text: version.originalText,
    })),
  ];
}
