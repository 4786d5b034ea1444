import crypto from "node:crypto";
import {
  claimGroups,
  clusterClaims,
  expandToGroups,
  figureBucket,
  groupFigures,
  groupStatements,
  similarityProbe,
  sortById,
  statementKeys,
  type AnalysisClaim,
  type Cluster,
  type StatementKeys,
} from "@/lib/analysis/clusters";
import { articleCounts, countedIssues, diffCounts, scopeParts, type CountedClaim, type Counts } from "@/lib/analysis/counts";
import { findFigureDiscrepancies, findStatementDiscrepancies, orderDiscrepancies, type Discrepancy, type DiscrepancyScope } from "@/lib/analysis/discrepancies";
import {
  recomputeIssue,
  restateIssueSources,
  summarizeStored,
  type AnalysisScope,
  type AnalysisSummary,
  type IssueRef,
  type IssueSummary,
} from "@/lib/analysis/run/issues";
import {
  chunk,
  claimIdsWhere,
  copyKeyOf,
  loadAllClaims,
  loadArticles,
  loadClaims,
  COPY_FIRST,
  COPY_IDS,
  copyIds,
  LIST_SEPARATOR,
  loadCounted,
  storeSetting,
  loadFigures,
  loadNames,
  type LoadedArticle,
  type LoadedClaim,
  type Names,
  type Tx,
} from "@/lib/analysis/run/load";
import {
  addToPositionGroups,
  POSITION_KEY,
  POSITIONS_SETTING,
  storePositionGroups,
  storePositionKeys,
  writePositions,
  type StoredPositions,
} from "@/lib/analysis/run/positions";
import { trackAnalysisRun } from "@/lib/analysis/run/runs";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimKind } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/log";

export { RANKED_SOURCES, type AnalysisScope, type AnalysisSummary, type IssueSummary, type TimelineDay } from "@/lib/analysis/run/issues";

/** `AppSetting` key of the {@link AnalysisSummary}. */
export const ANALYSIS_SETTING = "analysis";
/**
 * `AppSetting` key of what the stored analysis was computed against (the issues, and the version of what it
 * stores: a new version whenever the stored counts or groups change shape, so that the first run after an
 * upgrade is a full one); an article-scoped run needs it unchanged.
 */
const BASIS_SETTING = "analysis.basis";
const BASIS_VERSION = 6;

const LOCK_KEY = 4_827_301_600;
const TEXT_BATCH_ARTICLES = 500;
const WRITE_CHUNK = 1_000;
/** How many claims' keys are remembered while claim keys are written. */
const KEY_MEMO = 10_000;
const STATEMENT_THRESHOLD = 0.6;

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

export const FULL_ANALYSIS: AnalysisScope = { kind: "full" };

function mergeScopes(a: AnalysisScope, b: AnalysisScope): AnalysisScope {
  if (a.kind === "full" || b.kind === "full") return FULL_ANALYSIS;
  return { kind: "articles", articleIds: [...new Set([...a.articleIds, ...b.articleIds])] };
}

type Runner = { tail: Promise<unknown>; waiting: { promise: Promise<AnalysisSummary>; scope: AnalysisScope } | null };
const runners = new WeakMap<object, Runner>();

/**
 * Brings everything derived across articles up to date and stores it in one transaction: claim clusters
 * (and each claim's `clusterId`), discrepancies, framing aggregates per issue × source, positions, and the
 * {@link AnalysisSummary}.
 *
 * With `{kind: "articles"}` only what those articles touch is recomputed (see `updateArticles`): the
 * clusters their claims join or leave, the discrepancies among them, the issues they bear on, and the
 * counts they add or take away; the result is the same as a full run's. A full run (the default) recomputes
 * everything, reading claims and texts in batches; it is needed when lexicons or the pipeline change, and
 * an article-scoped run falls back to it when the stored analysis predates the issues as they are.
 *
 * Safe to call concurrently: runs across processes are serialised by a PostgreSQL advisory lock taken
 * before anything is read, and calls in one process that arrive while a run is waiting to start share
 * that run (its scope widened to cover them). A run that dies leaves the previous analysis as it was.
 */
export function refreshAnalysis(db: Db, scope: AnalysisScope = FULL_ANALYSIS): Promise<AnalysisSummary> {
  let runner = runners.get(db);
  if (!runner) {
    runner = { tail: Promise.resolve(), waiting: null };
    runners.set(db, runner);
  }
  const state = runner;
  if (state.waiting) {
    state.waiting.scope = mergeScopes(state.waiting.scope, scope);
    return state.waiting.promise;
  }
  const waiting: { promise: Promise<AnalysisSummary>; scope: AnalysisScope } = { promise: Promise.resolve(null as never), scope };
  waiting.promise = state.tail
    .catch(() => undefined)
    .then(() => {
      state.waiting = null;
      return trackAnalysisRun(db, () => run(db, waiting.scope));
    });
  state.waiting = waiting;
  state.tail = waiting.promise;
  return waiting.promise;
}

async function run(db: Db, scope: AnalysisScope): Promise<AnalysisSummary> {
  const summary = await runInTransaction(db, scope);
  if (summary.scope === "full") await tidyTables(db);
  return summary;
}

/** The tables a full run rewrites. */
const ANALYSIS_TABLES = [
  "AnalysisClaim",
  "AnalysisCopy",
  "AnalysisCount",
  "AnalysisArticle",
  "PositionGroup",
  "ClaimCluster",
  "Discrepancy",
  "FramingAggregate",
];

/**
 * Vacuums and analyses the tables a full run rewrote, once it has committed (VACUUM cannot run in a
 * transaction). The run empties some with DELETE (every row it held is left dead) and refills all of them,
 * so until autovacuum gets round to them the article runs that follow plan on stale statistics, read past
 * dead rows, and then share the machine with it. It took 11 s at 100,000 articles. A database user that may
 * not vacuum these tables gets a warning from PostgreSQL and nothing else; a failure is logged, as the
 * analysis is stored already.
 */
async function tidyTables(db: Db): Promise<void> {
  try {
    await db.$executeRawUnsafe(`VACUUM (ANALYZE) ${ANALYSIS_TABLES.map((table) => `"${table}"`).join(", ")}`);
  } catch (error) {
    logger().warn({ err: error }, "Could not vacuum the analysis tables after a full run");
  }
}

async function runInTransaction(db: Db, scope: AnalysisScope): Promise<AnalysisSummary> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_KEY}::bigint)`;
      const started = performance.now();
      const issues = await tx.issue.findMany({ select: { id: true, slug: true, title: true, status: true }, orderBy: { position: "asc" } });
      // A string, as jsonb would reorder an object's keys.
      const basis = JSON.stringify({ version: BASIS_VERSION, issues: issues.map((issue) => [issue.id, issue.slug, issue.status]) });
      const stored = await tx.appSetting.findUnique({ where: { key: BASIS_SETTING }, select: { value: true } });
      const isCurrent = stored?.value === basis;
      const isScoped = scope.kind === "articles" && isCurrent;
      const summary = isScoped ? await updateArticles(tx, issues, [...new Set(scope.articleIds)]) : await recomputeAll(tx, issues);
      summary.scope = isScoped ? "articles" : "full";
      summary.durationMs = Math.round(performance.now() - started);
      await storeSetting(tx, ANALYSIS_SETTING, summary);
      await storeSetting(tx, BASIS_SETTING, basis);
      return summary;
    },
    // A full run over 100,000 articles takes 8 to 15 minutes on two busy cores; the limit is there for a run that hangs.
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
}

/** Everything from scratch: clusters and discrepancies over every claim, the stored counts and claim keys rebuilt, every issue. */
async function recomputeAll(tx: Tx, issues: IssueRef[]): Promise<AnalysisSummary> {
  const names = await loadNames(tx);
  const articles = await loadArticles(tx);
  // The counts first, a batch of articles at a time with their claims' speakers and issues read alongside,
  // while little else is held: then the claims are read whole.
  await tx.analysisArticle.deleteMany({});
  await tx.analysisCount.deleteMany({});
  const open = new Set(issues.filter((issue) => issue.status === "open").map((issue) => issue.slug));
  for (const ids of chunk([...articles.keys()].sort(), TEXT_BATCH_ARTICLES)) {
    const counts = await countArticles(tx, ids, articles, await countedClaims(tx, ids, names), open);
    await insertArticleCounts(tx, counts);
  }
  await tx.$executeRaw`
    INSERT INTO "AnalysisCount" (scope, issue, source, key, value)
    SELECT split_part(s.key, '|', 1), split_part(s.key, '|', 2), split_part(s.key, '|', 3), k.key, sum(k.value::int)::int
    FROM "AnalysisArticle" a CROSS JOIN LATERAL jsonb_each(a.counts) s CROSS JOIN LATERAL jsonb_each_text(s.value) k
    GROUP BY 1, 2, 3, 4 HAVING sum(k.value::int) <> 0`;
  const claims = await loadAllClaims(tx, articles, names);
  const statements = groupStatements(claims);
  const clusters = clusterClaims(claims, {}, statements);
  const discrepancies = orderDiscrepancies([
    ...findFigureDiscrepancies(claims).map(({ discrepancy, scope }) => ({ ...discrepancy, scope })),
    ...findStatementDiscrepancies(claims, statements).map((discrepancy) => ({ ...discrepancy, scope: "statement" as DiscrepancyScope })),
  ]);
  const issueIds = new Map(issues.map((issue) => [issue.slug, issue.id]));
  await writeClusters(tx, issueIds, clusters, null);
  await tx.discrepancy.deleteMany({});
  await insertDiscrepancies(tx, issueIds, discrepancies, new Map(claims.map((claim) => [claim.id, claim])), articles);

  // Rebuilt whole: emptied, filled without its lookup indexes, which are then built once (far faster than row by row).
  await tx.$executeRaw`TRUNCATE "AnalysisClaim"`;
  for (const name of Object.keys(CLAIM_KEY_INDEXES)) await tx.$executeRawUnsafe(`DROP INDEX IF EXISTS "${name}"`);
  // Copies have the same groups: each copy key's are those of its first claim.
  const copies = new Map<string, CopyRow>();
  // The clusters are written, so each claim's position key is worked out as it is inserted: one write per row.
  await insertClaimKeys(tx, claims, claimGroups(claims, statements), { copies, positionKeys: true });
  for (const [name, definition] of Object.entries(CLAIM_KEY_INDEXES)) await tx.$executeRawUnsafe(`CREATE INDEX "${name}" ON "AnalysisClaim" ${definition}`);
  await tx.$executeRaw`TRUNCATE "AnalysisCopy"`;
  await storeCopies(tx, copies);
  await storePositionGroups(tx, null);

  const context = { names, articles };
  const positions: StoredPositions = { issues: {} };
  const summaries: Record<string, IssueSummary> = {};
  for (const issue of issues) {
    const claimsOf = async (sources: readonly string[]) => {
      const wanted = new Set(sources);
      return claims.filter((claim) => wanted.has(claim.source) && claim.issues.includes(issue.slug));
    };
    const result = await recomputeIssue(tx, context, issue, claimsOf);
    positions.issues[issue.slug] = result.positions;
    summaries[issue.slug] = result.summary;
  }
  await writePositions(tx, positions);
  return summarizeStored(tx, issues, summaries);
}

/**
 * Only what the articles `articleIds` touch (added, changed or gone): their counts are taken out and put
 * back; their claims' clusters are recomputed over the smallest set of claims that decides them (the
 * groups they were in, the groups their new versions join, closed over claims in two groups); the
 * discrepancies of those groups and of the figure units involved; then the issues those changes bear on, and
 * the framing rows of other issues whose source totals moved.
 */
async function updateArticles(tx: Tx, issues: IssueRef[], articleIds: string[]): Promise<AnalysisSummary> {
  const names = await loadNames(tx);
  const open = new Set(issues.filter((issue) => issue.status === "open").map((issue) => issue.slug));
  const issueIds = new Map(issues.map((issue) => [issue.slug, issue.id]));

  const [before, beforeCounts] = await Promise.all([
    tx.analysisClaim.findMany({
      where: { articleId: { in: articleIds } },
      select: { claimId: true, copyKey: true, statementGroup: true, figureGroups: true, figureUnits: true, positionKey: true },
    }),
    tx.analysisArticle.findMany({ where: { articleId: { in: articleIds } }, select: { articleId: true, counts: true } }),
  ]);
  const articles = await loadArticles(tx, Prisma.sql`a.id = ANY(${articleIds}::text[])`);
  const present = [...articles.keys()];
  const changed = await loadClaims(tx, await claimIdsWhere(tx, Prisma.sql`c."articleId" = ANY(${present}::text[])`), articles, names);
  const changedIds = new Set(changed.map((claim) => claim.id));
  const removed = before.map((row) => row.claimId).filter((id) => !changedIds.has(id));

  // Counts: take the articles' old share out and put the new one in.
  const after = await countArticles(tx, present, articles, groupByArticle(changed), open);
  const old = new Map(beforeCounts.map((row) => [row.articleId, row.counts as unknown as Counts]));
  const delta = articleIds.flatMap((id) => diffCounts(old.get(id) ?? {}, after.get(id) ?? {}));
  await tx.analysisArticle.deleteMany({ where: { articleId: { in: articleIds } } });
  await insertArticleCounts(tx, after);
  await applyCountDelta(tx, delta);

  // Clusters: the claims whose clusters can change, clustered again on their own.
  await tx.analysisClaim.deleteMany({ where: { articleId: { in: articleIds } } });
  await takeOutOfCopies(tx, before);
  await insertClaimKeys(tx, changed, { statement: new Map(), figures: new Map() });
  const candidates = await similarClaims(tx, changed);
  // The set is closed over copy keys rather than claims (`AnalysisCopy`): each step reads as many rows as there
  // are distinct claims, however many copies a statement has. The articles' claims are in no copy yet.
  const seedKeys = await tx.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT "copyKey" AS key FROM "AnalysisClaim" WHERE "claimId" = ANY(${candidates.claims}::text[]) AND "copyKey" IS NOT NULL`;
  const scopeKeys = await expandToGroups(
    [...seedKeys.map((row) => row.key), ...candidates.copies],
    [
      ...candidates.groups,
      ...before.flatMap((row) => [...(row.statementGroup ? [`s:${row.statementGroup}`] : []), ...row.figureGroups.map((group) => `f:${group}`)]),
    ],
    async (keys) => {
      const rows = await tx.$queryRaw<{ group: string }[]>`
        SELECT 's:' || "statementGroup" AS "group" FROM "AnalysisCopy" WHERE "copyKey" = ANY(${keys}::text[]) AND "statementGroup" IS NOT NULL
        UNION SELECT 'f:' || unnest("figureGroups") FROM "AnalysisCopy" WHERE "copyKey" = ANY(${keys}::text[])`;
      return rows.map((row) => row.group);
    },
    async (groups) => {
      const statement = groups.filter((group) => group.startsWith("s:")).map((group) => group.slice(2));
      const figure = groups.filter((group) => group.startsWith("f:")).map((group) => group.slice(2));
      const rows = await tx.$queryRaw<{ key: string }[]>`
        SELECT "copyKey" AS key FROM "AnalysisCopy" WHERE "statementGroup" = ANY(${statement}::text[])
        UNION SELECT "copyKey" FROM "AnalysisCopy" WHERE "figureGroups" && ${figure}::text[]`;
      return rows.map((row) => row.key);
    },
  );
  // Copies are read and clustered as one claim. Stored copies are in one cluster (they fall into the same
  // candidate clusters, and the analysis gives them all to the same one); the articles' claims, whose clusters
  // are not decided yet, stand alone.
  const storedRows = await tx.$queryRaw<StoredGroups[]>`
    SELECT ${COPY_FIRST}, "copyKey", "statementGroup", "figureGroups" FROM "AnalysisCopy" WHERE "copyKey" = ANY(${[...scopeKeys]}::text[])`;
  // Each copy key's first claim (its claim as read) stands for its copies, which are counted, not read.
  const storedOf = new Map(storedRows.map((row) => [row.first, row]));
  const scopeClaims = await loadCounted(tx, [...[...changedIds].map((id) => ({ first: id, count: 1 })), ...storedRows], articles, names);
  // From here on the set is handled a folded claim at a time: its copies were read with the same stored groups
  // and cluster, and get the same new ones; their ids are spelled out only where something of theirs is written.
  const statements = groupStatements(scopeClaims);
  const clusters = clusterClaims(scopeClaims, { folded: true }, statements);
  await updateClaimGroups(tx, scopeClaims, claimGroups(scopeClaims, statements, { copies: false }), storedOf);
  // The clusters the claims were in: as read with them, and those of the articles' claims the analysis no longer
  // reads (marked "not a claim" since, or gone), which leave their clusters.
  const removedClusters =
    removed.length > 0
      ? await tx.$queryRaw<{ id: string; clusterId: string }[]>`
          SELECT id, "clusterId" FROM "Claim" WHERE id = ANY(${removed}::text[]) AND "clusterId" IS NOT NULL`
      : [];
  const previousClusters = [
    ...new Set([...scopeClaims.flatMap((claim) => (claim.clusterId ? [claim.clusterId] : [])), ...removedClusters.map((row) => row.clusterId)]),
  ];
  const keyOfCluster = new Map(
    (await tx.$queryRaw<{ id: string; key: string }[]>`SELECT id, key FROM "ClaimCluster" WHERE id = ANY(${previousClusters}::text[])`).map((row) => [
      row.id,
      row.key,
    ]),
  );
  const oldKey = (clusterId: string | null | undefined) => (clusterId ? keyOfCluster.get(clusterId) : undefined);
  const newKeys = new Map<string, string>();
  for (const cluster of clusters) for (const id of cluster.claimIds) newKeys.set(id, cluster.key);
  // Only the claims whose cluster changed are pointed again (a cluster keeps its id by key), every copy of them.
  const movedClaims = scopeClaims.filter((claim) => oldKey(claim.clusterId) !== newKeys.get(claim.id));
  const movedTo = new Map<string, string | undefined>();
  const movedCopies = new Map<string, string | undefined>();
  for (const claim of movedClaims) {
    const stored = storedOf.get(claim.id);
    if (stored && stored.count > 1) movedCopies.set(stored.copyKey, newKeys.get(claim.id));
    else movedTo.set(claim.id, newKeys.get(claim.id));
  }
  if (movedCopies.size > 0) {
    // The articles' claims just joined their copy keys; they are in the set on their own, and moved as such.
    const rows = await tx.$queryRaw<{ copyKey: string; ids: string }[]>`
      SELECT "copyKey", ${COPY_IDS} AS ids FROM "AnalysisCopy" WHERE "copyKey" = ANY(${[...movedCopies.keys()]}::text[])`;
    for (const row of rows) for (const id of copyIds(row.ids)) if (!changedIds.has(id)) movedTo.set(id, movedCopies.get(row.copyKey));
  }
  for (const row of removedClusters) if (oldKey(row.clusterId) !== undefined) movedTo.set(row.id, undefined);
  const moved = [...movedTo.keys()];
  await writeClusters(tx, issueIds, clusters, { clusters: previousClusters, moved: movedTo });
  // Position groups: those the articles' claims were and are in, and those of the claims that changed cluster (before and after).
  const movedKeys = await tx.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT "positionKey" AS key FROM "AnalysisClaim" WHERE "claimId" = ANY(${moved}::text[]) AND "positionKey" IS NOT NULL`;
  const repositioned = [...new Set([...changedIds, ...moved])];
  const positionKeys = await storePositionKeys(tx, repositioned);
  // Groups a claim left are rebuilt; those that only gained claims (as when wire copy comes in) grow by them.
  const left = new Set([...before.flatMap((row) => (row.positionKey ? [row.positionKey] : [])), ...movedKeys.map((row) => row.key)]);
  await storePositionGroups(tx, [...left]);
  await addToPositionGroups(
    tx,
    repositioned,
    positionKeys.filter((key) => !left.has(key)),
  );
  const affected = new Set(movedClaims.flatMap((claim) => claim.issues));

  // Discrepancies: every figure of the units involved, and the statement groups just recomputed.
  const units = [...new Set([...before.flatMap((row) => row.figureUnits), ...changed.flatMap(figureUnitsOf)])];
  const unitCopies =
    units.length > 0
      ? await tx.$queryRaw<{ first: string; count: number }[]>`SELECT ${COPY_FIRST} FROM "AnalysisCopy" WHERE "figureUnits" && ${units}::text[]`
      : [];
  const unitClaims = await loadCounted(tx, unitCopies, articles, names);
  const unitScopes = new Set(units.map((unit) => `unit:${unit}`));
  // Statement discrepancies depend on their group alone: only the groups the articles' claims join, and
  // those their old groups became, can have changed (the other groups of the set are as they were).
  const oldGroups = new Set(before.flatMap((row) => (row.statementGroup ? [row.statementGroup] : [])));
  const regrouped = statements.filter((members) =>
    members.some((index) => {
      const claim = scopeClaims[index]!;
      return changedIds.has(claim.id) || oldGroups.has(storedOf.get(claim.id)?.statementGroup ?? "");
    }),
  );
  const found = [
    ...findFigureDiscrepancies(unitClaims)
      .filter(({ scope }) => unitScopes.has(scope))
      .map(({ discrepancy, scope }) => ({ ...discrepancy, scope })),
    ...findStatementDiscrepancies(scopeClaims, regrouped).map((discrepancy) => ({ ...discrepancy, scope: "statement" as DiscrepancyScope })),
  ];
  // The statement discrepancies naming a claim of those groups, or a claim gone: a stored claim of the groups
  // by its copy key (a statement's copies are many; the discrepancies name few claims), the others by id.
  const touchedIds = new Set(removed);
  const touchedKeys = new Set<string>();
  for (const members of regrouped) {
    for (const index of members) {
      const claim = scopeClaims[index]!;
      const stored = storedOf.get(claim.id);
      if (stored) touchedKeys.add(stored.copyKey);
      else touchedIds.add(claim.id);
    }
  }
  const statementItems = await tx.$queryRaw<{ key: string; ids: string[] }[]>`
    SELECT key, ARRAY(SELECT e->>'claimId' FROM jsonb_array_elements(items) e) AS ids FROM "Discrepancy" WHERE scope = 'statement'`;
  const itemIds = [...new Set(statementItems.flatMap((row) => row.ids))];
  const copyKeyOf = new Map(
    (
      await tx.$queryRaw<{ claimId: string; copyKey: string }[]>`
        SELECT "claimId", "copyKey" FROM "AnalysisClaim" WHERE "claimId" = ANY(${itemIds}::text[]) AND "copyKey" IS NOT NULL`
    ).map((row) => [row.claimId, row.copyKey]),
  );
  const isTouched = (id: string) => touchedIds.has(id) || touchedKeys.has(copyKeyOf.get(id) ?? "");
  const stale = statementItems.filter((row) => row.ids.some(isTouched)).map((row) => row.key);
  await tx.$executeRaw`DELETE FROM "Discrepancy" WHERE scope = ANY(${[...unitScopes]}::text[]) OR key = ANY(${stale}::text[])`;
  const taken = new Set((await tx.discrepancy.findMany({ select: { key: true } })).map((row) => row.key));
  await insertDiscrepancies(
    tx,
    issueIds,
    orderDiscrepancies(found, taken),
    new Map([...unitClaims, ...scopeClaims].map((claim) => [claim.id, claim])),
    articles,
  );

  // Issues: those the articles' counts or the changed clusters bear on, and the framing rows of sources whose totals moved.
  for (const counts of [...old.values(), ...after.values()]) for (const slug of countedIssues(counts)) affected.add(slug);
  const movedSources = [
    ...new Set(delta.filter((row) => scopeParts(row.scope).kind === "source" && row.key !== "openClaims").map((row) => scopeParts(row.scope).source)),
  ];
  const [previousSummary, previousPositions] = await Promise.all([
    tx.appSetting.findUnique({ where: { key: ANALYSIS_SETTING }, select: { value: true } }),
    tx.appSetting.findUnique({ where: { key: POSITIONS_SETTING }, select: { value: true } }),
  ]);
  const summaries: Record<string, IssueSummary> = { ...((previousSummary?.value as AnalysisSummary | undefined)?.issues ?? {}) };
  const positions: StoredPositions = { issues: { ...((previousPositions?.value as StoredPositions | undefined)?.issues ?? {}) } };
  if (movedSources.length > 0) {
    const withRows = await tx.$queryRaw<{ issueId: string }[]>`
      SELECT DISTINCT "issueId" FROM "FramingAggregate" WHERE "sourceKey" = ANY(${movedSources}::text[])`;
    const ids = new Set(withRows.map((row) => row.issueId));
    for (const issue of issues) {
      if (!ids.has(issue.id) || affected.has(issue.slug)) continue;
      const isExact = await restateIssueSources(tx, issue, movedSources, positions.issues[issue.slug], summaries[issue.slug]);
      if (!isExact) affected.add(issue.slug);
    }
  }
  // Only the sources of the articles (as they were and as they are) changed: other sources' framing rows are restated.
  const changedSources = new Set<string>();
  for (const counts of [...old.values(), ...after.values()]) {
    for (const scope of Object.keys(counts)) if (scopeParts(scope).kind === "source") changedSources.add(scopeParts(scope).source);
  }
  const context = { names, articles };
  const recomputed = issues.filter((issue) => affected.has(issue.slug) || !summaries[issue.slug]);
  // The claims of the articles' sources on the recomputed issues, read once (a claim on several issues is read once).
  const claimsOfSources = async (sources: readonly string[], slugs: readonly string[]) => {
    const rows = await tx.$queryRaw<{ first: string; count: number }[]>`
      SELECT ${COPY_FIRST} FROM "AnalysisCopy" WHERE source = ANY(${sources}::text[]) AND issues && ${slugs}::text[]`;
    return loadCounted(tx, rows, articles, names);
  };
  const held =
    recomputed.length > 0
      ? await claimsOfSources(
          [...changedSources],
          recomputed.map((issue) => issue.slug),
        )
      : [];
  for (const issue of recomputed) {
    // The issue's claims of the sources whose framing rows are rebuilt: those of the articles, and any without a stored row.
    const claimsOf = async (sources: readonly string[]) => {
      const wanted = new Set(sources);
      const own = held.filter((claim) => wanted.has(claim.source) && claim.issues.includes(issue.slug));
      const others = sources.filter((key) => !changedSources.has(key));
      return others.length > 0 ? sortById([...own, ...(await claimsOfSources(others, [issue.slug]))]) : own;
    };
    const previous = summaries[issue.slug];
    const result = await recomputeIssue(tx, context, issue, claimsOf, {
      sources: changedSources,
      previous: previous ? { summary: previous, articleIds, counts: after } : undefined,
    });
    positions.issues[issue.slug] = result.positions;
    summaries[issue.slug] = result.summary;
  }
  const slugs = new Set(issues.map((issue) => issue.slug));
  for (const slug of Object.keys(positions.issues)) if (!slugs.has(slug)) delete positions.issues[slug];
  await writePositions(tx, positions);
  return summarizeStored(tx, issues, summaries);
}

function groupByArticle(claims: readonly LoadedClaim[]): Map<string, CountedClaim[]> {
  const out = new Map<string, CountedClaim[]>();
  for (const claim of claims) {
    const list = out.get(claim.articleId);
    if (list) list.push(claim);
    else out.set(claim.articleId, [claim]);
  }
  return out;
}

/** The claims of the articles `ids` as {@link articleCounts} takes them (all but those marked "not a claim"), by article. */
async function countedClaims(tx: Tx, ids: readonly string[], names: Names): Promise<Map<string, CountedClaim[]>> {
  const rows = await tx.$queryRaw<{ articleId: string; speakerId: string | null; issueIds: string[] }[]>`
    SELECT c."articleId", c."speakerId", coalesce((SELECT array_agg(ci."issueId") FROM "ClaimIssue" ci WHERE ci."claimId" = c.id), '{}') AS "issueIds"
    FROM "Claim" c WHERE c."articleId" = ANY(${ids}::text[]) AND c.status::text <> 'not_a_claim'`;
  const out = new Map<string, CountedClaim[]>();
  for (const row of rows) {
    const claim = { speakerId: row.speakerId, issues: [...new Set(row.issueIds.flatMap((id) => names.issueSlugs.get(id) ?? []))] };
    const list = out.get(row.articleId);
    if (list) list.push(claim);
    else out.set(row.articleId, [claim]);
  }
  return out;
}

/** Each article's {@link articleCounts}, reading its sentences and (when it has any on an issue) its text. */
async function countArticles(
  tx: Tx,
  ids: readonly string[],
  articles: ReadonlyMap<string, LoadedArticle>,
  claimsOf: ReadonlyMap<string, CountedClaim[]>,
  open: ReadonlySet<string>,
): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>();
  if (ids.length === 0) return out;
  const [sentences, texts] = await Promise.all([
    tx.$queryRaw<{ articleId: string; start: number; end: number; paragraph: number; issues: string[] }[]>`
      SELECT "articleId", start, "end", paragraph, issues FROM "Sentence" WHERE "articleId" = ANY(${ids}::text[]) ORDER BY "articleId", index`,
    tx.$queryRaw<{ id: string; originalText: string }[]>`
      SELECT a.id, a."originalText" FROM "Article" a
      WHERE a.id = ANY(${ids}::text[]) AND EXISTS (SELECT 1 FROM "Sentence" s WHERE s."articleId" = a.id AND cardinality(s.issues) > 0)`,
  ]);
  const textOf = new Map(texts.map((row) => [row.id, row.originalText]));
  const sentencesOf = new Map<string, typeof sentences>();
  for (const sentence of sentences) {
    const list = sentencesOf.get(sentence.articleId);
    if (list) list.push(sentence);
    else sentencesOf.set(sentence.articleId, [sentence]);
  }
  for (const id of ids) {
    const article = articles.get(id);
    if (!article) continue;
    out.set(
      id,
      articleCounts({
        id,
        source: article.source.key,
        publishedAt: article.publishedAt,
        ingestedAt: article.ingestedAt,
        text: textOf.get(id) ?? "",
        sentences: sentencesOf.get(id) ?? [],
        claims: claimsOf.get(id) ?? [],
        openIssues: open,
      }),
    );
  }
  return out;
}

async function insertArticleCounts(tx: Tx, counts: Map<string, Counts>) {
  for (const part of chunk([...counts], WRITE_CHUNK)) {
    const ids = part.map(([articleId]) => articleId);
    const values = part.map(([, value]) => JSON.stringify(value));
    await tx.$executeRaw`
      INSERT INTO "AnalysisArticle" ("articleId", counts) SELECT v.id, v.counts::jsonb FROM unnest(${ids}::text[], ${values}::text[]) AS v(id, counts)`;
  }
}

async function applyCountDelta(tx: Tx, delta: { scope: string; key: string; value: number }[]) {
  for (const part of chunk(delta, WRITE_CHUNK * 5)) {
    const rows = JSON.stringify(part.map((row) => ({ ...scopeParts(row.scope), key: row.key, value: row.value })));
    await tx.$executeRaw`
      INSERT INTO "AnalysisCount" (scope, issue, source, key, value)
      SELECT v.kind, v.issue, v.source, v.key, sum(v.value)::int FROM jsonb_to_recordset(${rows}::jsonb) AS v(kind text, issue text, source text, key text, value int)
      GROUP BY 1, 2, 3, 4
      ON CONFLICT (scope, issue, source, key) DO UPDATE SET value = "AnalysisCount".value + excluded.value`;
    await tx.$executeRaw`
      DELETE FROM "AnalysisCount" n USING jsonb_to_recordset(${rows}::jsonb) AS v(kind text, issue text, source text, key text)
      WHERE n.scope = v.kind AND n.issue = v.issue AND n.source = v.source AND n.key = v.key AND n.value = 0`;
  }
}

type Groups = ReturnType<typeof claimGroups>;

/** The lookup indexes of `AnalysisClaim`, as its migration creates them. */
const CLAIM_KEY_INDEXES: Record<string, string> = {
  AnalysisClaim_articleId_idx: `("articleId")`,
  AnalysisClaim_statementText_idx: `USING HASH ("statementText")`,
  AnalysisClaim_statementGroup_idx: `("statementGroup")`,
  AnalysisClaim_contentWords_idx: `USING GIN ("contentWords")`,
  AnalysisClaim_grams_idx: `USING GIN ("grams")`,
  AnalysisClaim_figureGroups_idx: `USING GIN ("figureGroups")`,
  AnalysisClaim_positionKey_idx: `("positionKey")`,
};

/** The units of a claim's figures (`AnalysisClaim.figureUnits`). */
function figureUnitsOf(claim: LoadedClaim): string[] {
  return [...new Set(claim.figures.map((figure) => figure.unit))];
}

/** The buckets of a claim's figures ({@link figureBucket}, `AnalysisClaim.figureValues`). */
function figureValuesOf(claim: LoadedClaim): string[] {
  return [...new Set(claim.figures.flatMap((figure) => figureBucket(figure) ?? []))];
}

/**
 * Stores the keys of `claims` ({@link statementKeys}) with their groups, a thousand rows per statement,
 * each column passed as one array (lists joined by {@link LIST_SEPARATOR}): far less to serialise than rows of JSON.
 */
async function insertClaimKeys(
  tx: Tx,
  claims: readonly LoadedClaim[],
  groups: Groups,
  { copies, positionKeys = false }: { copies?: Map<string, CopyRow>; positionKeys?: boolean } = {},
) {
  // The position key ({@link POSITION_KEY}) from the claim as stored, its cluster included; else it is stored later ({@link storePositionKeys}).
  const positionKey = positionKeys ? POSITION_KEY : Prisma.sql`NULL`;
  const claimJoin = positionKeys ? Prisma.sql`LEFT JOIN "Claim" c ON c.id = v.id` : Prisma.empty;
  // Claims with the same words and kind have the same keys (copies of a statement are common): each is worked out once.
  const known = new Map<string, StatementKeys>();
  const keysOf = (claim: LoadedClaim) => {
    const text = `${claim.kind === "quote" ? "q" : "-"}${claim.quote ?? claim.text}`;
    let keys = known.get(text);
    if (!keys) {
      if (known.size >= KEY_MEMO) known.clear();
      keys = statementKeys(claim);
      known.set(text, keys);
    }
    return keys;
  };
  for (const part of chunk(claims, WRITE_CHUNK)) {
    const columns = {
      id: [] as string[],
      article: [] as string[],
      copy: [] as string[],
      text: [] as (string | null)[],
      content: [] as string[],
      grams: [] as string[],
    };
    const grouped = { statement: [] as (string | null)[], figures: [] as string[], units: [] as string[], values: [] as string[] };
    for (const claim of part) {
      const keys = keysOf(claim);
      columns.id.push(claim.id);
      columns.article.push(claim.articleId);
      const copyKey = copyKeyOf(claim);
      columns.copy.push(copyKey);
      if (copies) addToCopies(copies, copyKey, claim, { statement: groups.statement.get(claim.id) ?? null, figures: groups.figures.get(claim.id) ?? [] });
      columns.text.push(keys.text);
      columns.content.push(keys.content.join(LIST_SEPARATOR));
      columns.grams.push(keys.grams.join(LIST_SEPARATOR));
      grouped.statement.push(groups.statement.get(claim.id) ?? null);
      grouped.figures.push((groups.figures.get(claim.id) ?? []).join(LIST_SEPARATOR));
      grouped.units.push(figureUnitsOf(claim).join(LIST_SEPARATOR));
      grouped.values.push(figureValuesOf(claim).join(LIST_SEPARATOR));
    }
    await tx.$executeRaw`
      INSERT INTO "AnalysisClaim" ("claimId", "articleId", "copyKey", "statementText", "contentWords", grams, "statementGroup", "figureGroups", "figureUnits", "figureValues", "positionKey")
      SELECT v.id, v.article, v.copy, v.text, string_to_array(v.content, ${LIST_SEPARATOR}), string_to_array(v.grams, ${LIST_SEPARATOR}), v.statement,
        string_to_array(v.figures, ${LIST_SEPARATOR}), string_to_array(v.units, ${LIST_SEPARATOR}), string_to_array(v.buckets, ${LIST_SEPARATOR}), ${positionKey}
      FROM unnest(${columns.id}::text[], ${columns.article}::text[], ${columns.copy}::text[], ${columns.text}::text[], ${columns.content}::text[],
        ${columns.grams}::text[], ${grouped.statement}::text[], ${grouped.figures}::text[], ${grouped.units}::text[], ${grouped.values}::text[])
        AS v(id, article, copy, text, content, grams, statement, figures, units, buckets)
      ${claimJoin}`;
  }
}

/** The stored groups of a copy key's claims (`count` of them, `first` standing for them), as its `AnalysisCopy` row has them. */
type StoredGroups = { first: string; count: number; copyKey: string; statementGroup: string | null; figureGroups: string[] };

/**
 * Stores the groups of `claims` (`groups`, by claim) where they differ from those stored (`stored`, by claim,
 * for claims read with their copies): a claim's copies get its groups. The claims not stored (the articles'
 * claims) join the copies of their copy key, whose groups they have (being the same for the analysis, they
 * fall into the same groups), or start one.
 */
async function updateClaimGroups(tx: Tx, claims: readonly LoadedClaim[], groups: Groups, stored: ReadonlyMap<string, StoredGroups>) {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);
  const copies = new Map<string, CopyRow>();
  const regrouped: { copyKey: string; statement: string | null; figures: string[] }[] = [];
  const changed = claims.flatMap((claim) => {
    const row = stored.get(claim.id);
    const statement = groups.statement.get(claim.id) ?? null;
    const figures = groups.figures.get(claim.id) ?? [];
    if (row) {
      if (row.statementGroup !== statement || !same(row.figureGroups, figures)) regrouped.push({ copyKey: row.copyKey, statement, figures });
      return [];
    }
    addToCopies(copies, copyKeyOf(claim), claim, { statement, figures });
    return [{ id: claim.id, statement, figures }];
  });
  for (const part of chunk(changed, WRITE_CHUNK)) {
    await tx.$executeRaw`
      UPDATE "AnalysisClaim" AS a SET "statementGroup" = v.statement, "figureGroups" = v.figures
      FROM jsonb_to_recordset(${JSON.stringify(part)}::jsonb) AS v(id text, statement text, figures text[])
      WHERE a."claimId" = v.id`;
  }
  for (const part of chunk(regrouped, WRITE_CHUNK)) {
    // Every copy of a regrouped key, by its ids as stored (the articles' claims are not among them yet).
    await tx.$executeRaw`
      UPDATE "AnalysisClaim" AS a SET "statementGroup" = x.statement, "figureGroups" = x.figures
      FROM (
        SELECT unnest(c."claimIds") AS id, v.statement, v.figures
        FROM jsonb_to_recordset(${JSON.stringify(part)}::jsonb) AS v("copyKey" text, statement text, figures text[])
        JOIN "AnalysisCopy" c ON c."copyKey" = v."copyKey"
      ) AS x
      WHERE a."claimId" = x.id`;
    await tx.$executeRaw`
      UPDATE "AnalysisCopy" AS c SET "statementGroup" = v.statement, "figureGroups" = v.figures
      FROM jsonb_to_recordset(${JSON.stringify(part)}::jsonb) AS v("copyKey" text, statement text, figures text[])
      WHERE c."copyKey" = v."copyKey"`;
  }
  await storeCopies(tx, copies);
}

/** An `AnalysisCopy` row: a copy key's claims, with what they share. */
type CopyRow = {
  copyKey: string;
  ids: string[];
  statement: string | null;
  figures: string[];
  units: string[];
  figureValues: string[];
  source: string;
  issues: readonly string[];
};

/** Adds `claim` (its copy key and groups) to the copies being gathered in `copies`. */
function addToCopies(copies: Map<string, CopyRow>, copyKey: string, claim: LoadedClaim, groups: { statement: string | null; figures: string[] }) {
  const copy = copies.get(copyKey);
  if (copy) copy.ids.push(claim.id);
  else
    copies.set(copyKey, {
      copyKey,
      ids: [claim.id],
      ...groups,
      units: figureUnitsOf(claim),
      figureValues: figureValuesOf(claim),
      source: claim.source,
      issues: claim.issues,
    });
}

/** Stores the gathered `copies`: a copy key already stored gets their claims (being copies, they have its groups). */
async function storeCopies(tx: Tx, copies: ReadonlyMap<string, CopyRow>) {
  for (const part of chunk([...copies.values()], WRITE_CHUNK)) {
    await tx.$executeRaw`
      INSERT INTO "AnalysisCopy" ("copyKey", "claimIds", "statementGroup", "figureGroups", "figureUnits", "figureValues", source, issues)
      SELECT v."copyKey", v.ids, v.statement, v.figures, v.units, v."figureValues", v.source, v.issues
      FROM jsonb_to_recordset(${JSON.stringify(part)}::jsonb)
        AS v("copyKey" text, ids text[], statement text, figures text[], units text[], "figureValues" text[], source text, issues text[])
      ON CONFLICT ("copyKey") DO UPDATE SET "claimIds" = "AnalysisCopy"."claimIds" || EXCLUDED."claimIds"`;
  }
}

/** Takes the claims `rows` (their keys as stored, about to be removed) out of their copies; a copy key with no claim left goes. */
async function takeOutOfCopies(tx: Tx, rows: readonly { claimId: string; copyKey: string | null }[]) {
  const gone = rows.flatMap((row) => (row.copyKey ? [{ id: row.claimId, key: row.copyKey }] : []));
  if (gone.length === 0) return;
  await tx.$executeRaw`
    UPDATE "AnalysisCopy" AS c SET "claimIds" = ARRAY(SELECT id FROM unnest(c."claimIds") id WHERE id <> ALL(g.ids))
    FROM (
      SELECT key, array_agg(id) AS ids FROM unnest(${gone.map((row) => row.id)}::text[], ${gone.map((row) => row.key)}::text[]) AS t(id, key) GROUP BY key
    ) g
    WHERE c."copyKey" = g.key`;
  await tx.$executeRaw`DELETE FROM "AnalysisCopy" WHERE "copyKey" = ANY(${[...new Set(gone.map((row) => row.key))]}::text[]) AND cardinality("claimIds") = 0`;
}

/**
 * Stored claims that may share a statement or a figure with `claims` (their new versions): word for word,
 * by content words ({@link similarityProbe}), by a quoted run of words, or in a same-figure group of the
 * figures' value and unit. Statement groups come back as `s:<group>`, lone claims by id, and the claims in a
 * same-figure group with one of `claims` by copy key (`copies`).
 *
 * Claims with the same words are always in one statement group, so one stored claim stands for each of
 * `claims`' texts. A claim whose words a stored claim has word for word needs no other probe: every statement
 * similar to it, or sharing a quoted run with it, is already in that claim's group (when the stored claim
 * is a quote too; otherwise its runs are looked up).
 */
async function similarClaims(tx: Tx, claims: readonly LoadedClaim[]): Promise<{ claims: string[]; groups: string[]; copies: string[] }> {
  const own = claims.map((claim) => claim.id);
  const keys = claims.map((claim) => statementKeys(claim));
  // Each text once, marked when one of the claims with it is a quote with runs of words.
  const isQuote = new Map<string, boolean>();
  for (const key of keys) if (key.text) isQuote.set(key.text, (isQuote.get(key.text) ?? false) || key.grams.length > 0);
  const texts = [...isQuote].map(([text, quote]) => ({ text, quote }));
  type Row = { claimId: string; statementGroup: string | null };
  const exact =
    texts.length > 0
      ? await tx.$queryRaw<(Row & { text: string; quoted: boolean })[]>`
          SELECT t.text, x."claimId", x."statementGroup",
            t.quote AND EXISTS (
              SELECT 1 FROM "AnalysisClaim" q WHERE q."statementText" = t.text AND cardinality(q.grams) > 0 AND q."claimId" <> ALL(${own}::text[])
            ) AS quoted
          FROM jsonb_to_recordset(${JSON.stringify(texts)}::jsonb) AS t(text text, quote boolean)
          CROSS JOIN LATERAL (
            SELECT a."claimId", a."statementGroup" FROM "AnalysisClaim" a WHERE a."statementText" = t.text AND a."claimId" <> ALL(${own}::text[]) LIMIT 1
          ) x`
      : [];
  const stored = new Map(exact.map((row) => [row.text, row]));
  const probes = keys.flatMap((key) => {
    if (key.text && stored.has(key.text)) return [];
    const probe = similarityProbe(key.content);
    return probe ? [{ prefix: probe.words, content: key.content, min: probe.min, max: probe.max }] : [];
  });
  const grams = [...new Set(keys.flatMap((key) => (key.text && stored.get(key.text)?.quoted ? [] : key.grams)))];
  const similar =
    probes.length > 0
      ? await tx.$queryRaw<Row[]>`
          SELECT DISTINCT ON (coalesce(x."statementGroup", x."claimId")) x."claimId", x."statementGroup"
          FROM jsonb_to_recordset(${JSON.stringify(probes)}::jsonb) AS p(prefix text[], content text[], min int, max int)
          JOIN LATERAL (
            SELECT a."claimId", a."statementGroup", (SELECT count(*) FROM unnest(a."contentWords") w WHERE w = ANY(p.content))::float8 AS shared,
              cardinality(a."contentWords") AS size
            FROM "AnalysisClaim" a
            WHERE a."contentWords" && p.prefix AND cardinality(a."contentWords") BETWEEN p.min AND p.max AND a."claimId" <> ALL(${own}::text[])
          ) x ON x.shared / (x.size + cardinality(p.content) - x.shared) >= ${STATEMENT_THRESHOLD - 1e-9}`
      : [];
  const quoted =
    grams.length > 0
      ? await tx.$queryRaw<Row[]>`
          SELECT DISTINCT ON (coalesce("statementGroup", "claimId")) "claimId", "statementGroup" FROM "AnalysisClaim"
          WHERE grams && ${grams}::text[] AND "claimId" <> ALL(${own}::text[])`
      : [];
  const out = { claims: new Set<string>(), groups: new Set<string>() };
  for (const row of [...exact, ...similar, ...quoted]) {
    if (row.statementGroup) out.groups.add(`s:${row.statementGroup}`);
    else out.claims.add(row.claimId);
  }
  return { claims: [...out.claims], groups: [...out.groups], copies: await sameFigureCopies(tx, claims) };
}

/**
 * The copy keys of the stored claims in a same-figure group ({@link groupFigures}) with one of `claims` (not
 * stored in `AnalysisCopy` yet), over every figure of the same value and unit: each copy key is read once, as
 * its first claim standing for its copies.
 */
async function sameFigureCopies(tx: Tx, claims: readonly LoadedClaim[]): Promise<string[]> {
  const buckets = [...new Set(claims.flatMap(figureValuesOf))];
  if (buckets.length === 0) return [];
  const rows = await tx.$queryRaw<{ copyKey: string; first: string; count: number; issues: string[] }[]>`
    SELECT "copyKey", ${COPY_FIRST}, issues FROM "AnalysisCopy" WHERE "figureValues" && ${buckets}::text[]`;
  // Copies have the same figures: each key's first claim's are read.
  const figuresOf = await loadFigures(
    tx,
    rows.map((row) => row.first),
  );
  const keyOf = new Map<string, string>();
  const stored = rows.map(({ copyKey, first, count, issues }): AnalysisClaim => {
    keyOf.set(first, copyKey);
    return { id: first, weight: count, source: "", kind: "narration", speaker: null, text: "", quote: null, issues, figures: figuresOf.get(first) ?? [] };
  });
  const sorted = sortById([...stored, ...claims]);
  const wanted = new Set(claims.map((claim) => claim.id));
  return groupFigures(sorted)
    .filter((group) => group.claims.some((index) => wanted.has(sorted[index]!.id)))
    .flatMap((group) => group.claims.flatMap((index) => keyOf.get(sorted[index]!.id) ?? []));
}

/**
 * Stores `clusters` and points their claims at them. `scope` null: they are every cluster, each naming
 * all its claims; otherwise they replace the clusters `scope.clusters` (those their claims were in), and only
 * the claims `scope.moved` change cluster, each to the cluster of the key it maps to (or to none). Clusters
 * keep their ids by key.
 */
async function writeClusters(
  tx: Tx,
  issueIds: ReadonlyMap<string, string>,
  clusters: readonly Cluster[],
  scope: { clusters: string[]; moved: ReadonlyMap<string, string | undefined> } | null,
) {
  const keys = clusters.map((cluster) => cluster.key);
  const existingRows =
    scope === null
      ? await tx.claimCluster.findMany({ select: { id: true, key: true } })
      : await tx.$queryRaw<{ id: string; key: string }[]>`
          SELECT id, key FROM "ClaimCluster" WHERE id = ANY(${scope.clusters}::text[]) OR key = ANY(${keys}::text[])`;
  const existing = new Map(existingRows.map((row) => [row.key, row.id]));
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
    claimCount: cluster.claimCount ?? cluster.claimIds.length,
  }));
  const kept = new Set(keys);
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

  // The claims to point: every claim, or those that moved (to the cluster of the key they moved to, or none).
  const claimIds: string[] = [];
  const clusterIds: string[] = [];
  if (scope === null) {
    clusters.forEach((cluster, index) => {
      for (const claimId of cluster.claimIds) {
        claimIds.push(claimId);
        clusterIds.push(rows[index]!.id);
      }
    });
  } else {
    const idOfKey = new Map(rows.map((row) => [row.key, row.id]));
    for (const [claimId, key] of scope.moved) {
      if (key === undefined) continue;
      claimIds.push(claimId);
      clusterIds.push(idOfKey.get(key)!);
    }
  }
  if (scope === null) {
    // Every claim: the members go into a temporary table a batch at a time, then two joins point every claim.
    await tx.$executeRaw`DROP TABLE IF EXISTS cluster_member`;
    await tx.$executeRaw`CREATE TEMP TABLE cluster_member (id text PRIMARY KEY, cluster text NOT NULL) ON COMMIT DROP`;
    for (let start = 0; start < claimIds.length; start += WRITE_CHUNK * 20) {
      const ids = claimIds.slice(start, start + WRITE_CHUNK * 20);
      const targets = clusterIds.slice(start, start + WRITE_CHUNK * 20);
      await tx.$executeRaw`INSERT INTO cluster_member (id, cluster) SELECT * FROM unnest(${ids}::text[], ${targets}::text[])`;
    }
    await tx.$executeRaw`ANALYZE cluster_member`;
    await tx.$executeRaw`
      UPDATE "Claim" AS c SET "clusterId" = m.cluster FROM cluster_member m WHERE m.id = c.id AND c."clusterId" IS DISTINCT FROM m.cluster`;
    await tx.$executeRaw`
      UPDATE "Claim" AS c SET "clusterId" = NULL WHERE c."clusterId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cluster_member m WHERE m.id = c.id)`;
  } else {
    await tx.$executeRaw`
      UPDATE "Claim" AS c SET "clusterId" = v.cluster
      FROM (
        SELECT k.id, w.cluster FROM "Claim" k
        LEFT JOIN unnest(${claimIds}::text[], ${clusterIds}::text[]) AS w(id, cluster) ON w.id = k.id
        WHERE k."clusterId" IS DISTINCT FROM w.cluster AND k.id = ANY(${[...scope.moved.keys()]}::text[])
      ) AS v
      WHERE c.id = v.id`;
  }
  // A cluster whose claims have all gone (their articles removed) goes too.
  if (scope !== null) await tx.$executeRaw`DELETE FROM "ClaimCluster" k WHERE NOT EXISTS (SELECT 1 FROM "Claim" c WHERE c."clusterId" = k.id)`;
}

async function insertDiscrepancies(
  tx: Tx,
  issueIds: ReadonlyMap<string, string>,
  discrepancies: readonly (Discrepancy & { scope: DiscrepancyScope })[],
  claims: ReadonlyMap<string, LoadedClaim>,
  articles: ReadonlyMap<string, LoadedArticle>,
) {
  const rows = discrepancies.map((discrepancy) => ({
    key: discrepancy.key,
    scope: discrepancy.scope,
    issueId: discrepancy.issue ? (issueIds.get(discrepancy.issue) ?? null) : null,
    about: discrepancy.about,
    items: discrepancy.items.map((item): StoredDiscrepancyItem => {
      const claim = claims.get(item.claimId)!;
      const article = articles.get(claim.articleId);
      return {
        value: item.value,
        raw: item.raw,
        speaker: item.speaker,
        outlet: article?.source.name ?? item.source,
        source: item.source,
        claimId: item.claimId,
        articleId: claim.articleId,
        kind: claim.kind,
        publishedAt: article?.publishedAt?.toISOString() ?? null,
      };
    }),
  }));
  for (const part of chunk(rows, WRITE_CHUNK)) await tx.discrepancy.createMany({ data: part });
}
