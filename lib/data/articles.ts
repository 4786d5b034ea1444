import "server-only";
import { cache } from "react";
import { countUpTo } from "@/lib/data/capped-count";
import { db } from "@/lib/db";
import { articleLabel, HEAD_CHARS, headSql } from "@/lib/analysis/sources";
import { Prisma } from "@/lib/generated/prisma/client";

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

export type ListArticlesOptions = { limit?: number; cursor?: string; query?: string };

/**
 * The list counts articles up to this many and says "more than" beyond: a search that matches most of a
 * 100,000-article corpus would otherwise read every match on every page, for a number nobody acts on.
 */
export const ARTICLE_COUNT_CAP = 10_000;

type ListRow = {
  id: string;
  title: string | null;
  url: string | null;
  publishedAt: Date | null;
  byline: string | null;
  charCount: number;
  source: string;
  ingestedAt: Date;
  head: string;
  words: number | null;
  outletId: string | null;
  outletSlug: string | null;
  outletName: string | null;
  claims: number;
  listOrder: number;
};

/**
 * Position of an article in the list order, as an opaque cursor: (listOrder, ingested, id), where the
 * stored `listOrder` is minus the publication time in seconds, or 1e12 for undated articles (last).
 */
type Cursor = [number, string, string];

function encodeCursor(row: ListRow): string {
  return Buffer.from(JSON.stringify([row.listOrder, row.ingestedAt.toISOString(), row.id])).toString("base64url");
}

function decodeCursor(cursor: string | undefined): Cursor | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(value) && value.length === 3 && typeof value[0] === "number" && typeof value[1] === "string" && typeof value[2] === "string") {
      return value as Cursor;
    }
  } catch {
    // an unreadable cursor starts from the beginning
  }
  return undefined;
}

/**
 * Articles, newest publication first (undated last, then in ingest order), with outlet and claim counts,
 * a page at a time (keyset pagination on the index over (listOrder, ingestedAt, id): `nextCursor` continues
 * the list, and a page costs the same however deep). `query` searches title and text with PostgreSQL
 * full-text search (web-search syntax). Reads only the start of each text. `total` is exact up to
 * {@link ARTICLE_COUNT_CAP}; past it, `isTotalCapped`.
 */
export async function listArticles({ limit = 50, cursor, query }: ListArticlesOptions = {}) {
  const take = Math.min(Math.max(Math.trunc(limit) || 50, 1), 200);
  const search = query?.trim() ? Prisma.sql`a.search @@ websearch_to_tsquery('english', ${query})` : Prisma.sql`TRUE`;
  const after = decodeCursor(cursor);
  const position = after
    ? Prisma.sql`(a."listOrder", a."ingestedAt", a.id) > (${after[0]}::float8, ${new Date(after[1])}::timestamp, ${after[2]})`
    : Prisma.sql`TRUE`;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<ListRow[]>`
      WITH page AS (
        SELECT a.id, a."listOrder", a."ingestedAt"
        FROM "Article" a
        WHERE ${search} AND ${position}
        ORDER BY a."listOrder", a."ingestedAt", a.id
        LIMIT ${take + 1}
      )
      SELECT a.id, a.title, a.url, a."publishedAt", a.byline, a."charCount", a.source::text AS source, a."ingestedAt",
        ${headSql("a")},
        a."wordCount" AS words,
        o.id AS "outletId", o.slug AS "outletSlug", o.name AS "outletName",
        (SELECT count(*)::int FROM "Claim" c WHERE c."articleId" = a.id) AS claims,
        p."listOrder"
      FROM page p JOIN "Article" a ON a.id = p.id LEFT JOIN "Outlet" o ON o.id = a."outletId"
      ORDER BY p."listOrder", p."ingestedAt", p.id`,
    countUpTo(Prisma.sql`"Article" a WHERE ${search}`, ARTICLE_COUNT_CAP),
  ]);
  const page = rows.slice(0, take);
  const items: ArticleListItem[] = page.map((row) => ({
    id: row.id,
    title: row.title,
    label: articleLabel(row),
    url: row.url,
    publishedAt: row.publishedAt,
    byline: row.byline,
    charCount: row.charCount,
    wordCount: row.words ?? 0,
    source: row.source,
    ingestedAt: row.ingestedAt,
    outlet: row.outletId && row.outletSlug && row.outletName ? { id: row.outletId, slug: row.outletSlug, name: row.outletName } : null,
    claimCount: row.claims,
  }));
  const last = page.at(-1);
  return {
    items,
    ...counted,
    nextCursor: rows.length > take && last ? encodeCursor(last) : undefined,
  };
}

/** One article with its outlet and `label` (its title, or its first words when untitled). */
export const getArticle = cache(async (id: string) => {
  const row = await db.article.findUnique({
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
      cleanedText: true,
      version: true,
      outlet: { select: { id: true, slug: true, name: true } },
      _count: { select: { claims: true } },
    },
  });
  if (!row) return null;
  const { cleanedText, ...article } = row;
  return { ...article, label: articleLabel({ title: row.title, head: cleanedText.slice(0, HEAD_CHARS) }) };
});

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
