import crypto from "node:crypto";
import { clusterClaims, groupStatements, sortById, type AnalysisClaim, type AnalysisFigure } from "@/lib/analysis/clusters";
import { findDiscrepancies } from "@/lib/analysis/discrepancies";
import { buildFramingMeasures, type FramingMeasures } from "@/lib/analysis/framing-measures";
import { headSql, sourceOf, type Source } from "@/lib/analysis/sources";
import { computePositions, describeFramingRows, writePositions } from "@/lib/analysis/run/positions";
import { serialRuns } from "@/lib/async/serial-runs";
import { trackAnalysisRun } from "@/lib/analysis/run/runs";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimKind } from "@/lib/generated/prisma/enums";
import { createLogOdds, tokenize, type DistinctiveTerm } from "@/lib/nlp/framing";

type Tx = Prisma.TransactionClient;

/** `AppSetting` key of the {@link AnalysisSummary}. */
export const ANALYSIS_SETTING = "analysis";

const LOCK_KEY = 4_827_301_600;
const TEXT_BATCH_ARTICLES = 500;
const MIN_TERM_COUNT = 2;
const CLAIM_BATCH = 20_000;
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
  counts: { articles: number; claims: number; sources: number; clusters: number; discrepancies: number };
  sources: { key: string; name: string; kind: Source["kind"]; claimCount: number; articleCount: number }[];
  speakers: { slug: string; name: string; claimCount: number }[];
  issues: Record<string, IssueSummary>;
  /** Keys of the discrepancies on open issues most worth an editor's attention, in order. */
  attention: string[];
};

/** One stored discrepancy item (`Discrepancy.items`), as the API returns it. */
export type StoredDiscrepancyItem = {
  value: string;
  raw: string | null;
  speaker: string | null;
  outlet: string;
  source: string;
  claimId: string;
  articleId: string;
  kind: ClaimKind;
  /** The article's publication date (ISO), null when unknown. */
  publishedAt: string | null;
};

type ArticleRow = {
  id: string;
  title: string | null;
  head: string;
  publishedAt: Date | null;
  ingestedAt: Date;
  outletId: string | null;
  outletSlug: string | null;
  outletName: string | null;
};
type ClaimRow = { id: string; articleId: string; kind: ClaimKind; speakerId: string | null; verb: string | null; text: string; quote: string | null };
type LoadedClaim = AnalysisClaim & { articleId: string; verb: string | null; speakerId: string | null };

const runners = new WeakMap<object, () => Promise<AnalysisSummary>>();

/**
 * What changed since the last run: some articles (added, edited, given a new version, re-derived,
 * reviewed or removed) or anything that touches every article (a lexicon, the pipeline, an outlet merge).
 */
export type AnalysisScope = { kind: "full" } | { kind: "articles"; articleIds: string[] };

export const FULL_ANALYSIS: AnalysisScope = { kind: "full" };

/**
 * Recomputes everything derived across articles and stores it in one transaction: claim clusters (and
 * each claim's `clusterId`), discrepancies, framing aggregates per issue × source, and the
 * {@link AnalysisSummary}. Call it after articles or claims change (ingest, re-tagging, review edits
 * that change speakers).
 *
 * Safe to call concurrently: runs across processes are serialised by a PostgreSQL advisory lock taken
 * before anything is read, and calls in one process that arrive while a run is waiting to start share
 * that run. Cost grows linearly with the corpus: counts are aggregated in SQL, text and claims are read
 * in batches with only the needed columns, writes are bulk, and clusters keep their ids by key so only
 * claims whose cluster changed are updated.
 */
export function refreshAnalysis(db: Db, scope: AnalysisScope = FULL_ANALYSIS): Promise<AnalysisSummary> {
  void scope; // Every run recomputes everything for now; a scope only says what changed.

  let runner = runners.get(db);
  if (!runner) {
    runner = serialRuns(() => trackAnalysisRun(db, () => recompute(db)));
    runners.set(db, runner);
  }
  return runner();
}

async function recompute(db: Db): Promise<AnalysisSummary> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_KEY}::bigint)`;
      const started = performance.now();
      const state = await load(tx);
      const terms = await computeTerms(tx, state);
      const framing = computeFraming(state, terms);
      const statements = groupStatements(state.claims);
      const clusters = clusterClaims(state.claims, {}, statements);
      const discrepancies = findDiscrepancies(state.claims, {}, statements);
      const positions = await computePositions(tx, {
        ...state,
        statements: new Map(clusters.flatMap((cluster) => cluster.claimIds.map((id) => [id, cluster.key] as const))),
        rankedSources: rankSources(framing),
      });
      describeFramingRows(framing, positions);
      await writeClusters(tx, state, clusters);
      await writeDiscrepancies(tx, state, discrepancies);
      await writeFraming(tx, framing);
      await writePositions(tx, positions);
      const summary = summarize(state, framing, clusters.length, discrepancies);
      summary.durationMs = Math.round(performance.now() - started);
      await tx.appSetting.upsert({
        where: { key: ANALYSIS_SETTING },
        create: { key: ANALYSIS_SETTING, value: summary },
        update: { value: summary },
      });
      return summary;
    },
    { timeout: 15 * 60_000, maxWait: 60_000 },
  );
}

type SourceTotals = { source: Source; articleIds: string[]; chars: number; sentences: number };
type IssueSourceStats = { articles: number; chars: number; sentences: number; firstParagraphs: number[] };

type State = {
  issues: { id: string; slug: string; title: string; status: "open" | "resolved" }[];
  articles: Map<string, ArticleRow & { source: Source }>;
  sources: Map<string, SourceTotals>;
  /** slug → source key → stats of the source's sentences on the issue. */
  coverage: Map<string, Map<string, IssueSourceStats>>;
  /** slug → articles with a sentence on the issue. */
  issueArticles: Map<string, Set<string>>;
  /** In id order ({@link sortById}), as the cross-source analysis expects. */
  claims: LoadedClaim[];
  speakers: Map<string, { slug: string; name: string }>;
};

async function load(tx: Tx): Promise<State> {
  const [issues, articleRows, speakerRows, totals, perIssue] = await Promise.all([
    tx.issue.findMany({ select: { id: true, slug: true, title: true, status: true }, orderBy: { position: "asc" } }),
    tx.$queryRaw<ArticleRow[]>`
      SELECT a.id, a.title, a."publishedAt", a."ingestedAt", a."outletId", o.slug AS "outletSlug", o.name AS "outletName",
        ${headSql("a", { onlyWithoutOutlet: true })}
      FROM "Article" a LEFT JOIN "Outlet" o ON o.id = a."outletId"`,
    tx.speaker.findMany({ select: { id: true, slug: true, name: true } }),
    tx.$queryRaw<{ articleId: string; sentences: number; chars: number }[]>`
      SELECT "articleId", count(*)::int AS sentences, coalesce(sum("end" - "start"), 0)::int AS chars
      FROM "Sentence" GROUP BY "articleId"`,
    tx.$queryRaw<{ articleId: string; slug: string; sentences: number; chars: number; firstParagraph: number }[]>`
      SELECT s."articleId", t.slug, count(*)::int AS sentences, sum(s."end" - s."start")::int AS chars, min(s.paragraph)::int AS "firstParagraph"
      FROM "Sentence" s CROSS JOIN LATERAL unnest(s.issues) AS t(slug)
      GROUP BY s."articleId", t.slug`,
  ]);

  const articles = new Map<string, ArticleRow & { source: Source }>();
  const sources = new Map<string, SourceTotals>();
  for (const row of articleRows) {
    const source = sourceOf({
      id: row.id,
      title: row.title,
      head: row.head,
      outlet: row.outletId ? { id: row.outletId, slug: row.outletSlug!, name: row.outletName! } : null,
    });
    articles.set(row.id, { ...row, source });
    const totalsOfSource = sources.get(source.key) ?? { source, articleIds: [], chars: 0, sentences: 0 };
    totalsOfSource.articleIds.push(row.id);
    sources.set(source.key, totalsOfSource);
  }
  for (const row of totals) {
    const article = articles.get(row.articleId);
    if (!article) continue;
    const totalsOfSource = sources.get(article.source.key)!;
    totalsOfSource.chars += row.chars;
    totalsOfSource.sentences += row.sentences;
  }
  const coverage = new Map<string, Map<string, IssueSourceStats>>();
  const issueArticles = new Map<string, Set<string>>();
  for (const row of perIssue) {
    const article = articles.get(row.articleId);
    if (!article) continue;
    issueArticles.set(row.slug, (issueArticles.get(row.slug) ?? new Set()).add(row.articleId));
    const bySource = coverage.get(row.slug) ?? new Map<string, IssueSourceStats>();
    coverage.set(row.slug, bySource);
    const stats = bySource.get(article.source.key) ?? { articles: 0, chars: 0, sentences: 0, firstParagraphs: [] };
    stats.articles += 1;
    stats.chars += row.chars;
    stats.sentences += row.sentences;
    stats.firstParagraphs.push(row.firstParagraph);
    bySource.set(article.source.key, stats);
  }

  const speakers = new Map(speakerRows.map((speaker) => [speaker.id, { slug: speaker.slug, name: speaker.name }]));
  const claims = sortById(await loadClaims(tx, articles, speakers, new Map(issues.map((issue) => [issue.id, issue.slug]))));
  return { issues, articles, sources, coverage, issueArticles, claims, speakers };
}

async function loadClaims(
  tx: Tx,
  articles: Map<string, { source: Source }>,
  speakers: Map<string, { name: string }>,
  issueSlugs: Map<string, string>,
): Promise<LoadedClaim[]> {
  const [links, figureRows] = await Promise.all([
    tx.$queryRaw<{ claimId: string; issueId: string }[]>`SELECT "claimId", "issueId" FROM "ClaimIssue"`,
    tx.$queryRaw<{ claimId: string; value: number; high: number | null; unit: string; raw: string; about: string | null }[]>`
      SELECT "claimId", value, high, unit, raw, about FROM "ClaimFigure" ORDER BY "claimId", start`,
  ]);
  const issuesOf = new Map<string, string[]>();
  for (const link of links) {
    const slug = issueSlugs.get(link.issueId);
    if (!slug) continue;
    const list = issuesOf.get(link.claimId);
    if (list) list.push(slug);
    else issuesOf.set(link.claimId, [slug]);
  }
  const figuresOf = new Map<string, AnalysisFigure[]>();
  for (const row of figureRows) {
    const figure = { value: Number(row.value), ...(row.high === null ? {} : { high: Number(row.high) }), unit: row.unit, raw: row.raw, about: row.about };
    const list = figuresOf.get(row.claimId);
    if (list) list.push(figure);
    else figuresOf.set(row.claimId, [figure]);
  }
  const claims: LoadedClaim[] = [];
  let cursor = "";
  for (;;) {
    const rows = await tx.$queryRaw<ClaimRow[]>`
      SELECT id, "articleId", kind::text AS kind, "speakerId", verb, text, quote
      FROM "Claim" WHERE status::text <> 'not_a_claim' AND id > ${cursor}
      ORDER BY id LIMIT ${CLAIM_BATCH}`;
    for (const row of rows) {
      const article = articles.get(row.articleId);
      if (!article) continue;
      const speakerId = row.speakerId;
      claims.push({
        id: row.id,
        articleId: row.articleId,
        source: article.source.key,
        kind: row.kind,
        speakerId,
        speaker: speakerId ? (speakers.get(speakerId)?.name ?? null) : null,
        verb: row.verb,
        text: row.text,
        quote: row.quote,
        issues: [...new Set(issuesOf.get(row.id) ?? [])].sort(),
        figures: figuresOf.get(row.id) ?? [],
      });
    }
    if (rows.length < CLAIM_BATCH) break;
    cursor = rows.at(-1)!.id;
  }
  return claims;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

/** Sources in batches of about {@link TEXT_BATCH_ARTICLES} articles, a source never split. */
function sourceBatches(state: State): SourceTotals[][] {
  const batches: SourceTotals[][] = [];
  let size = TEXT_BATCH_ARTICLES;
  for (const source of [...state.sources.values()].sort((a, b) => (a.source.key < b.source.key ? -1 : 1))) {
    if (size >= TEXT_BATCH_ARTICLES) {
      batches.push([]);
      size = 0;
    }
    batches.at(-1)!.push(source);
    size += source.articleIds.length;
  }
  return batches;
}

function addTokens(counts: Map<string, Map<string, number>>, key: string, tokens: readonly string[]) {
  let map = counts.get(key);
  if (!map) {
    map = new Map();
    counts.set(key, map);
  }
  for (const token of tokens) map.set(token, (map.get(token) ?? 0) + 1);
}

/**
 * Distinctive terms per issue × source, reading each article's text once: a batch of sources at a time,
 * the words of their sentences on each issue are added to the issue's corpus counts (the prior and "the
 * rest") and, per source, only words used at least {@link MIN_TERM_COUNT} times are kept with the
 * source's total, so memory stays small; every source is scored once the corpus is complete.
 */
async function computeTerms(tx: Tx, state: State): Promise<Map<string, Map<string, DistinctiveTerm[]>>> {
  const corpus = new Map<string, Map<string, number>>();
  const candidates = new Map<string, { slug: string; source: string; total: number; words: Map<string, number> }>();
  for (const batch of sourceBatches(state)) {
    const sourceOfArticle = new Map(batch.flatMap((source) => source.articleIds.map((id) => [id, source.source.key] as const)));
    const ids = [...sourceOfArticle.keys()];
    const [texts, sentences] = await Promise.all([
      tx.$queryRaw<{ id: string; originalText: string }[]>`SELECT id, "originalText" FROM "Article" WHERE id = ANY(${ids}::text[])`,
      tx.$queryRaw<{ articleId: string; start: number; end: number; issues: string[] }[]>`
        SELECT "articleId", start, "end", issues FROM "Sentence" WHERE "articleId" = ANY(${ids}::text[]) AND cardinality(issues) > 0`,
    ]);
    const textOf = new Map(texts.map((row) => [row.id, row.originalText]));
    const counts = new Map<string, Map<string, number>>();
    for (const sentence of sentences) {
      const tokens = tokenize(textOf.get(sentence.articleId)?.slice(sentence.start, sentence.end) ?? "");
      for (const slug of sentence.issues) {
        addTokens(counts, `${slug}\u0000${sourceOfArticle.get(sentence.articleId)}`, tokens);
        addTokens(corpus, slug, tokens);
      }
    }
    for (const [key, words] of counts) {
      const [slug, source] = key.split("\u0000") as [string, string];
      let total = 0;
      const kept = new Map<string, number>();
      for (const [word, count] of words) {
        total += count;
        if (count >= MIN_TERM_COUNT) kept.set(word, count);
      }
      candidates.set(key, { slug, source, total, words: kept });
    }
  }
  const scorers = new Map([...corpus].map(([slug, counts]) => [slug, createLogOdds(counts, { minCount: MIN_TERM_COUNT })]));
  const terms = new Map<string, Map<string, DistinctiveTerm[]>>();
  for (const { slug, source, total, words } of candidates.values()) {
    const bySource = terms.get(slug) ?? new Map<string, DistinctiveTerm[]>();
    bySource.set(source, scorers.get(slug)!(words, total));
    terms.set(slug, bySource);
  }
  return terms;
}

type FramingRow = { issueId: string; slug: string; source: Source; measures: FramingMeasures; claims: LoadedClaim[] };

function computeFraming(state: State, terms: Map<string, Map<string, DistinctiveTerm[]>>): FramingRow[] {
  const claimsBy = new Map<string, LoadedClaim[]>();
  for (const claim of state.claims) {
    for (const slug of claim.issues) {
      const key = `${slug}\u0000${claim.source}`;
      const list = claimsBy.get(key);
      if (list) list.push(claim);
      else claimsBy.set(key, [claim]);
    }
  }
  const rows: FramingRow[] = [];
  for (const issue of state.issues) {
    const coverage = state.coverage.get(issue.slug) ?? new Map<string, IssueSourceStats>();
    const keys = new Set([...coverage.keys(), ...[...state.sources.keys()].filter((key) => claimsBy.has(`${issue.slug}\u0000${key}`))]);
    for (const key of [...keys].sort()) {
      const totals = state.sources.get(key);
      if (!totals) continue;
      const stats = coverage.get(key) ?? { articles: 0, chars: 0, sentences: 0, firstParagraphs: [] };
      const claims = claimsBy.get(`${issue.slug}\u0000${key}`) ?? [];
      const measures = buildFramingMeasures({
        source: totals.source,
        articleCount: stats.articles || new Set(claims.map((claim) => claim.articleId)).size,
        sourceArticleCount: totals.articleIds.length,
        issueChars: stats.chars,
        totalChars: totals.chars,
        issueSentences: stats.sentences,
        totalSentences: totals.sentences,
        firstParagraphs: stats.firstParagraphs,
        claims,
        terms: terms.get(issue.slug)?.get(key) ?? [],
      });
      rows.push({ issueId: issue.id, slug: issue.slug, source: totals.source, measures, claims });
    }
  }
  return rows;
}

async function writeClusters(tx: Tx, state: State, clusters: ReturnType<typeof clusterClaims>) {
  const issueIds = new Map(state.issues.map((issue) => [issue.slug, issue.id]));
  const existing = new Map((await tx.claimCluster.findMany({ select: { id: true, key: true } })).map((row) => [row.key, row.id]));
  const rows = clusters.map((cluster) => ({
    id: existing.get(cluster.key) ?? crypto.randomUUID(),
    key: cluster.key,
    issueId: cluster.issue ? (issueIds.get(cluster.issue) ?? null) : null,
    label: cluster.label,
    about: cluster.about,
    value: cluster.value,
    unit: cluster.unit,
    speakerName: cluster.speaker,
    outletCount: cluster.sources.length,
    claimCount: cluster.claimIds.length,
  }));
  const kept = new Set(rows.map((row) => row.key));
  const stale = [...existing].filter(([key]) => !kept.has(key)).map(([, id]) => id);
  for (const ids of chunk(stale, WRITE_CHUNK)) await tx.claimCluster.deleteMany({ where: { id: { in: ids } } });
  for (const part of chunk(
    rows.filter((row) => existing.has(row.key)),
    WRITE_CHUNK,
  )) {
    await tx.$executeRaw`
      UPDATE "ClaimCluster" AS k SET "issueId" = v."issueId", label = v.label, about = v.about, value = v.value, unit = v.unit,
        "speakerName" = v."speakerName", "outletCount" = v."outletCount", "claimCount" = v."claimCount", "updatedAt" = now()
      FROM jsonb_to_recordset(${JSON.stringify(part)}::jsonb) AS v(id text, "issueId" text, label text, about text, value float8, unit text, "speakerName" text, "outletCount" int, "claimCount" int)
      WHERE k.id = v.id`;
  }
  for (const part of chunk(
    rows.filter((row) => !existing.has(row.key)),
    WRITE_CHUNK,
  ))
    await tx.claimCluster.createMany({ data: part });

  const claimIds: string[] = [];
  const clusterIds: string[] = [];
  clusters.forEach((cluster, index) => {
    for (const claimId of cluster.claimIds) {
      claimIds.push(claimId);
      clusterIds.push(rows[index]!.id);
    }
  });
  await tx.$executeRaw`
    UPDATE "Claim" AS c SET "clusterId" = v.cluster
    FROM (
      SELECT k.id, w.cluster FROM "Claim" k
      LEFT JOIN unnest(${claimIds}::text[], ${clusterIds}::text[]) AS w(id, cluster) ON w.id = k.id
      WHERE k."clusterId" IS DISTINCT FROM w.cluster
    ) AS v
    WHERE c.id = v.id`;
}

async function writeDiscrepancies(tx: Tx, state: State, discrepancies: ReturnType<typeof findDiscrepancies>) {
  const issueIds = new Map(state.issues.map((issue) => [issue.slug, issue.id]));
  const claims = new Map(state.claims.map((claim) => [claim.id, claim]));
  await tx.discrepancy.deleteMany({});
  const rows = discrepancies.map((discrepancy) => ({
    key: discrepancy.key,
    issueId: discrepancy.issue ? (issueIds.get(discrepancy.issue) ?? null) : null,
    about: discrepancy.about,
    items: discrepancy.items.map((item): StoredDiscrepancyItem => {
      const claim = claims.get(item.claimId)!;
      return {
        value: item.value,
        raw: item.raw,
        speaker: item.speaker,
        outlet: state.sources.get(item.source)?.source.name ?? item.source,
        source: item.source,
        claimId: item.claimId,
        articleId: claim.articleId,
        kind: claim.kind,
        publishedAt: state.articles.get(claim.articleId)?.publishedAt?.toISOString() ?? null,
      };
    }),
  }));
  for (const part of chunk(rows, WRITE_CHUNK)) await tx.discrepancy.createMany({ data: part });
}

async function writeFraming(tx: Tx, framing: FramingRow[]) {
  await tx.framingAggregate.deleteMany({});
  const rows = framing.map((row) => ({
    issueId: row.issueId,
    sourceKey: row.source.key,
    articleId: row.source.articleId,
    label: row.source.name,
    measures: row.measures as unknown as Prisma.InputJsonValue,
  }));
  for (const part of chunk(rows, WRITE_CHUNK)) await tx.framingAggregate.createMany({ data: part });
}

/** The latest claims: newest publication first, undated last, then by article and id. */
function recentClaims(state: State, claims: LoadedClaim[]): string[] {
  const time = (claim: LoadedClaim) => state.articles.get(claim.articleId)?.publishedAt?.getTime() ?? -Infinity;
  return claims
    .map((claim) => ({ claim, time: time(claim) }))
    .sort(
      (a, b) =>
        b.time - a.time || (a.claim.articleId < b.claim.articleId ? -1 : a.claim.articleId > b.claim.articleId ? 1 : 0) || (a.claim.id < b.claim.id ? -1 : 1),
    )
    .slice(0, RECENT_CLAIMS)
    .map(({ claim }) => claim.id);
}

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function rankFraming(rows: readonly FramingRow[]): FramingRow[] {
  return [...rows].sort(
    (a, b) =>
      b.measures.claimCount - a.measures.claimCount || b.measures.coverage.share - a.measures.coverage.share || a.source.name.localeCompare(b.source.name),
  );
}

/** Issue slug → the {@link RANKED_SOURCES} sources with most claims on it. */
function rankSources(framing: readonly FramingRow[]): Map<string, string[]> {
  const bySlug = new Map<string, FramingRow[]>();
  for (const row of framing) {
    const list = bySlug.get(row.slug);
    if (list) list.push(row);
    else bySlug.set(row.slug, [row]);
  }
  return new Map(
    [...bySlug].map(([slug, rows]) => [
      slug,
      rankFraming(rows)
        .slice(0, RANKED_SOURCES)
        .map((row) => row.source.key),
    ]),
  );
}

function summarize(state: State, framing: FramingRow[], clusterCount: number, discrepancies: ReturnType<typeof findDiscrepancies>): AnalysisSummary {
  const openSlugs = new Set(state.issues.filter((issue) => issue.status === "open").map((issue) => issue.slug));
  const issues: Record<string, IssueSummary> = {};
  for (const issue of state.issues) {
    const rows = framing.filter((row) => row.slug === issue.slug);
    const ranked = rankFraming(rows);
    const days = new Map<string, { claims: number; ingested: number; articles: Set<string>; sources: Set<string> }>();
    const undated = new Map<string, number>();
    let undatedClaims = 0;
    let claimCount = 0;
    let sentenceCount = 0;
    const issueClaims: LoadedClaim[] = [];
    const articleIds = new Set(state.issueArticles.get(issue.slug));
    for (const row of rows) {
      for (const claim of row.claims) {
        claimCount += 1;
        issueClaims.push(claim);
        articleIds.add(claim.articleId);
        const article = state.articles.get(claim.articleId);
        const publishedAt = article?.publishedAt;
        if (!publishedAt) {
          undatedClaims += 1;
          undated.set(claim.articleId, (undated.get(claim.articleId) ?? 0) + 1);
        }
        const placedAt = publishedAt ?? article?.ingestedAt;
        if (!placedAt) continue;
        const day = utcDay(placedAt);
        const entry = days.get(day) ?? { claims: 0, ingested: 0, articles: new Set(), sources: new Set() };
        entry.claims += 1;
        if (!publishedAt) entry.ingested += 1;
        entry.articles.add(claim.articleId);
        entry.sources.add(claim.source);
        days.set(day, entry);
      }
    }
    for (const stats of state.coverage.get(issue.slug)?.values() ?? []) sentenceCount += stats.sentences;
    issues[issue.slug] = {
      claimCount,
      articleCount: articleIds.size,
      sentenceCount,
      sourceCount: rows.length,
      sources: ranked.slice(0, RANKED_SOURCES).map((row) => ({ key: row.source.key, name: row.source.name })),
      timeline: [...days]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([day, entry]) => ({ day, claims: entry.claims, articles: entry.articles.size, sources: entry.sources.size, ingested: entry.ingested })),
      recentClaims: recentClaims(state, issueClaims),
      undated: {
        claims: undatedClaims,
        articleCount: undated.size,
        articles: [...undated]
          .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
          .slice(0, TOP_UNDATED)
          .map(([id, claims]) => {
            const article = state.articles.get(id)!;
            return { id, label: article.title?.trim() || article.source.name, claims };
          }),
      },
    };
  }

  const sourceClaims = new Map<string, { claims: number; articles: Set<string> }>();
  for (const claim of state.claims) {
    if (!claim.issues.some((slug) => openSlugs.has(slug))) continue;
    const entry = sourceClaims.get(claim.source) ?? { claims: 0, articles: new Set<string>() };
    entry.claims += 1;
    entry.articles.add(claim.articleId);
    sourceClaims.set(claim.source, entry);
  }
  const openCoverage = new Map<string, number>();
  for (const row of framing) {
    if (openSlugs.has(row.slug)) openCoverage.set(row.source.key, (openCoverage.get(row.source.key) ?? 0) + row.measures.coverage.share);
  }
  const coverageOf = (key: string) => openCoverage.get(key) ?? 0;
  const sources = [...state.sources.values()]
    .filter((totals) => sourceClaims.has(totals.source.key) || openCoverage.has(totals.source.key))
    .map((totals) => ({
      key: totals.source.key,
      name: totals.source.name,
      kind: totals.source.kind,
      claimCount: sourceClaims.get(totals.source.key)?.claims ?? 0,
      articleCount: totals.articleIds.length,
    }))
    .sort((a, b) => b.claimCount - a.claimCount || coverageOf(b.key) - coverageOf(a.key) || a.name.localeCompare(b.name))
    .slice(0, RANKED_SOURCES);

  const speakerClaims = new Map<string, number>();
  for (const claim of state.claims) if (claim.speakerId) speakerClaims.set(claim.speakerId, (speakerClaims.get(claim.speakerId) ?? 0) + 1);
  const speakers = [...speakerClaims]
    .flatMap(([id, claimCount]) => {
      const speaker = state.speakers.get(id);
      return speaker ? [{ slug: speaker.slug, name: speaker.name, claimCount }] : [];
    })
    .sort((a, b) => b.claimCount - a.claimCount || a.name.localeCompare(b.name))
    .slice(0, TOP_SPEAKERS);

  return {
    refreshedAt: new Date().toISOString(),
    durationMs: 0,
    counts: {
      articles: state.articles.size,
      claims: state.claims.length,
      sources: state.sources.size,
      clusters: clusterCount,
      discrepancies: discrepancies.length,
    },
    sources,
    speakers,
    issues,
    attention: discrepancies
      .filter((discrepancy) => discrepancy.issue && openSlugs.has(discrepancy.issue))
      .slice(0, ATTENTION)
      .map((discrepancy) => discrepancy.key),
  };
}
