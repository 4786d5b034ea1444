import crypto from "node:crypto";
import { countScope, firstParagraphs, type Counts } from "@/lib/analysis/counts";
import { buildFramingMeasures, framingDetail, withSourceTotals, type FramingDetail, type FramingMeasures } from "@/lib/analysis/framing-measures";
import { sourceOf, type Source } from "@/lib/analysis/sources";
import type { DescribedVerb } from "@/lib/analysis/framing-words";
import { computePositions, describeFramingRows, loadPositionClaims, type StoredIssuePositions } from "@/lib/analysis/run/positions";
import { addArticlesOf, chunk, loadArticles, type LoadedArticle, type LoadedClaim, type Names, type Tx } from "@/lib/analysis/run/load";
import { Prisma } from "@/lib/generated/prisma/client";
import { createLogOdds } from "@/lib/nlp/framing";

const MIN_TERM_COUNT = 2;
const WRITE_CHUNK = 1_000;
/** How many sources the summary ranks, overall and per issue. */
export const RANKED_SOURCES = 60;
const TOP_SPEAKERS = 100;
const TOP_UNDATED = 20;
const RECENT_CLAIMS = 60;
const ATTENTION = 10;

/**
 * A day of an issue's timeline: claims on the issue in articles published that day (UTC). Articles
 * without a publication date are placed on the day they were ingested: `ingested` counts their claims
 * (absent or 0 when none), so the timeline can mark them.
 */
export type TimelineDay = { day: string; claims: number; articles: number; sources: number; ingested?: number };

export type IssueSummary = {
  claimCount: number;
  articleCount: number;
  sentenceCount: number;
  sourceCount: number;
  /** Sources covering the issue, most claims first (at most {@link RANKED_SOURCES}). */
  sources: { key: string; name: string }[];
  timeline: TimelineDay[];
  /** Ids of the issue's latest claims (by publication date, undated last), at most {@link RECENT_CLAIMS}. */
  recentClaims: string[];
  undated: { claims: number; articleCount: number; articles: { id: string; label: string; claims: number }[] };
};

/**
 * What pages need without scanning claims, stored with the aggregates: rankings, pick lists and timelines.
 * `issues` is keyed by issue slug.
 */
export type AnalysisSummary = {
  refreshedAt: string;
  durationMs: number;
  /** What the run that stored it recomputed: everything, or what some articles touch. */
  scope?: AnalysisScope["kind"];
  counts: { articles: number; claims: number; sources: number; clusters: number; discrepancies: number };
  sources: { key: string; name: string; kind: Source["kind"]; claimCount: number; articleCount: number }[];
  speakers: { slug: string; name: string; claimCount: number }[];
  issues: Record<string, IssueSummary>;
  /** Keys of the discrepancies on open issues most worth an editor's attention, in order. */
  attention: string[];
};

/**
 * What changed since the last run: some articles (added, edited, given a new version, re-derived,
 * reviewed or removed) or anything that touches every article (a lexicon, the pipeline, an outlet merge).
 */
export type AnalysisScope = { kind: "full" } | { kind: "articles"; articleIds: string[] };

export type IssueRef = { id: string; slug: string; title: string; status: "open" | "resolved" };

/** What the per-issue work shares: names, and the articles read so far. */
export type IssueContext = { names: Names; articles: Map<string, LoadedArticle> };

type CountRow = { source: string; key: string; value: number };

async function readCounts(tx: Tx, kind: string, issue: string, sources?: readonly string[]): Promise<CountRow[]> {
  return sources
    ? tx.$queryRaw<CountRow[]>`
        SELECT source, key, value FROM "AnalysisCount" WHERE scope = ${kind} AND issue = ${issue} AND source = ANY(${sources}::text[]) ORDER BY source, key`
    : tx.$queryRaw<CountRow[]>`SELECT source, key, value FROM "AnalysisCount" WHERE scope = ${kind} AND issue = ${issue} ORDER BY source, key`;
}

function bySource(rows: readonly CountRow[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const entry = out.get(row.source) ?? {};
    entry[row.key] = row.value;
    out.set(row.source, entry);
  }
  return out;
}

type SourceTotals = { articles: number; chars: number; sentences: number };

async function sourceTotals(tx: Tx, keys: readonly string[]): Promise<Map<string, SourceTotals>> {
  const counts = bySource(await readCounts(tx, "source", "", keys));
  return new Map([...counts].map(([key, value]) => [key, { articles: value.articles ?? 0, chars: value.chars ?? 0, sentences: value.sentences ?? 0 }]));
}

/** Sources by key: those of the given articles, and the rest read (outlets by slug, articles by id). */
export async function sourcesOf(
  tx: Pick<Tx, "$queryRaw" | "outlet">,
  keys: Iterable<string>,
  articles: ReadonlyMap<string, LoadedArticle> = new Map(),
): Promise<Map<string, Source>> {
  const known = new Map<string, Source>();
  for (const article of articles.values()) known.set(article.source.key, article.source);
  const wanted = [...new Set(keys)];
  const missing = wanted.filter((key) => !known.has(key));
  const articleIds = missing.filter((key) => key.startsWith("article:")).map((key) => key.slice("article:".length));
  const slugs = missing.filter((key) => !key.startsWith("article:"));
  if (articleIds.length > 0)
    for (const article of (await loadArticles(tx, Prisma.sql`a.id = ANY(${articleIds}::text[])`)).values()) known.set(article.source.key, article.source);
  if (slugs.length > 0) {
    for (const outlet of await tx.outlet.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true, name: true } })) {
      known.set(outlet.slug, sourceOf({ id: "", title: null, head: "", outlet }));
    }
  }
  return new Map(wanted.flatMap((key) => (known.has(key) ? [[key, known.get(key)!] as const] : [])));
}

type FramingRow = { source: Source; measures: FramingMeasures; detail: FramingDetail; claims: LoadedClaim[] | { verbs: DescribedVerb[] } };

function rankRows<T extends { claimCount: number; share: number; name: string; key: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.claimCount - a.claimCount || b.share - a.share || a.name.localeCompare(b.name));
}

function rankFraming(rows: readonly FramingRow[]): FramingRow[] {
  const ranked = rankRows(
    rows.map((row) => ({ row, claimCount: row.measures.claimCount, share: row.measures.coverage.share, name: row.source.name, key: row.source.key })),
  );
  return ranked.map((entry) => entry.row);
}

/** The issue's claims of some sources (every claim of theirs on it, in id order). */
export type IssueClaimsOf = (sources: readonly string[]) => Promise<readonly LoadedClaim[]>;

/**
 * Everything stored per issue, recomputed from the stored counts and the issue's claims as the database
 * aggregates them (no article text is read): framing per source, positions, contrasts and omissions, and
 * the issue's summary. Writes the issue's framing rows; returns its positions and summary for the caller
 * to store. The clusters must be stored already (positions read each claim's cluster).
 *
 * `claimsOf` reads the issue's claims of the sources whose framing rows are rebuilt: every source, unless
 * `changed` names the only sources whose claims, coverage or totals changed since the rows were stored; the
 * other sources' rows are then restated from what is stored (their distinctive terms scored again against
 * the issue's words, their description and absent actors from the new positions). `changed.recent`: the
 * issue's latest claims as stored and the articles changed since, to update that list instead of finding it
 * again.
 */
export async function recomputeIssue(
  tx: Tx,
  context: IssueContext,
  issue: IssueRef,
  claimsOf: IssueClaimsOf,
  changed?: { sources: ReadonlySet<string>; previous?: PreviousSummary },
): Promise<{ positions: StoredIssuePositions; summary: IssueSummary }> {
  const { slug } = issue;
  const [coverageRows, wordRows, issueRows, timelineRows] = await Promise.all([
    readCounts(tx, "coverage", slug),
    readCounts(tx, "words", slug),
    readCounts(tx, "issue", slug),
    readCounts(tx, "timeline", slug),
  ]);
  const coverage = bySource(coverageRows);
  // Sources with text or claims on the issue.
  const keys = [...new Set([...coverage.keys(), ...timelineRows.map((row) => row.source)])].sort();
  const [totals, sources] = await Promise.all([sourceTotals(tx, keys), sourcesOf(tx, keys, context.articles)]);

  const corpus = new Map<string, number>();
  const words = new Map<string, { total: number; kept: Map<string, number> }>();
  for (const row of wordRows) {
    corpus.set(row.key, (corpus.get(row.key) ?? 0) + row.value);
    const entry = words.get(row.source) ?? { total: 0, kept: new Map<string, number>() };
    entry.total += row.value;
    if (row.value >= MIN_TERM_COUNT) entry.kept.set(row.key, row.value);
    words.set(row.source, entry);
  }
  const scorer = corpus.size > 0 ? createLogOdds(corpus, { minCount: MIN_TERM_COUNT }) : null;

  const kept = new Map<string, { measures: FramingMeasures; detail: FramingDetail }>();
  if (changed) {
    const stored = await tx.framingAggregate.findMany({ where: { issueId: issue.id }, select: { sourceKey: true, measures: true, detail: true } });
    for (const row of stored) {
      if (changed.sources.has(row.sourceKey) || !row.detail) continue;
      kept.set(row.sourceKey, { measures: row.measures as unknown as FramingMeasures, detail: row.detail as unknown as FramingDetail });
    }
  }
  const rebuilt = keys.filter((key) => !kept.has(key) && totals.has(key) && sources.has(key));
  const claimsBy = new Map<string, LoadedClaim[]>();
  for (const claim of rebuilt.length > 0 ? await claimsOf(rebuilt) : []) {
    const list = claimsBy.get(claim.source);
    if (list) list.push(claim);
    else claimsBy.set(claim.source, [claim]);
  }

  const claimArticles = new Map<string, number>();
  for (const row of timelineRows) if (row.key.startsWith("articles:")) claimArticles.set(row.source, (claimArticles.get(row.source) ?? 0) + row.value);
  const rows: FramingRow[] = [];
  for (const key of keys) {
    const total = totals.get(key);
    const source = sources.get(key);
    if (!total || !source) continue;
    const sourceWords = words.get(key);
    const terms = scorer && sourceWords ? scorer(sourceWords.kept, sourceWords.total) : [];
    const stored = kept.get(key);
    if (stored) {
      rows.push({ source, measures: { ...stored.measures, terms }, detail: stored.detail, claims: { verbs: stored.detail.described } });
      continue;
    }
    const stats = coverage.get(key) ?? {};
    const sourceClaims = claimsBy.get(key) ?? [];
    const measures = buildFramingMeasures({
      source,
      // Articles with text on the issue, or else with a claim on it (as the timeline counts them).
      articleCount: stats.articles || (claimArticles.get(key) ?? 0),
      sourceArticleCount: total.articles,
      issueChars: stats.chars ?? 0,
      totalChars: total.chars,
      issueSentences: stats.sentences ?? 0,
      totalSentences: total.sentences,
      firstParagraphs: firstParagraphs(stats),
      claims: sourceClaims,
      terms,
    });
    rows.push({ source, measures, detail: framingDetail(sourceClaims), claims: sourceClaims });
  }
  const ranked = rankFraming(rows).slice(0, RANKED_SOURCES);

  const stored = await computePositions(tx, {
    issues: [{ slug, claims: await loadPositionClaims(tx, issue.id, context.names) }],
    sources: new Map([...sources].map(([key, source]) => [key, { source }])),
    rankedSources: new Map([[slug, ranked.map((row) => row.source.key)]]),
  });
  describeFramingRows(
    rows.map((row) => ({ ...row, slug })),
    stored,
  );
  await tx.framingAggregate.deleteMany({ where: { issueId: issue.id } });
  // One statement a chunk, the rows as one JSON parameter: cheaper than a parameter per column and row.
  for (const part of chunk(rows, WRITE_CHUNK)) {
    const values = part.map((row) => ({
      id: crypto.randomUUID(),
      sourceKey: row.source.key,
      articleId: row.source.articleId,
      label: row.source.name,
      measures: row.measures,
      detail: row.detail,
    }));
    await tx.$executeRaw`
      INSERT INTO "FramingAggregate" (id, "issueId", "sourceKey", "articleId", label, measures, detail, "updatedAt")
      SELECT v.id, ${issue.id}, v."sourceKey", v."articleId", v.label, v.measures, v.detail, now()
      FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(id text, "sourceKey" text, "articleId" text, label text, measures jsonb, detail jsonb)`;
  }

  const counted = bySource(issueRows).get("") ?? {};
  const summary: IssueSummary = {
    claimCount: counted.claims ?? 0,
    articleCount: counted.articles ?? 0,
    sentenceCount: [...coverage.values()].reduce((sum, stats) => sum + (stats.sentences ?? 0), 0),
    sourceCount: rows.length,
    sources: ranked.map((row) => ({ key: row.source.key, name: row.source.name })),
    timeline: timelineOf(timelineRows),
    recentClaims: await latestClaims(tx, issue.id, changed?.previous),
    undated: await undatedOf(tx, slug, counted, context.articles, changed?.previous),
  };
  return { positions: stored.issues[slug]!, summary };
}

/**
 * Brings an issue's framing rows for `sources` up to date with those sources' new totals (articles of
 * theirs that do not touch the issue were added, changed or removed), without reading its claims. Returns
 * false when that cannot be done exactly, when the issue's ranking of sources changed (its positions
 * depend on it) or rows predate the stored detail: the caller then recomputes the issue.
 */
export async function restateIssueSources(
  tx: Tx,
  issue: IssueRef,
  sources: readonly string[],
  positions: StoredIssuePositions | undefined,
  previous: IssueSummary | undefined,
): Promise<boolean> {
  if (!previous) return false;
  const rows = await tx.framingAggregate.findMany({
    where: { issueId: issue.id, sourceKey: { in: [...sources] } },
    select: { id: true, sourceKey: true, measures: true, detail: true },
  });
  if (rows.length === 0) return true;
  if (rows.some((row) => !row.detail)) return false;
  const totals = await sourceTotals(
    tx,
    rows.map((row) => row.sourceKey),
  );
  const restated = rows.map((row) => {
    const measures = row.measures as unknown as FramingMeasures;
    const total = totals.get(row.sourceKey) ?? { articles: 0, chars: 0, sentences: 0 };
    const detail = row.detail as unknown as FramingDetail;
    return {
      id: row.id,
      slug: issue.slug,
      source: { ...measures.source, outletId: null },
      measures: withSourceTotals(measures, detail, { sourceArticleCount: total.articles, totalChars: total.chars, totalSentences: total.sentences }),
      claims: { verbs: detail.described },
    };
  });
  describeFramingRows(restated, { issues: positions ? { [issue.slug]: positions } : {} });
  await tx.$executeRaw`
    UPDATE "FramingAggregate" AS f SET measures = v.measures, "updatedAt" = now()
    FROM jsonb_to_recordset(${JSON.stringify(restated.map((row) => ({ id: row.id, measures: row.measures })))}::jsonb) AS v(id text, measures jsonb)
    WHERE f.id = v.id`;
  const all = await tx.$queryRaw<{ key: string; name: string; claimCount: number; share: number }[]>`
    SELECT "sourceKey" AS key, label AS name, (measures->>'claimCount')::int AS "claimCount", (measures->'coverage'->>'share')::float8 AS share
    FROM "FramingAggregate" WHERE "issueId" = ${issue.id}`;
  const ranked = rankRows(all)
    .slice(0, RANKED_SOURCES)
    .map((row) => row.key);
  return ranked.length === previous.sources.length && ranked.every((key, index) => previous.sources[index]!.key === key);
}

/** An issue's timeline from its `timeline` counts: each day's claims and articles summed over sources, and its sources counted. */
function timelineOf(rows: readonly CountRow[]): TimelineDay[] {
  const days = new Map<string, TimelineDay & { ingested: number }>();
  for (const row of rows) {
    const separator = row.key.indexOf(":");
    const [what, day] = [row.key.slice(0, separator), row.key.slice(separator + 1)];
    const entry = days.get(day) ?? { day, claims: 0, articles: 0, sources: 0, ingested: 0 };
    if (what === "claims") entry.claims += row.value;
    else if (what === "articles") {
      entry.articles += row.value;
      entry.sources += 1;
    } else if (what === "ingested") entry.ingested += row.value;
    days.set(day, entry);
  }
  return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

/**
 * What an issue's summary can be brought up to date from without looking again: the summary as stored, the
 * articles changed since, and those articles' counts as they are now (none for an article gone).
 */
export type PreviousSummary = { summary: IssueSummary; articleIds: readonly string[]; counts: ReadonlyMap<string, Counts> };

/**
 * An issue's undated articles: the claims and articles in all (its `issue` counts), and the
 * {@link TOP_UNDATED} with the most claims. With `basis`, the list is the stored one with the changed
 * articles' new counts merged in, unless one of its articles lost claims while the list was full (then the
 * one after it is unknown, and the list is found again from the `undated` counts).
 */
async function undatedOf(
  tx: Tx,
  slug: string,
  counted: Readonly<Record<string, number>>,
  articles: Map<string, LoadedArticle>,
  basis: PreviousSummary | undefined,
): Promise<IssueSummary["undated"]> {
  const top = (basis && mergedUndated(slug, basis)) ?? (await rankedUndated(tx, slug));
  await addArticlesOf(
    tx,
    top.map((row) => row.key),
    articles,
  );
  return {
    claims: counted.undatedClaims ?? 0,
    articleCount: counted.undatedArticles ?? 0,
    articles: top.flatMap((row) => {
      const article = articles.get(row.key);
      return article ? [{ id: row.key, label: article.title?.trim() || article.source.name, claims: row.value }] : [];
    }),
  };
}

type UndatedRow = { key: string; value: number };

/** Most claims first, then article id in byte order (as `COLLATE "C"` sorts the ids, which are ASCII). */
function byUndatedRank(a: UndatedRow, b: UndatedRow): number {
  return b.value - a.value || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** The issue's undated articles with the most claims, ranked where they are kept (an issue can have one for every article ingested). */
async function rankedUndated(tx: Tx, slug: string): Promise<UndatedRow[]> {
  return tx.$queryRaw<UndatedRow[]>`
    SELECT key, value FROM "AnalysisCount" WHERE scope = 'undated' AND issue = ${slug} ORDER BY value DESC, key COLLATE "C" LIMIT ${TOP_UNDATED}`;
}

/** The stored list with the changed articles' counts merged in, or null when it cannot be known without ranking them all again. */
function mergedUndated(slug: string, basis: PreviousSummary): UndatedRow[] | null {
  const { undated } = basis.summary;
  // A list cut short (an article of it not found when it was made) says nothing of the articles after it.
  if (!undated || undated.articles.length !== Math.min(TOP_UNDATED, undated.articleCount)) return null;
  const changed = new Set(basis.articleIds);
  // An undated count is keyed by its article, so the stored one is the article's own count.
  const now = new Map(
    [...changed].flatMap((id) => {
      const value = basis.counts.get(id)?.[countScope.undated(slug)]?.[id] ?? 0;
      return value > 0 ? [[id, value] as const] : [];
    }),
  );
  const isFull = undated.articles.length === TOP_UNDATED;
  if (isFull && undated.articles.some((article) => changed.has(article.id) && (now.get(article.id) ?? 0) < article.claims)) return null;
  const rows = [
    ...undated.articles.filter((article) => !changed.has(article.id)).map((article) => ({ key: article.id, value: article.claims })),
    ...[...now].map(([key, value]) => ({ key, value })),
  ];
  return rows.sort(byUndatedRank).slice(0, TOP_UNDATED);
}

/** The order of an issue's latest claims, over the claim `c` and its article `a`: newest publication first, undated last, then by article and id. */
const LATEST_FIRST = Prisma.sql`ORDER BY a."publishedAt" DESC NULLS LAST, c."articleId" COLLATE "C", c.id COLLATE "C"`;

/**
 * The issue's latest claims (at most {@link RECENT_CLAIMS}): newest publication first, undated last, then by
 * article and id. With `basis`, from the stored list and the changed articles' claims, unless a claim of
 * the full stored list is gone or moved (then the one after it is unknown, and the list is found again).
 */
async function latestClaims(tx: Tx, issueId: string, basis: PreviousSummary | undefined): Promise<string[]> {
  if (basis) {
    const previous = basis.summary.recentClaims;
    const rows = await tx.$queryRaw<{ id: string; articleId: string }[]>`
      SELECT c.id, c."articleId" FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
      WHERE c.status::text <> 'not_a_claim' AND (c.id = ANY(${previous}::text[]) OR c."articleId" = ANY(${basis.articleIds}::text[]))
        AND EXISTS (SELECT 1 FROM "ClaimIssue" ci WHERE ci."claimId" = c.id AND ci."issueId" = ${issueId})
      ${LATEST_FIRST}`;
    const changedArticles = new Set(basis.articleIds);
    const unchanged = new Set(rows.filter((row) => !changedArticles.has(row.articleId)).map((row) => row.id));
    const isComplete = previous.length < RECENT_CLAIMS || previous.every((id) => unchanged.has(id));
    if (isComplete) return rows.slice(0, RECENT_CLAIMS).map((row) => row.id);
  }
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM "ClaimIssue" ci JOIN "Claim" c ON c.id = ci."claimId" JOIN "Article" a ON a.id = c."articleId"
    WHERE ci."issueId" = ${issueId} AND c.status::text <> 'not_a_claim'
    ${LATEST_FIRST}
    LIMIT ${RECENT_CLAIMS}`;
  return rows.map((row) => row.id);
}

/**
 * The summary from what is stored: counts kept by the analysis, framing rows of open issues (for the
 * sources' ranking), speakers' claims, and the discrepancies on open issues (for attention). `issues` are
 * the per-issue summaries, computed by {@link recomputeIssue} or kept from the last run.
 */
export async function summarizeStored(tx: Tx, issues: readonly IssueRef[], issueSummaries: Record<string, IssueSummary>): Promise<AnalysisSummary> {
  const openIds = issues.filter((issue) => issue.status === "open").map((issue) => issue.id);
  const order = new Map(issues.map((issue, index) => [issue.id, index]));
  const [all, sourceCount, clusters, discrepancyCount, openRows, speakerRows, discrepancies] = await Promise.all([
    readCounts(tx, "all", ""),
    tx.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "AnalysisCount" WHERE scope = 'source' AND issue = '' AND key = 'articles'`,
    tx.claimCluster.count(),
    tx.discrepancy.count(),
    tx.$queryRaw<{ issueId: string; key: string; name: string; kind: Source["kind"]; share: number }[]>`
      SELECT "issueId", "sourceKey" AS key, label AS name, measures->'source'->>'kind' AS kind, (measures->'coverage'->>'share')::float8 AS share
      FROM "FramingAggregate" WHERE "issueId" = ANY(${openIds}::text[])`,
    tx.$queryRaw<{ slug: string; name: string; claimCount: number }[]>`
      SELECT s.slug, s.name, n.value AS "claimCount" FROM "AnalysisCount" n JOIN "Speaker" s ON s.id = n.key
      WHERE n.scope = 'speakers' AND n.issue = '' AND n.source = ''`,
    tx.$queryRaw<{ key: string; sources: number; items: number }[]>`
      SELECT key, (SELECT count(DISTINCT e->>'source') FROM jsonb_array_elements(items) e)::int AS sources, jsonb_array_length(items)::int AS items
      FROM "Discrepancy" WHERE "issueId" = ANY(${openIds}::text[])`,
  ]);
  const totals = bySource(all).get("") ?? {};

  // Shares are added in the order a full run lists framing rows (issue position, then source key), so sums agree to the last bit.
  openRows.sort((a, b) => order.get(a.issueId)! - order.get(b.issueId)! || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const openCoverage = new Map<string, { name: string; kind: Source["kind"]; share: number }>();
  for (const row of openRows) {
    const entry = openCoverage.get(row.key) ?? { name: row.name, kind: row.kind, share: 0 };
    entry.share += row.share;
    openCoverage.set(row.key, entry);
  }
  const keys = [...openCoverage.keys()];
  const sourceCounts = bySource(await readCounts(tx, "source", "", keys));
  const sources = keys
    .map((key) => ({
      key,
      name: openCoverage.get(key)!.name,
      kind: openCoverage.get(key)!.kind,
      claimCount: sourceCounts.get(key)?.openClaims ?? 0,
      articleCount: sourceCounts.get(key)?.articles ?? 0,
    }))
    .sort((a, b) => b.claimCount - a.claimCount || openCoverage.get(b.key)!.share - openCoverage.get(a.key)!.share || a.name.localeCompare(b.name))
    .slice(0, RANKED_SOURCES);

  const kind = (key: string) => (key.startsWith("figure:") ? 0 : 1);
  const attention = discrepancies
    .sort((a, b) => kind(a.key) - kind(b.key) || b.sources - a.sources || b.items - a.items || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, ATTENTION)
    .map((row) => row.key);

  return {
    refreshedAt: new Date().toISOString(),
    durationMs: 0,
    counts: {
      articles: totals.articles ?? 0,
      claims: totals.claims ?? 0,
      sources: sourceCount[0]?.count ?? 0,
      clusters,
      discrepancies: discrepancyCount,
    },
    sources,
    speakers: speakerRows.sort((a, b) => b.claimCount - a.claimCount || a.name.localeCompare(b.name)).slice(0, TOP_SPEAKERS),
    issues: Object.fromEntries(issues.flatMap((issue) => (issueSummaries[issue.slug] ? [[issue.slug, issueSummaries[issue.slug]!] as const] : []))),
    attention,
  };
}
