import { describeFraming, type DescribedVerb } from "@/lib/analysis/framing-words";
import type { FramingMeasures } from "@/lib/analysis/framing-measures";
import { buildPositions, MAX_MEMBERS, type IssuePositions, type PositionClaim, type PositionInputClaim } from "@/lib/analysis/positions";
import { loadFigures, type Names } from "@/lib/analysis/run/load";
import type { Source } from "@/lib/analysis/sources";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimKind } from "@/lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

/** `AppSetting` key of the stored {@link StoredPositions}. */
export const POSITIONS_SETTING = "positions";

/** A position claim as stored: with the fingerprints of its claims, which contrast dismissals are keyed by. */
export type StoredPositionClaim = PositionClaim & { fingerprints: string[] };
export type StoredIssuePositions = Omit<IssuePositions, "positions"> & {
  positions: (Omit<IssuePositions["positions"][number], "claims"> & { claims: StoredPositionClaim[] })[];
  /** Source key → its label, for the sources that leave something out (they may carry no position claim). */
  sourceNames?: Record<string, string>;
};
/** Positions per issue slug, computed with each analysis. */
export type StoredPositions = { issues: Record<string, StoredIssuePositions> };

export type PositionsInput = {
  /** Each issue with its claims as {@link loadPositionClaims} reads them. */
  issues: readonly { slug: string; claims: readonly PositionInputClaim[] }[];
  sources: ReadonlyMap<string, { source: Source }>;
  /** Issue slug → the source keys ranked on it (omissions are kept for those only). */
  rankedSources: ReadonlyMap<string, readonly string[]>;
};

type PositionRow = {
  speakerId: string;
  statement: string | null;
  kind: ClaimKind;
  text: string;
  quote: string | null;
  verb: string | null;
  ids: string[];
  times: (Date | null)[];
  source: string;
  sources: Record<string, number>;
};

/**
 * The claims an issue's positions are built from (quotes and reported speech with a speaker, all but those
 * marked "not a claim"), with speakers and kinds as they are now (corrections applied) and the statement
 * each is in (its cluster's key). Copies (the same speaker, kind, words, verb and cluster, as wire copy
 * and syndication make them) are read folded into one claim with its {@link Copies}, so the database
 * hands over one row per wording, not per article.
 */
export async function loadPositionClaims(tx: Tx, issueId: string, names: Names): Promise<PositionInputClaim[]> {
  const rows = await tx.$queryRaw<PositionRow[]>`
    WITH m AS (
      SELECT c.id, c."speakerId", c."clusterId", c.kind::text AS kind, c.text, c.quote, c.verb, a."publishedAt",
        coalesce(o.slug, 'article:' || a.id) AS source
      FROM "ClaimIssue" ci
      JOIN "Claim" c ON c.id = ci."claimId"
      JOIN "Article" a ON a.id = c."articleId"
      LEFT JOIN "Outlet" o ON o.id = a."outletId"
      WHERE ci."issueId" = ${issueId} AND c."speakerId" IS NOT NULL AND c.kind::text <> 'narration' AND c.status::text <> 'not_a_claim'
    )
    SELECT m."speakerId", k.key AS statement, m.kind, m.text, m.quote, m.verb,
      (array_agg(m.id ORDER BY m."publishedAt" ASC NULLS LAST, m.id COLLATE "C"))[1:${MAX_MEMBERS}] AS ids,
      (array_agg(m."publishedAt" ORDER BY m."publishedAt" ASC NULLS LAST, m.id COLLATE "C"))[1:${MAX_MEMBERS}] AS times,
      (array_agg(m.source ORDER BY m."publishedAt" ASC NULLS LAST, m.id COLLATE "C"))[1] AS source,
      (SELECT jsonb_object_agg(x.source, x.n) FROM (SELECT u AS source, count(*)::int AS n FROM unnest(array_agg(m.source)) u GROUP BY u) x) AS sources
    FROM m LEFT JOIN "ClaimCluster" k ON k.id = m."clusterId"
    GROUP BY m."speakerId", coalesce(m."clusterId", m.id), k.key, m.kind, m.text, m.quote, m.verb`;
  const figuresOf = await loadFigures(
    tx,
    rows.map((row) => row.ids[0]!),
  );
  return rows.map((row) => {
    const first = row.ids.map((id, index) => ({ id, publishedAt: row.times[index]?.getTime() ?? null }));
    return {
      id: first[0]!.id,
      source: row.source,
      kind: row.kind,
      speakerId: row.speakerId,
      speaker: names.speakers.get(row.speakerId)?.name ?? null,
      text: row.text,
      quote: row.quote,
      verb: row.verb,
      publishedAt: first[0]!.publishedAt,
      figures: figuresOf.get(first[0]!.id) ?? [],
      statement: row.statement,
      copies: { sources: new Map(Object.entries(row.sources)), first },
    };
  });
}

/**
 * Positions, contrasts and omissions of every issue ({@link buildPositions}) from the analysis's claims,
 * with the fingerprints of the kept claims.
 */
export async function computePositions(tx: Tx, input: PositionsInput): Promise<StoredPositions> {
  const label = (key: string) => ({ slug: key, name: input.sources.get(key)?.source.name ?? key });
  const unnamed = new Set((await tx.speaker.findMany({ where: { kind: "source" }, select: { id: true } })).map((speaker) => speaker.id));
  const computed = input.issues.map((issue) => ({
    slug: issue.slug,
    positions: buildPositions(issue.claims, label, { sources: input.rankedSources.get(issue.slug) ?? [], unnamed }),
  }));
  const memberIds = [
    ...new Set(computed.flatMap(({ positions }) => positions.positions.flatMap((position) => position.claims.flatMap((claim) => claim.claimIds)))),
  ];
  const rows =
    memberIds.length > 0
      ? await tx.$queryRaw<{ id: string; fingerprint: string }[]>`SELECT id, fingerprint FROM "Claim" WHERE id = ANY(${memberIds}::text[])`
      : [];
  const fingerprintOf = new Map(rows.map((row) => [row.id, row.fingerprint]));
  const issues: Record<string, StoredIssuePositions> = {};
  for (const { slug, positions } of computed) {
    issues[slug] = {
      ...positions,
      sourceNames: Object.fromEntries(Object.keys(positions.omissions).map((key) => [key, label(key).name])),
      positions: positions.positions.map((position) => ({
        ...position,
        claims: position.claims.map((claim) => ({ ...claim, fingerprints: [...new Set(claim.claimIds.flatMap((id) => fingerprintOf.get(id) ?? []))] })),
      })),
    };
  }
  return { issues };
}

/**
 * Adds to each framing row the plain-words description and the actors it leaves out (all of them in
 * `absent`; the description names only those several sources carry or the issue's two main actors).
 */
export function describeFramingRows(
  rows: readonly {
    slug: string;
    source: Source;
    measures: FramingMeasures;
    /** The row's claims, or the verbs the description names for them (`FramingDetail.described`). */
    claims: readonly { kind: ClaimKind; speaker: string | null; verb: string | null }[] | { verbs: readonly DescribedVerb[] };
  }[],
  positions: StoredPositions,
) {
  for (const row of rows) {
    const issue = positions.issues[row.slug];
    const absent = issue?.omissions[row.source.key]?.actors ?? [];
    row.measures.absent = absent;
    // The description names the absences that tell: actors several sources carry, or the issue's two main actors.
    const leading = new Set(issue?.positions.slice(0, 2).map((position) => position.speaker.id));
    const notable = absent.filter((actor) => actor.carriedBy >= 2 || leading.has(actor.id));
    row.measures.description = describeFraming({ measures: row.measures, claims: row.claims, absent: notable.map((actor) => actor.name) });
  }
}

export async function writePositions(tx: Tx, positions: StoredPositions) {
  const value = positions as unknown as Prisma.InputJsonValue;
  await tx.appSetting.upsert({ where: { key: POSITIONS_SETTING }, create: { key: POSITIONS_SETTING, value }, update: { value } });
}
