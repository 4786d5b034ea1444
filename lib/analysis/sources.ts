/**
 * Source identity and labels, in TS and SQL: articles are grouped by outlet; an article whose outlet is
 * unknown is a source of its own, never lumped with other unknowns, named by its title or, untitled, by
 * its first words. Every list, brief, share page and export names sources and articles through here.
 */
import { Prisma } from "@/lib/generated/prisma/client";

export type SourceKind = "outlet" | "article";

export type Source = {
  /** Unique among sources and URL-safe: the outlet's slug, or `article:<id>` (slugs never hold a colon). */
  key: string;
  kind: SourceKind;
  /** The outlet's name, or the article's title (its first words when untitled). */
  name: string;
  outletId: string | null;
  articleId: string | null;
};

/** The first words of a text, with an ellipsis when cut, for labelling an untitled article. */
export function firstWords(text: string, count = 8): string {
  const trimmed = text.trim().replace(/\s+/g, " ");
  const words = trimmed.split(" ").slice(0, count).join(" ");
  return words.length < trimmed.length ? `${words.replace(/[\s,;:.—–-]+$/u, "")}…` : words;
}

/** How many characters of an article's cleaned text `headSql` reads: enough for `firstWords`. */
export const HEAD_CHARS = 200;

/** An article's label: its title, or its first words when untitled (`head` is the start of its cleaned text). */
export function articleLabel(article: { title: string | null; head: string }): string {
  return article.title?.trim() || firstWords(article.head) || "Untitled article";
}

/**
 * `head` for `articleLabel`, as SQL over the article alias `alias`: the start of its cleaned text when it
 * is untitled (and, with `onlyWithoutOutlet`, also has no outlet), else '' so nothing more is read.
 */
export function headSql(alias = "a", { onlyWithoutOutlet = false } = {}): Prisma.Sql {
  const a = Prisma.raw(alias);
  const when = onlyWithoutOutlet ? Prisma.sql`${a}."outletId" IS NULL AND ${a}.title IS NULL` : Prisma.sql`${a}.title IS NULL`;
  return Prisma.sql`CASE WHEN ${when} THEN left(${a}."cleanedText", ${HEAD_CHARS}) ELSE '' END AS head`;
}

/** A source's identity as SQL over the article alias `alias`: its outlet's id, or the article's own id. */
export function sourceIdSql(alias = "a"): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`coalesce(${a}."outletId", ${a}.id)`;
}

/** The source an article belongs to. `head` is the start of its text, used only when it has no outlet and no title. */
export function sourceOf(article: { id: string; title: string | null; head: string; outlet: { id: string; slug: string; name: string } | null }): Source {
  if (article.outlet) return { key: article.outlet.slug, kind: "outlet", name: article.outlet.name, outletId: article.outlet.id, articleId: null };
  return { key: `article:${article.id}`, kind: "article", name: articleLabel(article), outletId: null, articleId: article.id };
}

/** A source's key and name from a row with an article and its outlet (if any), as lists and briefs show it. */
export function sourceRefOf(row: { articleId: string; title: string | null; head: string; outletSlug: string | null; outletName: string | null }): {
  key: string;
  name: string;
} {
  if (row.outletSlug && row.outletName) return { key: row.outletSlug, name: row.outletName };
  return { key: `article:${row.articleId}`, name: articleLabel(row) };
}

/** Reads a source key back: an outlet slug, or an article id. */
export function parseSourceKey(key: string): { outletSlug: string } | { articleId: string } {
  return key.startsWith("article:") ? { articleId: key.slice("article:".length) } : { outletSlug: key };
}
