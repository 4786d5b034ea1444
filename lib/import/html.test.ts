import { describe, expect, it } from "vitest";
import { extractReadableArticle, looksLikeHtml } from "./html";

const PAGE = `<!doctype html><html><head><title>Harbour reopens | The Coast Courier</title>
<meta property="og:site_name" content="The Coast Courier">
<meta property="article:published_time" content="2026-02-03T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour reopens after storm</h1>
<p>The harbour reopened on Tuesday after two days of closures, the port authority said in a statement that also thanked the crews.</p>
<p>“We are back to a normal schedule,” said Mara Lind, the authority’s director, adding that freight would be cleared by Friday at the latest.</p>
<p>Ferry operators said bookings had recovered quickly and that no sailings were cancelled on the first morning of service.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>`;

describe("extractReadableArticle", () => {
  it("keeps the article's paragraphs, one per line, and drops navigation and footer", () => {
    const article = extractReadableArticle(PAGE, "https://courier.example/harbour");
    const lines = article.text.split("\n");
    expect(lines[0]).toBe("Harbour reopens after storm");
    expect(lines[1]).toMatch(/^The harbour reopened on Tuesday/);
    expect(article.text).toContain("“We are back to a normal schedule,” said Mara Lind");
    expect(article.text).not.toContain("Subscribe");
    expect(article.text).not.toContain("Home");
    expect(article.siteName).toBe("The Coast Courier");
    expect(article.publishedAt).toBe("2026-02-03T08:00:00Z");
    expect(article.title).toContain("Harbour reopens");
  });
  it("tells an HTML page from text with a stray tag", () => {
    expect(looksLikeHtml(PAGE)).toBe(true);
    expect(looksLikeHtml("<p“The difficulty lies in the fact,” the source said.")).toBe(false);
  });
});
