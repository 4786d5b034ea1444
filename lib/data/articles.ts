import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

const LIST_SELECT = {
  id: true,
  title: true,
  url: true,
  publishedAt: true,
  byline: true,
  charCount: true,
  source: true,
  ingestedAt: true,
  cleanedText: false,
  outlet: { select: { id: true, slug: true, name: true } },
  _count: { select: { claims: true } },
} as const;

export type ArticleListItem = {
  id: string;
  title: string | null;
  /** The title, or the article's first words when it has none. */
  label: string;
  url: string | null;
  publishedAt: Date | null;
  byline: string | null;
  charCount: number;
  wordCount: number;
  source: string;
  ingestedAt: Date;
  outlet: { id: string; slug: string; name: string } | null;
  claimCount: number;
};

/** The first words of a text, for labelling an untitled article. */
export function firstWords(text: string, count = 10): string {
  const words = text.trim().split(/\s+/).slice(0, count).join(" ");
  return words.length < text.trim().length ? `${words}…` : words;
}

export type ListArticlesOptions = { limit?: number; cursor?: string; query?: string };

/**
 * Articles, newest publication first (undated last), with outlet and claim counts. `query` searches
 * title and text (PostgreSQL full-text search, web-search syntax).
 */
export async function listArticles({ limit = 50, cursor, query }: ListArticlesOptions = {}) {
  const take = Math.min(Math.max(limit, 1), 200);
  let ids: string[] | undefined;
  if (query?.trim()) {
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Article"
      WHERE search @@ websearch_to_tsquery('english', ${query})
      ORDER BY ts_rank(search, websearch_to_tsquery('english', ${query})) DESC
      LIMIT 1000`;
    ids = rows.map((row) => row.id);
  }
  const where = ids ? { id: { in: ids } } : {};
  const [rows, total] = await Promise.all([
    db.article.findMany({
      where,
      select: { ...LIST_SELECT, cleanedText: true },
      orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { ingestedAt: "asc" }, { id: "asc" }],
      take: take + 1,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    }),
    db.article.count({ where }),
  ]);
  const items: ArticleListItem[] = rows.slice(0, take).map(({ cleanedText, _count, ...row }) => ({
    ...row,
    label: row.title ?? firstWords(cleanedText),
    wordCount: cleanedText.split(/\s+/).filter(Boolean).length,
    claimCount: _count.claims,
  }));
  return { items, total, nextCursor: rows.length > take ? items.at(-1)?.id : undefined };
}

export const getArticle = cache(async (id: string) =>
  db.article.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      url: true,
      publishedAt: true,
      byline: true,
      charCount: true,
      source: true,
      ingestedAt: true,
      originalText: true,
      outlet: { select: { id: true, slug: true, name: true } },
      _count: { select: { claims: true } },
    },
  }),
);

export type ArticleClaim = {
  id: string;
  kind: "quote" | "reported" | "narration";
  start: number;
  end: number;
  text: string;
  confidence: number;
  speaker: string | null;
  speakerText: string | null;
  status: string;
  issues: { slug: string; title: string }[];
  figures: { raw: string; about: string | null }[];
};

/** An article's claims in text order, for the reader. */
export const getArticleClaims = cache(async (articleId: string): Promise<ArticleClaim[]> => {
  const rows = await db.claim.findMany({
    where: { articleId },
    orderBy: [{ start: "asc" }, { end: "desc" }],
    select: {
      id: true,
      kind: true,
      start: true,
      end: true,
      text: true,
      confidence: true,
      speakerText: true,
      status: true,
      speaker: { select: { name: true } },
      issues: { select: { issue: { select: { slug: true, title: true } } } },
      figures: { select: { raw: true, about: true } },
    },
  });
  return rows.map((row) => ({
    ...row,
    speaker: row.speaker?.name ?? null,
    issues: row.issues.map((link) => link.issue),
  }));
});
