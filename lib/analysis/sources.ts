/**
 * Sources for framing: articles are grouped by outlet; an article whose outlet is unknown is a source
 * of its own, never lumped with other unknowns.
 */

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

/** The source an article belongs to. `head` is the start of its text, used only when it has no outlet and no title. */
export function sourceOf(article: {
  id: string;
  title: string | null;
  head: string;
  outlet: { id: string; slug: string; name: string } | null;
}): Source {
  if (article.outlet) return { key: article.outlet.slug, kind: "outlet", name: article.outlet.name, outletId: article.outlet.id, articleId: null };
  return { key: `article:${article.id}`, kind: "article", name: article.title?.trim() || firstWords(article.head) || "Untitled article", outletId: null, articleId: article.id };
}

/** Reads a source key back: an outlet slug, or an article id. */
export function parseSourceKey(key: string): { outletSlug: string } | { articleId: string } {
  return key.startsWith("article:") ? { articleId: key.slice("article:".length) } : { outletSlug: key };
}
