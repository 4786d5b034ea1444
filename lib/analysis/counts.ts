/**
 * The counts an analysis run keeps instead of recounting the corpus: each article's share (its sentences,
 * words and claims, per source and issue) is computed once, added to stored totals, and taken out again
 * when the article changes or goes. Pure: plain data in, counts out.
 */
import { tokenize } from "@/lib/nlp/framing";

/** Scope → key → count. Scopes: see {@link countScope}; a zero count is absent. */
export type Counts = Record<string, Record<string, number>>;

/**
 * The scopes of {@link Counts}, each `kind|issue|source` (empty parts where the scope has none): one place
 * names them for the writer and the readers.
 */
export const countScope = {
  /** Every article and claim: `articles`, `claims`. */
  all: "all||",
  /** Speaker id → their claims. */
  speakers: "speakers||",
  /** A source's `articles`, `chars` and `sentences` in all, and its `openClaims` (claims on an open issue). */
  source: (source: string) => `source||${source}`,
  /** A source's text on an issue: `articles`, `chars`, `sentences`, and `p<N>` articles whose first sentence on it is in paragraph N. */
  coverage: (slug: string, source: string) => `coverage|${slug}|${source}`,
  /** Word → uses in a source's sentences on an issue (the words distinctive terms are scored on). */
  words: (slug: string, source: string) => `words|${slug}|${source}`,
  /**
   * An issue's `articles` (with a sentence or a claim on it) and `claims`, and of those the claims of undated
   * articles (`undatedClaims`) and the undated articles with a claim on it (`undatedArticles`).
   */
  issue: (slug: string) => `issue|${slug}|`,
  /**
   * A source's claims on an issue by day (UTC) of their articles' publication, or of their ingest when
   * undated: `claims:<day>`, `articles:<day>` (articles with a claim on it that day), and `ingested:<day>`
   * (those of the day's claims whose article is undated).
   */
  timeline: (slug: string, source: string) => `timeline|${slug}|${source}`,
  /** Article id → its claims on an issue, for articles without a publication date. */
  undated: (slug: string) => `undated|${slug}|`,
} as const;

/** A scope's parts, as stored (`AnalysisCount.scope`, `.issue`, `.source`). */
export function scopeParts(scope: string): { kind: string; issue: string; source: string } {
  const [kind = "", issue = "", ...source] = scope.split("|");
  return { kind, issue, source: source.join("|") };
}

export type CountedSentence = { start: number; end: number; paragraph: number; issues: readonly string[] };
export type CountedClaim = { speakerId: string | null; issues: readonly string[] };

function add(counts: Counts, scope: string, key: string, value = 1) {
  if (value === 0) return;
  const map = (counts[scope] ??= {});
  map[key] = (map[key] ?? 0) + value;
}

/**
 * One article's share of the counts: its sentences and their characters, the words of its sentences on each
 * issue (as distinctive terms count them), where each issue first comes up, and its claims by speaker and
 * on open issues. `text` is the article's original text (sentence offsets are into it).
 */
export function articleCounts(article: {
  id: string;
  source: string;
  publishedAt: Date | null;
  ingestedAt: Date;
  text: string;
  sentences: readonly CountedSentence[];
  claims: readonly CountedClaim[];
  openIssues: ReadonlySet<string>;
}): Counts {
  const counts: Counts = {};
  const { source } = article;
  add(counts, countScope.all, "articles");
  add(counts, countScope.all, "claims", article.claims.length);
  add(counts, countScope.source(source), "articles");
  const issues = new Set<string>();
  const firstParagraph = new Map<string, number>();
  for (const sentence of article.sentences) {
    const chars = sentence.end - sentence.start;
    add(counts, countScope.source(source), "sentences");
    add(counts, countScope.source(source), "chars", chars);
    if (sentence.issues.length === 0) continue;
    const tokens = tokenize(article.text.slice(sentence.start, sentence.end));
    for (const slug of new Set(sentence.issues)) {
      issues.add(slug);
      add(counts, countScope.coverage(slug, source), "sentences");
      add(counts, countScope.coverage(slug, source), "chars", chars);
      firstParagraph.set(slug, Math.min(firstParagraph.get(slug) ?? Infinity, sentence.paragraph));
    }
    for (const slug of sentence.issues) for (const token of tokens) add(counts, countScope.words(slug, source), token);
  }
  for (const [slug, paragraph] of firstParagraph) {
    add(counts, countScope.coverage(slug, source), "articles");
    add(counts, countScope.coverage(slug, source), `p${paragraph}`);
  }
  const day = (article.publishedAt ?? article.ingestedAt).toISOString().slice(0, 10);
  const onIssue = new Set<string>();
  for (const claim of article.claims) {
    if (claim.speakerId) add(counts, countScope.speakers, claim.speakerId);
    if (claim.issues.some((slug) => article.openIssues.has(slug))) add(counts, countScope.source(source), "openClaims");
    for (const slug of new Set(claim.issues)) {
      issues.add(slug);
      onIssue.add(slug);
      add(counts, countScope.issue(slug), "claims");
      add(counts, countScope.timeline(slug, source), `claims:${day}`);
      if (article.publishedAt) continue;
      add(counts, countScope.timeline(slug, source), `ingested:${day}`);
      add(counts, countScope.undated(slug), article.id);
      add(counts, countScope.issue(slug), "undatedClaims");
    }
  }
  for (const slug of onIssue) {
    add(counts, countScope.timeline(slug, source), `articles:${day}`);
    if (!article.publishedAt) add(counts, countScope.issue(slug), "undatedArticles");
  }
  for (const slug of issues) add(counts, countScope.issue(slug), "articles");
  return counts;
}

/** `after − before`, as rows to add to the stored counts (zero changes left out). */
export function diffCounts(before: Counts, after: Counts): { scope: string; key: string; value: number }[] {
  const rows: { scope: string; key: string; value: number }[] = [];
  for (const scope of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[scope] ?? {};
    const b = after[scope] ?? {};
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const value = (b[key] ?? 0) - (a[key] ?? 0);
      if (value !== 0) rows.push({ scope, key, value });
    }
  }
  return rows;
}

/** The issue slugs a set of counts touches (coverage, words or claims on them). */
export function countedIssues(counts: Counts): Set<string> {
  const slugs = new Set<string>();
  for (const scope of Object.keys(counts)) {
    const { issue } = scopeParts(scope);
    if (issue) slugs.add(issue);
  }
  return slugs;
}

/** The first-paragraph list a coverage scope's `p<N>` counts stand for, ascending. */
export function firstParagraphs(coverage: Readonly<Record<string, number>>): number[] {
  return Object.entries(coverage)
    .filter(([key]) => /^p\d+$/.test(key))
    .map(([key, count]) => ({ paragraph: Number(key.slice(1)), count }))
    .sort((a, b) => a.paragraph - b.paragraph)
    .flatMap(({ paragraph, count }) => Array.from({ length: count }, () => paragraph));
}
