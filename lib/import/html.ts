import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

export type ReadableArticle = {
  title?: string;
  byline?: string;
  siteName?: string;
  publishedAt?: string;
  /** The article's text, one paragraph (or heading, or list item) per line. */
  text: string;
};

const BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td";

function blockText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCKS)]
    .filter((element) => !element.querySelector(BLOCKS))
    .map((element) => (element.textContent ?? "").replace(/\s+/g, " ").trim())
    .filter(Boolean);
  if (blocks.length > 0) return blocks.join("\n");
  return (document.body?.textContent ?? "")
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n+/g, "\n")
    .trim();
}

function meta(document: Document, ...names: string[]): string | undefined {
  for (const name of names) {
    const element = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
    const content = element?.getAttribute("content")?.trim();
    if (content) return content;
  }
  return undefined;
}

/**
 * The readable article inside a web page (Mozilla's Readability, the algorithm behind Firefox's reader
 * view), as plain text with one block per line, plus the metadata the page declares about itself.
 * @see https://github.com/mozilla/readability
 */
export function extractReadableArticle(html: string, url?: string): ReadableArticle {
  const { document } = parseHTML(html);
  const publishedAt = meta(document as unknown as Document, "article:published_time", "og:published_time", "date", "pubdate");
  const siteName = meta(document as unknown as Document, "og:site_name", "application-name");
  if (url) {
    try {
      const base = document.createElement("base");
      base.setAttribute("href", url);
      document.head?.appendChild(base);
    } catch {
      // relative links stay relative
    }
  }
  const parsed = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  const text = parsed?.content ? blockText(parsed.content) : blockText(document.body?.innerHTML ?? html);
  return {
    title: parsed?.title?.trim() || undefined,
    byline: parsed?.byline?.trim() || undefined,
    siteName: parsed?.siteName?.trim() || siteName,
    publishedAt: parsed?.publishedTime?.trim() || publishedAt,
    text,
  };
}

/** Whether a text looks like an HTML document or fragment rather than plain text with a stray tag. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2000).toLowerCase();
  return /<!doctype html|<html[\s>]|<body[\s>]|<article[\s>]/.test(head) || (text.match(/<\/p>/gi)?.length ?? 0) >= 2;
}
