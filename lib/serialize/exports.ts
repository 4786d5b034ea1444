import type { ClaimKind, ReviewStatus, SpeakerKind } from "@/lib/generated/prisma/enums";
import { formatDate, formatStamp } from "@/lib/format";

/** A claim as the exports see it: editors' corrections applied, only what a newsroom publishes. */
export type ExportClaim = {
  id: string;
  kind: ClaimKind;
  text: string;
  quote: string | null;
  confidence: number;
  status: ReviewStatus;
  speaker: { name: string; kind: SpeakerKind } | null;
  outlet: { name: string; slug: string } | null;
  article: { id: string; title: string | null; url: string | null; publishedAt: Date | null };
  issues: string[];
  cluster: string | null;
  reviewedAt: Date | null;
};

/* ------------------------------------------------------------------ CSV */

const NEEDS_QUOTES = /[",\r\n]/;
/**
 * Text a spreadsheet may run as a formula: it starts with a tab or CR, or, after any leading white space,
 * with `=`, `+`, `-` or `@`, or their full-width (＝＋－＠) or small (﹦﹢﹣) forms.
 */
const FORMULA_START = /^(?:[\t\r]|[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63])/;

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, double quote, CR or LF, with quotes doubled.
 * A text that a spreadsheet could run as a formula gets a leading apostrophe, so it reads as text.
 * @see https://www.rfc-editor.org/rfc/rfc4180
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

export const CLAIM_CSV_HEADER = [
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
] as const;

export function claimCsvRow(claim: ExportClaim): string {
  return csvRow([
    claim.id,
    claim.status,
    claim.kind,
    claim.speaker?.name,
    claim.outlet?.name,
    claim.article.title,
    claim.article.url,
    claim.article.publishedAt?.toISOString().slice(0, 10),
    claim.issues.join(";"),
    claim.confidence.toFixed(2),
    claim.text,
    claim.quote,
    claim.cluster,
  ]);
}

/** The claims CSV: a header row, then one row per claim, produced page by page as the pages arrive. */
export async function* claimsCsv(pages: AsyncIterable<ExportClaim[]>): AsyncGenerator<string> {
  yield csvRow([...CLAIM_CSV_HEADER]);
  for await (const page of pages) {
    if (page.length > 0) yield page.map(claimCsvRow).join("");
  }
}

/* ------------------------------------------------------------------ ClaimReview JSON-LD */

export const REVIEW_VERDICTS = ["confirmed", "disputed", "false"] as const satisfies readonly ReviewStatus[];
type Verdict = (typeof REVIEW_VERDICTS)[number];

/** The rating scale of the exports: 1 (false) to 5 (confirmed), as fact-check publishers commonly use. */
const RATING: Record<Verdict, { ratingValue: number; alternateName: string }> = {
  confirmed: { ratingValue: 5, alternateName: "Confirmed" },
  disputed: { ratingValue: 3, alternateName: "Disputed" },
  false: { ratingValue: 1, alternateName: "False" },
};

export function isVerdict(status: ReviewStatus): status is Verdict {
  return (REVIEW_VERDICTS as readonly string[]).includes(status);
}

function day(date: Date | null): string | undefined {
  return date ? date.toISOString().slice(0, 10) : undefined;
}

function claimAuthor(claim: ExportClaim): { "@type": "Person" | "Organization"; name: string } | undefined {
  if (claim.speaker)
    return { "@type": claim.speaker.kind === "institution" || claim.speaker.kind === "document" ? "Organization" : "Person", name: claim.speaker.name };
  if (claim.kind === "narration" && claim.outlet) return { "@type": "Organization", name: claim.outlet.name };
  return undefined;
}

/**
 * A reviewed claim as schema.org ClaimReview: the claim (its author the speaker, a Person or an
 * Organization; its appearance the article), the newsroom's verdict as a Rating, and the newsroom as
 * the review's author. Null for a claim without a verdict (unreviewed, not a claim).
 * @see https://schema.org/ClaimReview
 * @see https://developers.google.com/search/docs/appearance/structured-data/factcheck
 */
export function claimReview(claim: ExportClaim, organization: string): Record<string, unknown> | null {
  if (!isVerdict(claim.status)) return null;
  const author = claimAuthor(claim);
  const appearance: Record<string, unknown> = { "@type": "CreativeWork" };
  if (claim.article.url) appearance.url = claim.article.url;
  if (claim.article.title) appearance.headline = claim.article.title;
  if (claim.article.publishedAt) appearance.datePublished = day(claim.article.publishedAt);
  if (claim.outlet) appearance.publisher = { "@type": "Organization", name: claim.outlet.name };
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    claimReviewed: claim.text,
    datePublished: day(claim.reviewedAt),
    author: { "@type": "Organization", name: organization },
    reviewRating: { "@type": "Rating", ...RATING[claim.status], bestRating: 5, worstRating: 1 },
    itemReviewed: {
      "@type": "Claim",
      ...(author ? { author } : {}),
      ...(claim.article.publishedAt ? { datePublished: day(claim.article.publishedAt) } : {}),
      appearance,
    },
  };
}

/** A JSON array of ClaimReview objects, written review by review as the pages arrive. */
export async function* claimReviewJson(pages: AsyncIterable<ExportClaim[]>, organization: string): AsyncGenerator<string> {
  yield "[";
  let isFirst = true;
  for await (const page of pages) {
    const parts: string[] = [];
    for (const claim of page) {
      const review = claimReview(claim, organization);
      if (!review) continue;
      parts.push(`${isFirst ? "\n" : ",\n"}${JSON.stringify(review)}`);
      isFirst = false;
    }
    if (parts.length > 0) yield parts.join("");
  }
  yield isFirst ? "]\n" : "\n]\n";
}

/* ------------------------------------------------------------------ Markdown brief */

/** Text as Markdown that shows it literally: characters Markdown would read as syntax are escaped. */
export function markdownText(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/([\\`*_[\]<>|~])/g, "\\$1")
    .replace(/^([-+#]|\d+\.)(\s)/, "\\$1$2");
}

function markdownLink(label: string, url: string | null): string {
  if (!url || !/^https?:\/\//i.test(url)) return markdownText(label);
  return `[${markdownText(label)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

export type MarkdownBrief = {
  title: string;
  description: string;
  asOf: Date;
  totals: { claims: number; articles: number; sources: number };
  clusters: { label: string; outletCount: number; claimCount: number; speaker: string | null; sources: string[] }[];
  discrepancies: { kind: "figure" | "attribution"; about: string; rows: { value: string; speaker: string | null; outlets: string[] }[] }[];
  framing: { source: string; summary: string }[];
  /** Each actor with their key claims (the words, the sources carrying them); absent before positions existed. */
  positions?: { speaker: string; claims: { words: string; outlets: string[] }[] }[];
  /** Contrasting positions: the two actors' words and why they were paired. */
  contrasts?: { a: { speaker: string; words: string }; b: { speaker: string; words: string }; why: string }[];
  sources: { outlet: string | null; title: string; url: string | null; publishedAt: Date | null }[];
  filters: string[];
};

/** An issue brief as Markdown for a newsletter: title, as-of, state of play, discrepancies, framing lines, sources. */
export function issueBriefMarkdown(brief: MarkdownBrief): string {
  const lines: string[] = [`# ${markdownText(brief.title)}`, ""];
  if (brief.description) lines.push(markdownText(brief.description), "");
  lines.push(`*As of ${formatStamp(brief.asOf)} · ${brief.totals.sources} sources, ${brief.totals.articles} articles, ${brief.totals.claims} claims*`, "");
  if (brief.filters.length > 0) lines.push(`*Only ${brief.filters.map(markdownText).join("; ")}*`, "");

  lines.push("## State of play", "");
  if (brief.clusters.length === 0) lines.push("No claim on this issue is reported by more than one source yet.");
  for (const cluster of brief.clusters) {
    const who = cluster.speaker ? ` (${markdownText(cluster.speaker)})` : "";
    const where = cluster.sources.length > 0 ? `: ${cluster.sources.map(markdownText).join(", ")}` : "";
    lines.push(`- **${markdownText(cluster.label)}**${who} — ${cluster.outletCount} ${cluster.outletCount === 1 ? "source" : "sources"}${where}`);
  }
  lines.push("");

  if (brief.positions && brief.positions.length > 0) {
    lines.push("## Who stands where", "");
    for (const position of brief.positions) {
      lines.push(`### ${markdownText(position.speaker)}`, "");
      for (const claim of position.claims) lines.push(`- ${markdownText(claim.words)} — ${claim.outlets.map(markdownText).join(", ")}`);
      lines.push("");
    }
  }

  lines.push("## Where sources disagree", "");
  for (const contrast of brief.contrasts ?? []) {
    lines.push(
      `- **${markdownText(contrast.a.speaker)}**: ${markdownText(contrast.a.words)} · **${markdownText(contrast.b.speaker)}**: ${markdownText(contrast.b.words)} — *${markdownText(contrast.why)}*`,
    );
  }
  if (brief.contrasts && brief.contrasts.length > 0) lines.push("");
  if (brief.discrepancies.length === 0) lines.push("No figures or attributions on this issue disagree.", "");
  for (const discrepancy of brief.discrepancies) {
    lines.push(`### ${discrepancy.kind === "figure" ? `About ${markdownText(discrepancy.about)}` : `“${markdownText(discrepancy.about)}”`}`, "");
    for (const row of discrepancy.rows) {
      const value = discrepancy.kind === "figure" ? `**${markdownText(row.value)}**` : `“${markdownText(row.value)}”`;
      lines.push(`- ${value} — ${row.speaker ? markdownText(row.speaker) : "no named speaker"}, according to ${row.outlets.map(markdownText).join(", ")}`);
    }
    lines.push("");
  }

  lines.push("## How each source frames it", "");
  if (brief.framing.length === 0) lines.push("No source covers this issue yet.");
  for (const entry of brief.framing) lines.push(`- **${markdownText(entry.source)}**: ${markdownText(entry.summary)}`);
  lines.push("");

  lines.push("## Sources", "");
  if (brief.sources.length === 0) lines.push("No articles yet.");
  for (const source of brief.sources) {
    const date = source.publishedAt ? `, ${formatDate(source.publishedAt)}` : "";
    lines.push(`- ${source.outlet ? `${markdownText(source.outlet)}: ` : ""}${markdownLink(source.title, source.url)}${date}`);
  }
  lines.push("");
  return lines.join("\n");
}

/* ------------------------------------------------------------------ streaming */

/**
 * A byte stream that pulls the next chunk only when the reader wants it, so an export of any size holds
 * one page in memory; cancelling the response stops the reads.
 */
export function streamOf(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
