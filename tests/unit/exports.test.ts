import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import {
  claimReview,
  claimReviewJson,
  claimsCsv,
  csvField,
  csvRow,
  issueBriefMarkdown,
  markdownText,
  streamOf,
  type ExportClaim,
} from "@/lib/serialize/exports";

/** Reads CSV with an independent RFC 4180 parser, so the export is checked by code other than its writer's. */
function parseCsv(text: string): string[][] {
  return parse(text, { relaxColumnCount: false }) as string[][];
}

function claim(overrides: Partial<ExportClaim> = {}): ExportClaim {
  return {
    id: "c1",
    kind: "quote",
    text: 'He said "100%, agreed", then left.\nNew line',
    quote: "100%, agreed",
    confidence: 0.9,
    status: "confirmed",
    speaker: { name: "Volodymyr Zelensky", kind: "person" },
    outlet: { name: "The Outlet", slug: "the-outlet" },
    article: { id: "a1", title: "Talks end", url: "https://example.org/talks", publishedAt: new Date("2025-12-28T20:00:00Z") },
    issues: ["security-guarantees", "donbas"],
    cluster: "guarantees 100% agreed",
    reviewedAt: new Date("2026-01-02T09:00:00Z"),
    ...overrides,
  };
}

async function* pages(...list: ExportClaim[][]) {
  for (const page of list) yield page;
}

async function read(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("CSV (RFC 4180)", () => {
  it("quotes fields with commas, quotes and line breaks, doubling quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(null)).toBe("");
    expect(csvRow(["a", 1, null])).toBe("a,1,\r\n");
  });

  it.each([
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["+1+cmd", "'+1+cmd"],
    ["-2+3", "'-2+3"],
    ["-5%", "'-5%"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\tplain", "'\tplain"],
    ["\r=1", '"\'\r=1"'],
    ["＝1+1", "'＝1+1"],
    ["＋1", "'＋1"],
    ["－1", "'－1"],
    ["＠cmd", "'＠cmd"],
    ["﹦1", "'﹦1"],
    ["   =1+1", "'   =1+1"],
    [" \u00a0@x", "' \u00a0@x"],
    ["\u3000＝1", "'\u3000＝1"],
    ["\n=1", '"\'\n=1"'],
  ])("neutralises a cell that a spreadsheet would run: %j", (cell, written) => {
    expect(csvField(cell)).toBe(written);
  });

  it("leaves ordinary text and numbers alone", () => {
    for (const text of ["Trump said 95%", "a = b", "e-mail", "5-3", "  indented text", "“=quoted”"]) expect(csvField(text)).toBe(text);
    expect(csvField(-5)).toBe("-5");
    expect(csvField(0.5)).toBe("0.5");
  });

  it("streams a header and one record per claim that a CSV parser reads back exactly", async () => {
    const text = await read(
      streamOf(
        claimsCsv(pages([claim()], [], [claim({ id: "c2", speaker: null, quote: null, article: { id: "a2", title: null, url: null, publishedAt: null } })])),
      ),
    );
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      "id",
      "status",
      "kind",
      "speaker",
      "outlet",
      "article_title",
      "article_url",
      "published_at",
      "issues",
      "confidence",
      "text",
      "quote",
      "cluster",
    ]);
    expect(rows).toHaveLength(3);
    const header = rows[0]!;
    const first = Object.fromEntries(header.map((name, index) => [name, rows[1]![index]]));
    expect(first).toMatchObject({
      id: "c1",
      speaker: "Volodymyr Zelensky",
      text: 'He said "100%, agreed", then left.\nNew line',
      quote: "100%, agreed",
      issues: "security-guarantees;donbas",
      published_at: "2025-12-28",
    });
    expect(rows[2]![3]).toBe("");
    expect(rows.every((row) => row.length === header.length)).toBe(true);
  });
});

describe("ClaimReview JSON-LD", () => {
  it("maps a reviewed claim onto schema.org ClaimReview", () => {
    const review = claimReview(claim({ status: "disputed" }), "The Daily");
    expect(review).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      claimReviewed: 'He said "100%, agreed", then left.\nNew line',
      datePublished: "2026-01-02",
      author: { "@type": "Organization", name: "The Daily" },
      reviewRating: { "@type": "Rating", ratingValue: 3, alternateName: "Disputed", bestRating: 5, worstRating: 1 },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Volodymyr Zelensky" },
        datePublished: "2025-12-28",
        appearance: {
          "@type": "CreativeWork",
          url: "https://example.org/talks",
          headline: "Talks end",
          datePublished: "2025-12-28",
          publisher: { "@type": "Organization", name: "The Outlet" },
        },
      },
    });
  });

  it("makes institutions Organizations, and leaves out claims without a verdict", () => {
    expect(claimReview(claim({ speaker: { name: "Kremlin", kind: "institution" } }), "X")?.itemReviewed).toMatchObject({
      author: { "@type": "Organization", name: "Kremlin" },
    });
    expect(claimReview(claim({ status: "false" }), "X")?.reviewRating).toMatchObject({ ratingValue: 1, alternateName: "False" });
    expect(claimReview(claim({ status: "unreviewed" }), "X")).toBeNull();
    expect(claimReview(claim({ status: "not_a_claim" }), "X")).toBeNull();
  });

  it("streams a JSON array that parses, empty or not", async () => {
    expect(JSON.parse(await read(streamOf(claimReviewJson(pages([]), "X"))))).toEqual([]);
    const text = await read(
      streamOf(claimReviewJson(pages([claim(), claim({ id: "c2", status: "unreviewed" })], [claim({ id: "c3", status: "false" })]), "X")),
    );
    const parsed = JSON.parse(text) as { reviewRating: { alternateName: string } }[];
    expect(parsed.map((item) => item.reviewRating.alternateName)).toEqual(["Confirmed", "False"]);
  });
});

describe("Markdown brief", () => {
  it("escapes Markdown in text and writes every section", () => {
    expect(markdownText("a *b* [c](d) <e>")).toBe("a \\*b\\* \\[c\\](d) \\<e\\>");
    expect(markdownText("# not a heading")).toBe("\\# not a heading");
    const text = issueBriefMarkdown({
      title: "Security guarantees",
      description: "Who guarantees what",
      asOf: new Date("2026-01-02T09:05:00Z"),
      totals: { claims: 12, articles: 5, sources: 4 },
      clusters: [{ label: "Guarantees 100% agreed", outletCount: 3, claimCount: 4, speaker: "Zelensky", sources: ["A", "B", "C"] }],
      discrepancies: [
        {
          kind: "figure",
          about: "the guarantees",
          rows: [
            { value: "95%", speaker: "Trump", outlets: ["A"] },
            { value: "100%", speaker: "Zelensky", outlets: ["B", "C"] },
          ],
        },
      ],
      framing: [{ source: "A", summary: "Leads with Trump's figure." }],
      sources: [{ outlet: "A", title: "Talks end", url: "https://example.org/a b", publishedAt: new Date("2025-12-28T00:00:00Z") }],
      filters: [],
    });
    expect(text).toContain("# Security guarantees\n");
    expect(text).toContain("*As of 2 Jan 2026, 09:05 UTC · 4 sources, 5 articles, 12 claims*");
    expect(text).toContain("## State of play\n\n- **Guarantees 100% agreed** (Zelensky) — 3 sources: A, B, C");
    expect(text).toContain("### About the guarantees\n\n- **95%** — Trump, according to A\n- **100%** — Zelensky, according to B, C");
    expect(text).toContain("- **A**: Leads with Trump's figure.");
    expect(text).toContain("- A: [Talks end](<https://example.org/a%20b>), 28 Dec 2025");
  });

  it("writes who stands where and the contrasting positions, escaped", () => {
    const text = issueBriefMarkdown({
      title: "Harbour tolls",
      description: "",
      asOf: new Date("2026-01-02T09:05:00Z"),
      totals: { claims: 3, articles: 2, sources: 2 },
      clusters: [],
      discrepancies: [],
      framing: [],
      positions: [
        { speaker: "Mara Quill", claims: [{ words: "“We will *never* accept the tolls”", outlets: ["Harbour Post", "Coast FM"] }] },
        { speaker: "Tomas Reede", claims: [{ words: "Reede said the tolls were agreed.", outlets: ["Coast FM"] }] },
      ],
      contrasts: [
        {
          a: { speaker: "Mara Quill", words: "“We will never accept the tolls”" },
          b: { speaker: "Tomas Reede", words: "Reede said the tolls were agreed." },
          why: "Rejection vs acceptance",
        },
      ],
      sources: [],
      filters: [],
    });
    expect(text).toContain("## Who stands where\n\n### Mara Quill\n\n- “We will \\*never\\* accept the tolls” — Harbour Post, Coast FM\n");
    expect(text).toContain(
      "## Where sources disagree\n\n- **Mara Quill**: “We will never accept the tolls” · **Tomas Reede**: Reede said the tolls were agreed. — *Rejection vs acceptance*\n",
    );
  });
});
