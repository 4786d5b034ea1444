import "server-only";
import { cache } from "react";
import { excerptAround, type Excerpt } from "@/lib/analysis/excerpt";
import type { FramingMeasures } from "@/lib/analysis/framing-measures";
import { articleLabel, headSql, parseSourceKey, sourceIdSql, sourceRefOf } from "@/lib/analysis/sources";
import { countUpTo } from "@/lib/data/capped-count";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimKind, IssueStatus, ReviewStatus } from "@/lib/generated/prisma/enums";
import {
  ISSUE_CLAIM_COUNT_CAP,
  ISSUE_CLAIM_PAGE,
  loadActorMatrix,
  loadIssuePositions,
  type ActorMatrix,
  type IssueClaimItem,
  type IssueClaimPage,
  type IssuePositionsView,
} from "@/lib/data/positions";
import { VersionedCache } from "@/lib/data/versioned-cache";
import { POSITIONS_SETTING } from "@/lib/analysis/run/positions";
import { ANALYSIS_SETTING, RANKED_SOURCES, type AnalysisSummary, type StoredDiscrepancyItem, type TimelineDay } from "@/lib/analysis/run/refresh";
import { CLUSTER_PAGE, hasClaimFilters, leavesOutUndated, type BriefFilters } from "@/lib/validations/briefs";

const MATRIX_COLUMNS = 8;
const DASHBOARD_CLUSTERS = 6;
const DASHBOARD_DISCREPANCIES = 3;
const DASHBOARD_CONTRASTS = 4;
const BRIEF_CLUSTERS = 8;
/** The dashboard loads a cluster's claims only when it is opened. */
const DASHBOARD_MEMBERS = 0;
const BRIEF_MEMBERS = 5;
const FRAMING_SOURCES = 8;
const BRIEF_DISCREPANCIES = 50;
const DISCREPANCY_SCAN = 200;
const UNDATED_ARTICLES = 10;
const ARTICLE_OPTIONS = 10;
/** Briefs and dashboards kept per filter combination (each is a few hundred kB at most). */
const CACHED_VIEWS = 48;

export type SourceRef = { key: string; name: string };
export type FilterOptions = { sources: SourceRef[]; speakers: { slug: string; name: string }[]; issues: { slug: string; title: string }[] };

export type DiscrepancyView = {
  key: string;
  kind: "figure" | "attribution";
  about: string;
  issue: { slug: string; title: string } | null;
  items: StoredDiscrepancyItem[];
};

export type ClusterMember = {
  id: string;
  articleId: string;
  kind: ClaimKind;
  speaker: string | null;
  source: SourceRef;
  publishedAt: Date | null;
  excerpt: Excerpt;
};

export type ClusterView = {
  id: string;
  key: string;
  label: string;
  about: string | null;
  value: number | null;
  unit: string | null;
  speaker: string | null;
  outletCount: number;
  claimCount: number;
  issue: { slug: string; title: string } | null;
  members: ClusterMember[];
};

export type FramingView = FramingMeasures;

export type MatrixCell = { share: number; claimCount: number; dominantVoice: string | null; articleCount: number };

export type Dashboard = {
  refreshedAt: string | null;
  counts: AnalysisSummary["counts"] | null;
  issues: { id: string; slug: string; title: string; description: string }[];
  columns: SourceRef[];
  /** issue slug → source key → cell; a missing cell means the source does not cover the issue. */
  cells: Record<string, Record<string, MatrixCell>>;
  discrepancies: DiscrepancyView[];
  clusters: ClusterView[];
  /** Who said what on each open issue. */
  actors: ActorMatrix;
  /** The strongest contrasting pair on each open issue (filters applied, dismissed pairs left out). */
  contrasts: { issue: { slug: string; title: string }; view: IssuePositionsView }[];
  options: FilterOptions;
  /** Articles without a publication date that the date range leaves out ({@link countUndatedLeftOut}). */
  undatedLeftOut: number;
};

export type IssueBrief = {
  issue: { id: string; slug: string; title: string; description: string; status: IssueStatus; phrases: string[]; exclusions: string[] };
  refreshedAt: string | null;
  totals: { claims: number; articles: number; sources: number };
  clusters: ClusterView[];
  discrepancies: DiscrepancyView[];
  framing: FramingView[];
  timeline: {
    days: TimelineDay[];
    undated: { claims: number; articleCount: number; articles: { id: string; label: string; claims: number }[] };
  };
  /** Actors and their key claims, contrasting positions, what each source leaves out. */
  positions: IssuePositionsView;
  options: FilterOptions;
  /** Articles without a publication date that the date range leaves out ({@link countUndatedLeftOut}). */
  undatedLeftOut: number;
};

const dashboards = new VersionedCache<Dashboard>(CACHED_VIEWS);
const briefs = new VersionedCache<IssueBrief | null>(CACHED_VIEWS);
const claimPages = new VersionedCache<IssueClaimPage>(CACHED_VIEWS);

/** An issue by slug with its lexicon, or null. */
export const getIssue = cache((slug: string) =>
  db.issue.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, description: true, status: true, phrases: true, exclusions: true } }),
);

/** The SQL expression of {@link getBriefVersion}, for queries that read it with other things in one round trip. */
export const BRIEF_VERSION = Prisma.sql`concat_ws('/',
  (SELECT extract(epoch FROM max("updatedAt")) FROM "AppSetting" WHERE key IN (${ANALYSIS_SETTING}, ${POSITIONS_SETTING})),
  (SELECT extract(epoch FROM max("updatedAt")) FROM "Issue"),
  (SELECT extract(epoch FROM max("updatedAt")) FROM "Speaker"),
  (SELECT extract(epoch FROM max("updatedAt")) FROM "Outlet"),
  (SELECT extract(epoch FROM max("updatedAt")) FROM "Article"),
  (SELECT extract(epoch FROM max("updatedAt")) FROM "Claim"),
  (SELECT count(*) || ':' || coalesce(extract(epoch FROM max("createdAt"))::text, '') FROM "ContrastDismissal"))`;

/**
 * A token that changes whenever anything a brief shows may have changed: a new analysis or new positions
 * (after every ingest, re-derivation or re-tagging), an issue, speaker, outlet or article edited, a claim
 * reviewed or corrected, or a contrast dismissed. Briefs, and the rendered bodies of the dashboard and issue
 * pages (`components/briefs/*-body.tsx`), are cached under it, so a request after any change recomputes and every
 * other request reuses the work. Read from the database, so edits made by the command-line tools or
 * another app instance count too. Each part is an indexed lookup.
 */
export const getBriefVersion = cache(async (): Promise<string> => {
  const rows = await db.$queryRaw<{ version: string }[]>`SELECT ${BRIEF_VERSION} AS version`;
  return rows[0]?.version ?? "";
});

/** The stored analysis summary (one row), or null before the first analysis. */
export const getAnalysisSummary = cache(async (): Promise<AnalysisSummary | null> => {
  const row = await db.appSetting.findUnique({ where: { key: ANALYSIS_SETTING }, select: { value: true } });
  return (row?.value as AnalysisSummary | undefined) ?? null;
});

async function claimWhere(filters: BriefFilters): Promise<Prisma.ClaimWhereInput> {
  const and: Prisma.ClaimWhereInput[] = [{ status: { not: "not_a_claim" } }];
  if (filters.outlet) {
    const source = parseSourceKey(filters.outlet);
    and.push("articleId" in source ? { articleId: source.articleId, article: { outletId: null } } : { article: { outlet: { slug: source.outletSlug } } });
  }
  if (filters.speaker) {
    const speaker = await db.speaker.findUnique({ where: { slug: filters.speaker }, select: { id: true } });
    and.push({ speakerId: speaker?.id ?? "-" });
  }
  if (filters.kind) and.push({ kind: filters.kind });
  const dated: Prisma.ClaimWhereInput[] = [];
  if (filters.from) dated.push({ article: { publishedAt: { gte: new Date(`${filters.from}T00:00:00Z`) } } });
  if (filters.to) dated.push({ article: { publishedAt: { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000) } } });
  if (dated.length > 0) and.push(filters.undated === "include" ? { OR: [{ AND: dated }, { article: { publishedAt: null } }] } : { AND: dated });
  return { AND: and };
}

/** The same filters as SQL over `c` (Claim), `a` (Article), `o` (Outlet), `sp` (Speaker). */
function claimFilterSql(filters: BriefFilters, { withDates = true } = {}): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`c.status::text <> 'not_a_claim'`];
  if (filters.outlet) {
    const source = parseSourceKey(filters.outlet);
    parts.push("articleId" in source ? Prisma.sql`a.id = ${source.articleId} AND a."outletId" IS NULL` : Prisma.sql`o.slug = ${source.outletSlug}`);
  }
  if (filters.speaker) parts.push(Prisma.sql`sp.slug = ${filters.speaker}`);
  if (filters.kind) parts.push(Prisma.sql`c.kind::text = ${filters.kind}`);
  const dated: Prisma.Sql[] = [];
  if (withDates && filters.from) dated.push(Prisma.sql`a."publishedAt" >= ${filters.from}::date`);
  if (withDates && filters.to) dated.push(Prisma.sql`a."publishedAt" < ${filters.to}::date + 1`);
  if (dated.length > 0) {
    const range = Prisma.join(dated, " AND ");
    parts.push(filters.undated === "include" ? Prisma.sql`(${range} OR a."publishedAt" IS NULL)` : range);
  }
  return Prisma.join(parts, " AND ");
}

/**
 * How many articles without a publication date the filters' date range leaves out: those with claims
 * on the given issues that pass every other filter. 0 when no date range is set or undated articles
 * are included.
 */
async function countUndatedLeftOut(issueIds: string[], filters: BriefFilters): Promise<number> {
  if (!leavesOutUndated(filters) || issueIds.length === 0) return 0;
  const rows = await db.$queryRaw<{ count: number }[]>`
    SELECT count(DISTINCT a.id)::int AS count
    FROM ${ISSUE_CLAIMS}
    WHERE ci."issueId" = ANY(${issueIds}::text[]) AND a."publishedAt" IS NULL AND ${claimFilterSql(filters, { withDates: false })}`;
  return rows[0]?.count ?? 0;
}

/**
 * An issue's claims with their article, outlet and speaker, as `ci`, `c`, `a`, `o`, `sp`
 * ({@link claimFilterSql} filters them).
 */
const ISSUE_CLAIMS = Prisma.sql`"ClaimIssue" ci
  JOIN "Claim" c ON c.id = ci."claimId"
  JOIN "Article" a ON a.id = c."articleId"
  LEFT JOIN "Outlet" o ON o.id = a."outletId"
  LEFT JOIN "Speaker" sp ON sp.id = c."speakerId"`;

/** `head`: the first words of an article `a` with neither outlet nor title, which name it in lists ({@link sourceRefOf}). */
const UNNAMED_HEAD = headSql("a", { onlyWithoutOutlet: true });

function discrepancyKind(key: string): DiscrepancyView["kind"] {
  return key.startsWith("figure:") ? "figure" : "attribution";
}

async function speakerName(slug: string | undefined): Promise<string | undefined> {
  if (!slug) return undefined;
  const speaker = await db.speaker.findUnique({ where: { slug }, select: { name: true } });
  return speaker?.name ?? `\u0000${slug}`;
}

function itemMatches(item: StoredDiscrepancyItem, filters: BriefFilters, speaker: string | undefined): boolean {
  if (filters.outlet && item.source !== filters.outlet) return false;
  if (speaker && item.speaker !== speaker) return false;
  if (filters.kind && item.kind !== filters.kind) return false;
  const day = item.publishedAt?.slice(0, 10);
  if (!day) return !leavesOutUndated(filters);
  if (filters.from && day < filters.from) return false;
  if (filters.to && day > filters.to) return false;
  return true;
}

/** Discrepancies on the given issues involving at least one claim that passes the filters, most pressing first. */
async function listDiscrepancies(issueIds: string[], filters: BriefFilters, attention: string[], limit: number): Promise<DiscrepancyView[]> {
  const [rows, speaker] = await Promise.all([
    db.discrepancy.findMany({
      where: { issueId: { in: issueIds } },
      select: { key: true, about: true, items: true, issue: { select: { slug: true, title: true } } },
      orderBy: { key: "asc" },
      take: DISCREPANCY_SCAN,
    }),
    speakerName(filters.speaker),
  ]);
  const rank = new Map(attention.map((key, index) => [key, index]));
  const sourcesOf = (items: StoredDiscrepancyItem[]) => new Set(items.map((item) => item.source)).size;
  return rows
    .map((row) => ({ key: row.key, kind: discrepancyKind(row.key), about: row.about, issue: row.issue, items: row.items as StoredDiscrepancyItem[] }))
    .filter((row) => row.items.some((item) => itemMatches(item, filters, speaker)))
    .sort(
      (a, b) =>
        (rank.get(a.key) ?? Infinity) - (rank.get(b.key) ?? Infinity) ||
        (a.kind === b.kind ? 0 : a.kind === "figure" ? -1 : 1) ||
        sourcesOf(b.items) - sourcesOf(a.items) ||
        a.key.localeCompare(b.key),
    )
    .slice(0, limit);
}

type MemberRow = {
  id: string;
  clusterId: string;
  articleId: string;
  kind: ClaimKind;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  title: string | null;
  head: string;
  publishedAt: Date | null;
  outletSlug: string | null;
  outletName: string | null;
  sentenceStart: number | null;
  sentenceEnd: number | null;
  window: string;
  windowStart: number;
};

/**
 * Member claims of each cluster (a claim an editor marked "not a claim" is left out at once, before the
 * analysis runs again) in a fixed order, one per source before any second (so the first
 * `outletCount` are the sentence in every source), earliest published first: `membersEach` of them
 * from `offset` on, with the sentence around every one; by cluster id.
 */
async function loadMembers(clusterIds: string[], membersEach: number, offset = 0): Promise<Map<string, ClusterMember[]>> {
  const members = new Map<string, ClusterMember[]>();
  if (clusterIds.length === 0 || membersEach === 0) return members;
  const rows = await db.$queryRaw<MemberRow[]>`
    SELECT m.id, m."clusterId", m."articleId", m.kind, m.start, m."end", m.text, sp.name AS speaker,
      a.title, a."publishedAt", o.slug AS "outletSlug", o.name AS "outletName",
      ${UNNAMED_HEAD},
      ctx.s AS "sentenceStart", ctx.e AS "sentenceEnd",
      substr(a."originalText", greatest(1, coalesce(ctx.s, m.start) + 1 - 32), coalesce(ctx.e, m."end") - coalesce(ctx.s, m.start) + 96) AS window,
      greatest(0, coalesce(ctx.s, m.start) - 32) AS "windowStart"
    FROM unnest(${clusterIds}::text[]) AS k(id)
    CROSS JOIN LATERAL (
      SELECT r.* FROM (
        SELECT c.id, c."clusterId", c."articleId", c.kind::text AS kind, c.start, c."end", c.text, c."speakerId",
          s."publishedAt", row_number() OVER (PARTITION BY ${sourceIdSql("s")} ORDER BY s."publishedAt" NULLS LAST, c."articleId", c.start) AS "inSource"
        FROM "Claim" c
        JOIN "Article" s ON s.id = c."articleId"
        WHERE c."clusterId" = k.id AND c.status::text <> 'not_a_claim'
      ) r
      ORDER BY r."inSource", r."publishedAt" NULLS LAST, r."articleId", r.start
      OFFSET ${offset} LIMIT ${membersEach}
    ) m
    JOIN "Article" a ON a.id = m."articleId"
    LEFT JOIN "Outlet" o ON o.id = a."outletId"
    LEFT JOIN "Speaker" sp ON sp.id = m."speakerId"
    LEFT JOIN LATERAL (
      SELECT min(s.start) AS s, max(s."end") AS e FROM "Sentence" s
      WHERE s."articleId" = m."articleId" AND s."end" > m.start AND s.start < m."end"
    ) ctx ON true
    ORDER BY m."clusterId", m."inSource", m."publishedAt" NULLS LAST, m."articleId", m.start`;
  for (const row of rows) {
    const member: ClusterMember = {
      id: row.id,
      articleId: row.articleId,
      kind: row.kind,
      speaker: row.speaker,
      source: sourceRefOf(row),
      publishedAt: row.publishedAt,
      excerpt: excerptAround(row.window, Number(row.windowStart), row, { start: row.sentenceStart ?? row.start, end: row.sentenceEnd ?? row.end }),
    };
    const list = members.get(row.clusterId);
    if (list) list.push(member);
    else members.set(row.clusterId, [member]);
  }
  return members;
}

const CLUSTER_SELECT = {
  id: true,
  key: true,
  label: true,
  about: true,
  value: true,
  unit: true,
  speakerName: true,
  outletCount: true,
  claimCount: true,
  issue: { select: { slug: true, title: true } },
} satisfies Prisma.ClaimClusterSelect;

type ClusterRow = Prisma.ClaimClusterGetPayload<{ select: typeof CLUSTER_SELECT }>;

function clusterView({ speakerName: speaker, ...cluster }: ClusterRow, members: Map<string, ClusterMember[]>): ClusterView {
  return { ...cluster, speaker, members: members.get(cluster.id) ?? [] };
}

/** Clusters, widest first, with up to `membersEach` member claims each ({@link loadMembers}). */
async function listClusters(where: Prisma.ClaimClusterWhereInput, take: number, membersEach: number): Promise<ClusterView[]> {
  const clusters = await db.claimCluster.findMany({
    where,
    orderBy: [{ outletCount: "desc" }, { claimCount: "desc" }, { key: "asc" }],
    take,
    select: CLUSTER_SELECT,
  });
  const members = await loadMembers(
    clusters.map((cluster) => cluster.id),
    membersEach,
  );
  return clusters.map((cluster) => clusterView(cluster, members));
}

/**
 * One cluster with a page of its claims in {@link loadMembers}' order (the sentence in every source
 * first), `limit` of them from `offset` on, or null.
 */
export async function getCluster(id: string, { offset = 0, limit = CLUSTER_PAGE.size } = {}): Promise<ClusterView | null> {
  const cluster = await db.claimCluster.findUnique({ where: { id }, select: CLUSTER_SELECT });
  if (!cluster) return null;
  return clusterView(cluster, await loadMembers([cluster.id], limit, offset));
}

/**
 * What the filters offer: every outlet, but only the {@link ARTICLE_OPTIONS} articles without an outlet
 * that have most claims (a corpus can hold thousands; any other still filters by its URL parameter).
 */
function filterOptions(summary: AnalysisSummary | null, sources: SourceRef[], issues: { slug: string; title: string }[]): FilterOptions {
  let articles = 0;
  const offered = sources.filter((source) => !("articleId" in parseSourceKey(source.key)) || articles++ < ARTICLE_OPTIONS);
  return { sources: offered, speakers: (summary?.speakers ?? []).map(({ slug, name }) => ({ slug, name })), issues };
}

/**
 * The dashboard: open issues × the sources with most claims on them (each cell: share of the source's
 * text on the issue, claims, dominant voice), the discrepancies most worth attention, and the claims
 * reported by most sources. Reads only stored aggregates and a few bounded queries.
 */
export async function getDashboard(filters: BriefFilters): Promise<Dashboard> {
  return dashboards.get(JSON.stringify(filters), await getBriefVersion(), () => loadDashboard(filters));
}

async function loadDashboard(filters: BriefFilters): Promise<Dashboard> {
  const [summary, allIssues] = await Promise.all([
    getAnalysisSummary(),
    db.issue.findMany({
      where: { status: "open" },
      orderBy: [{ position: "asc" }, { title: "asc" }],
      select: { id: true, slug: true, title: true, description: true },
    }),
  ]);
  const issues = filters.issue ? allIssues.filter((issue) => issue.slug === filters.issue) : allIssues;
  const allSources = (summary?.sources ?? []).map(({ key, name }) => ({ key, name }));
  const columns = filters.outlet ? allSources.filter((source) => source.key === filters.outlet) : allSources.slice(0, MATRIX_COLUMNS);
  const issueIds = issues.map((issue) => issue.id);
  const clusterWhere: Prisma.ClaimClusterWhereInput = {
    OR: filters.issue ? [{ issueId: { in: issueIds } }] : [{ issueId: { in: issueIds } }, { issueId: null }],
    ...(hasClaimFilters(filters) ? { claims: { some: await claimWhere(filters) } } : {}),
  };
  const [aggregates, discrepancies, clusters, actors, undatedLeftOut] = await Promise.all([
    db.framingAggregate.findMany({
      where: { issueId: { in: issueIds }, sourceKey: { in: columns.map((column) => column.key) } },
      select: { issueId: true, sourceKey: true, measures: true },
    }),
    listDiscrepancies(issueIds, filters, summary?.attention ?? [], DASHBOARD_DISCREPANCIES),
    listClusters(clusterWhere, DASHBOARD_CLUSTERS, DASHBOARD_MEMBERS),
    loadActorMatrix(issues),
    countUndatedLeftOut(issueIds, filters),
  ]);
  // A claim tagged with two issues can make the same pair on both: each pair is shown once, under its first issue.
  const shownPairs = new Set<string>();
  const contrasts = (await Promise.all(issues.map(async (issue) => ({ issue, view: await loadIssuePositions(issue, filters) }))))
    .flatMap(({ issue, view }) => {
      const pair = view.contrasts.find((contrast) => !shownPairs.has(`${contrast.a}|${contrast.b}`));
      if (!pair) return [];
      shownPairs.add(`${pair.a}|${pair.b}`);
      return [{ issue: { slug: issue.slug, title: issue.title }, view: { ...view, contrasts: [pair], omissions: [], characterised: [] } }];
    })
    .slice(0, DASHBOARD_CONTRASTS);
  const slugOf = new Map(issues.map((issue) => [issue.id, issue.slug]));
  const cells: Dashboard["cells"] = {};
  for (const aggregate of aggregates) {
    const slug = slugOf.get(aggregate.issueId)!;
    const measures = aggregate.measures as unknown as FramingMeasures;
    cells[slug] ??= {};
    cells[slug][aggregate.sourceKey] = {
      share: measures.coverage.share,
      claimCount: measures.claimCount,
      dominantVoice: measures.dominantVoice?.speaker ?? null,
      articleCount: measures.articleCount,
    };
  }
  return {
    refreshedAt: summary?.refreshedAt ?? null,
    counts: summary?.counts ?? null,
    issues,
    columns,
    cells,
    discrepancies,
    clusters,
    actors,
    contrasts,
    options: filterOptions(
      summary,
      allSources,
      allIssues.map(({ slug, title }) => ({ slug, title })),
    ),
    undatedLeftOut,
  };
}

async function filteredTimeline(issueId: string, filters: BriefFilters): Promise<Pick<IssueBrief["timeline"], "days" | "undated">> {
  type UndatedRow = {
    id: string;
    title: string | null;
    head: string;
    outletSlug: string | null;
    outletName: string | null;
    claims: number;
    articleCount: number;
    claimTotal: number;
  };
  const [days, undated] = await Promise.all([
    db.$queryRaw<TimelineDay[]>`
      SELECT to_char(coalesce(a."publishedAt", a."ingestedAt"), 'YYYY-MM-DD') AS day, count(*)::int AS claims, count(DISTINCT a.id)::int AS articles,
        count(DISTINCT coalesce(o.slug, 'article:' || a.id))::int AS sources, (count(*) FILTER (WHERE a."publishedAt" IS NULL))::int AS ingested
      FROM ${ISSUE_CLAIMS}
      WHERE ci."issueId" = ${issueId} AND ${claimFilterSql(filters)}
      GROUP BY 1 ORDER BY 1`,
    leavesOutUndated(filters)
      ? Promise.resolve([])
      : db.$queryRaw<UndatedRow[]>`
          SELECT a.id, a.title, o.slug AS "outletSlug", o.name AS "outletName", count(*)::int AS claims, ${UNNAMED_HEAD},
            (count(*) OVER ())::int AS "articleCount", (sum(count(*)) OVER ())::int AS "claimTotal"
          FROM ${ISSUE_CLAIMS}
          WHERE ci."issueId" = ${issueId} AND a."publishedAt" IS NULL AND ${claimFilterSql(filters)}
          GROUP BY a.id, o.slug, o.name
          ORDER BY claims DESC, a.id
          LIMIT ${UNDATED_ARTICLES}`,
  ]);
  return {
    days,
    undated: {
      claims: undated[0]?.claimTotal ?? 0,
      articleCount: undated[0]?.articleCount ?? 0,
      articles: undated.map((row) => ({ id: row.id, label: articleLabel(row), claims: row.claims })),
    },
  };
}

/**
 * An issue's brief: the state of play (clusters by how many sources report them, each with the exact
 * sentence in every source), discrepancies, how each source frames the issue, and a timeline of its
 * claims by publication date. `filters` narrow clusters, discrepancies, framing and timeline to claims
 * from one source, speaker, kind or date range. `framingLimit` caps the framing entries (sources with
 * most claims first; at most {@link RANKED_SOURCES}). Null for an unknown slug.
 */
export async function getIssueBrief(
  slug: string,
  filters: BriefFilters,
  { framingLimit = FRAMING_SOURCES }: { framingLimit?: number } = {},
): Promise<IssueBrief | null> {
  return briefs.get(JSON.stringify([slug, filters, framingLimit]), await getBriefVersion(), () => loadIssueBrief(slug, filters, framingLimit));
}

async function loadIssueBrief(slug: string, filters: BriefFilters, framingLimit: number): Promise<IssueBrief | null> {
  const [issue, summary] = await Promise.all([getIssue(slug), getAnalysisSummary()]);
  if (!issue) return null;
  const issueSummary = summary?.issues[issue.slug];
  const sources = issueSummary?.sources ?? [];
  const framingKeys = filters.outlet ? [filters.outlet] : sources.slice(0, Math.min(framingLimit, RANKED_SOURCES)).map((source) => source.key);
  const isFiltered = hasClaimFilters(filters);
  const clusterClaims = isFiltered ? { claims: { some: await claimWhere(filters) } } : {};
  const [clusters, discrepancies, aggregates, timeline, positions, undatedLeftOut] = await Promise.all([
    listClusters({ issueId: issue.id, ...clusterClaims }, BRIEF_CLUSTERS, BRIEF_MEMBERS),
    listDiscrepancies([issue.id], filters, summary?.attention ?? [], BRIEF_DISCREPANCIES),
    db.framingAggregate.findMany({ where: { issueId: issue.id, sourceKey: { in: framingKeys } }, select: { sourceKey: true, measures: true } }),
    isFiltered || !issueSummary ? filteredTimeline(issue.id, filters) : Promise.resolve({ days: issueSummary.timeline, undated: issueSummary.undated }),
    loadIssuePositions(issue, filters),
    countUndatedLeftOut([issue.id], filters),
  ]);
  const order = new Map(framingKeys.map((key, index) => [key, index]));
  const framing = aggregates
    .sort((a, b) => (order.get(a.sourceKey) ?? 0) - (order.get(b.sourceKey) ?? 0))
    .map((aggregate) => aggregate.measures as unknown as FramingMeasures);
  return {
    issue,
    refreshedAt: summary?.refreshedAt ?? null,
    totals: { claims: issueSummary?.claimCount ?? 0, articles: issueSummary?.articleCount ?? 0, sources: issueSummary?.sourceCount ?? 0 },
    clusters,
    discrepancies,
    framing,
    timeline,
    positions,
    options: filterOptions(summary, sources, []),
    undatedLeftOut,
  };
}

type IssueClaimRow = Omit<IssueClaimItem, "source"> & {
  title: string | null;
  head: string;
  outletSlug: string | null;
  outletName: string | null;
};

/**
 * A page of an issue's claims (every one, narration included; "not a claim" left out) passing the brief's
 * filters and, when given, a review status: newest article first (undated last, as the articles list
 * orders them, which its index serves), in text order; 1-based `page` of {@link ISSUE_CLAIM_PAGE}, up to
 * the page that holds the {@link ISSUE_CLAIM_COUNT_CAP}th claim. Cached per data version like the briefs.
 */
export async function getIssueClaims(
  issueId: string,
  filters: BriefFilters,
  { status, page: asked = 1 }: { status?: ReviewStatus; page?: number } = {},
): Promise<IssueClaimPage> {
  const page = Math.min(asked, Math.ceil(ISSUE_CLAIM_COUNT_CAP / ISSUE_CLAIM_PAGE));
  return claimPages.get(JSON.stringify([issueId, filters, status ?? null, page]), await getBriefVersion(), async () => {
    const where = Prisma.sql`ci."issueId" = ${issueId} AND ${claimFilterSql(filters)} ${status ? Prisma.sql`AND c.status::text = ${status}` : Prisma.empty}`;
    const [rows, counted] = await Promise.all([
      db.$queryRaw<IssueClaimRow[]>`
        SELECT c.id, c."articleId", c.kind::text AS kind, c.text, c.status::text AS status, sp.name AS speaker, a.title, a."publishedAt",
          o.slug AS "outletSlug", o.name AS "outletName", ${UNNAMED_HEAD}
        FROM ${ISSUE_CLAIMS}
        WHERE ${where}
        ORDER BY a."listOrder", a."ingestedAt", a.id, c.start, c.id
        LIMIT ${ISSUE_CLAIM_PAGE} OFFSET ${(page - 1) * ISSUE_CLAIM_PAGE}`,
      countUpTo(Prisma.sql`${ISSUE_CLAIMS} WHERE ${where}`, ISSUE_CLAIM_COUNT_CAP),
    ]);
    return {
      items: rows.map((row) => ({
        id: row.id,
        articleId: row.articleId,
        kind: row.kind,
        text: row.text,
        status: row.status,
        speaker: row.speaker,
        source: sourceRefOf(row),
        publishedAt: row.publishedAt,
      })),
      ...counted,
      page,
      pageSize: ISSUE_CLAIM_PAGE,
    };
  });
}
