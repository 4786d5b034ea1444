import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { longArticle } from "@/tests/fixtures/long-article";
import { ArticleTooLongError, extractArticle, loadIssueLexicons, MAX_ARTICLE_CLAIMS, MAX_ARTICLE_SENTENCES, MAX_CLAIM_CHARS } from "./index";

const issues = loadIssueLexicons(JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "..", "seeds", "issues.json"), "utf8")));

describe("per-article caps", () => {
  it(`keeps at most ${MAX_ARTICLE_CLAIMS} claims of a long article, quotes first, in text order, and says how many it left out`, () => {
    const text = longArticle(4_000);
    const result = extractArticle(text, { issues });
    expect(result.sentences.length).toBeGreaterThan(3_900);
    expect(result.sentences.length).toBeLessThanOrEqual(MAX_ARTICLE_SENTENCES);
    expect(result.claims).toHaveLength(MAX_ARTICLE_CLAIMS);
    expect(result.claimsOmitted).toBeGreaterThan(1_000);
    const starts = result.claims.map((claim) => claim.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const claim of result.claims) expect(text.slice(claim.start, claim.end)).toBe(claim.text);
    const kinds = new Set(result.claims.map((claim) => claim.kind));
    // Every quote of the article fits under the cap, so all of them are kept before any narration.
    const uncapped = extractArticle(text, { issues, maxClaims: Number.MAX_SAFE_INTEGER });
    expect(uncapped.claimsOmitted).toBe(0);
    expect(uncapped.claims.length).toBe(MAX_ARTICLE_CLAIMS + result.claimsOmitted);
    const quotes = uncapped.claims.filter((claim) => claim.kind === "quote").length;
    expect(quotes).toBeLessThan(MAX_ARTICLE_CLAIMS);
    expect(result.claims.filter((claim) => claim.kind === "quote")).toHaveLength(quotes);
    expect(kinds.has("quote")).toBe(true);
  }, 30_000);

  it("handles a long text with no sentence breaks as one sentence, within the claim cap", () => {
    const text = longArticle(3_000, 13).replace(/[.!?]/g, "").replace(/\n+/g, " ");
    const result = extractArticle(text, { issues });
    expect(result.sentences).toHaveLength(1);
    expect(result.claims.length).toBeGreaterThan(500);
    expect(result.claims.length).toBeLessThanOrEqual(MAX_ARTICLE_CLAIMS);
    for (const claim of result.claims) expect(text.slice(claim.start, claim.end)).toBe(claim.text);
    expect(result.claims.some((claim) => claim.figures.length > 0)).toBe(true);
    // Claims that would run to the end of the one sentence are cut at a word within the limit.
    expect(Math.max(...result.claims.map((claim) => claim.text.length))).toBeLessThanOrEqual(MAX_CLAIM_CHARS);
    expect(result.claims.some((claim) => claim.text.length > MAX_CLAIM_CHARS - 100)).toBe(true);
  }, 30_000);

  it("keeps what each figure is about short in a sentence made of thousands of figures", () => {
    const text = Array.from({ length: 5_000 }, (_, i) => `${i} percent`).join(" ");
    const result = extractArticle(text, { issues });
    const figures = result.claims.flatMap((claim) => claim.figures);
    expect(figures.length).toBeGreaterThan(300);
    expect(Math.max(...figures.map((figure) => figure.about?.length ?? 0))).toBeLessThan(1_000);
  }, 30_000);

  it("leaves a short article whole", () => {
    const result = extractArticle(longArticle(40), { issues });
    expect(result.claimsOmitted).toBe(0);
    expect(result.claims.length).toBeGreaterThan(10);
  }, 30_000);

  it("refuses an article over the sentence limit when asked to, naming the limit", () => {
    const text = longArticle(MAX_ARTICLE_SENTENCES + 200);
    expect(() => extractArticle(text, { issues, maxSentences: MAX_ARTICLE_SENTENCES })).toThrow(ArticleTooLongError);
    expect(() => extractArticle(text, { issues, maxSentences: MAX_ARTICLE_SENTENCES })).toThrow(
      /over the size limit of 5,000 sentences per article: split the text/,
    );
  }, 30_000);
});
