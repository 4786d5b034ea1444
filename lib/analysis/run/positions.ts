import { describeFraming, type DescribedVerb } from "@/lib/analysis/framing-words";
import type { FramingMeasures } from "@/lib/analysis/framing-measures";
import { buildPositions, MAX_MEMBERS, type IssuePositions, type PositionClaim, type PositionInputClaim } from "@/lib/analysis/positions";
import { loadFigures, storeSetting, type Names } from "@/lib/analysis/run/load";
import type { Source } from "@/lib/analysis/sources";
import { Prisma } from "@/lib/generated/prisma/client";
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
  sources: Record<string, number>;
  first: { id: string; publishedAt: number | null }[];
  source: string;
};

/**
 * A claim's {@link PositionGroup} key as SQL over the claim alias `c`: a hash of its speaker, its cluster (if
 * any), kind, words and verb, so that copies of a claim share it; null when it is in no one's voice (or `c`
 * is a missing row of an outer join).
 */
export const POSITION_KEY = Prisma.sql`CASE WHEN c."speakerId" IS NOT NULL AND c.kind::text <> 'narration'
  THEN md5(concat_ws(chr(31), c."speakerId", coalesce(c."clusterId", chr(30)), c.kind::text, c.text, coalesce(c.quote, chr(30)), coalesce(c.verb, chr(30))))
  END`;

/** A position group's members: the analysed claims `ac` (`c`) on each of their issues (`ci`), with their articles `a` and outlets `o`. */
const MEMBER_JOINS = Prisma.sql`FROM "AnalysisClaim" ac
  JOIN "Claim" c ON c.id = ac."claimId"
  JOIN "ClaimIssue" ci ON ci."claimId" = c.id
  JOIN "Article" a ON a.id = c."articleId"
  LEFT JOIN "Outlet" o ON o.id = a."outletId"`;

/** A member's source key over {@link MEMBER_JOINS} (its outlet's slug, or `article:<id>`). */
const MEMBER_SOURCE = Prisma.sql`coalesce(o.slug, 'article:' || a.id)`;

/**
 * Stores the position key of the analysed claims `claimIds`, from their speaker, cluster, kind and words as
 * they are now; returns the keys stored. (A full run writes every claim's key as it inserts the claim.)
 */
export async function storePositionKeys(tx: Tx, claimIds: readonly string[]): Promise<string[]> {
  const rows = await tx.$queryRaw<{ key: string | null }[]>`
    UPDATE "AnalysisClaim" AS ac SET "positionKey" = ${POSITION_KEY} FROM "Claim" c
    WHERE c.id = ac."claimId" AND ac."claimId" = ANY(${claimIds}::text[])
    RETURNING ac."positionKey" AS key`;
  return [...new Set(rows.flatMap((row) => (row.key ? [row.key] : [])))];
}

/**
 * Adds the analysed claims `claimIds` to the {@link PositionGroup}s of `keys`, groups none of whose claims
 * left (a claim that left needs its group rebuilt, {@link storePositionGroups}): each source's count grows
 * by its new claims, and the first claims by publication are those of the group and the new claims merged.
 * A group not stored yet on an issue is built whole. The result is what rebuilding the groups gives.
 */
export async function addToPositionGroups(tx: Tx, claimIds: readonly string[], keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const [members, stored] = await Promise.all([
    tx.$queryRaw<{ key: string; issueId: string; id: string; publishedAt: Date | null; source: string }[]>`
      SELECT ac."positionKey" AS key, ci."issueId", c.id, a."publishedAt", ${MEMBER_SOURCE} AS source
      ${MEMBER_JOINS}
      WHERE ac."claimId" = ANY(${claimIds}::text[]) AND ac."positionKey" = ANY(${keys}::text[])`,
    tx.$queryRaw<{ key: string; issueId: string; sources: Record<string, number>; first: { id: string; publishedAt: number | null }[]; source: string }[]>`
      SELECT key, "issueId", sources, first, source FROM "PositionGroup" WHERE key = ANY(${keys}::text[])`,
  ]);
  const groups = new Map(stored.map((row) => [`${row.key}\u0000${row.issueId}`, row]));
  const added = new Map<string, typeof members>();
  for (const member of members) {
    const id = `${member.key}\u0000${member.issueId}`;
    const list = added.get(id);
    if (list) list.push(member);
    else added.set(id, [member]);
  }
  const rebuilt = new Set<string>();
  for (const [id, list] of added) if (!groups.has(id)) rebuilt.add(list[0]!.key);
  // Publication order, undated last, then id in byte order (as the groups are built in SQL, COLLATE "C").
  const order = (a: { id: string; publishedAt: number | null }, b: { id: string; publishedAt: number | null }) =>
    (a.publishedAt ?? Infinity) - (b.publishedAt ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const rows: { key: string; issueId: string; sources: string; first: string; source: string }[] = [];
  for (const [id, list] of added) {
    const group = groups.get(id);
    if (!group || rebuilt.has(group.key)) continue;
    const sources = { ...group.sources };
    const sourceOf = new Map<string, string>();
    for (const member of list) {
      sources[member.source] = (sources[member.source] ?? 0) + 1;
      sourceOf.set(member.id, member.source);
    }
    const first = [...group.first, ...list.map((member) => ({ id: member.id, publishedAt: member.publishedAt?.getTime() ?? null }))]
      .sort(order)
      .slice(0, MAX_MEMBERS);
    rows.push({
      key: group.key,
      issueId: group.issueId,
      sources: JSON.stringify(sources),
      first: JSON.stringify(first),
      source: sourceOf.get(first[0]!.id) ?? group.source,
    });
  }
  if (rows.length > 0) {
    await tx.$executeRaw`
      UPDATE "PositionGroup" AS g SET sources = v.sources::jsonb, first = v.first::jsonb, source = v.source
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(key text, "issueId" text, sources text, first text, source text)
      WHERE g.key = v.key AND g."issueId" = v."issueId"`;
  }
  await storePositionGroups(tx, [...rebuilt]);
}

/**
 * Rebuilds the {@link PositionGroup}s of the position keys `keys` (every group when null) on every issue,
 * from the analysed claims that have those keys now: how many claims each source has, the first of them
 * by publication then id, and the wording they share.
 */
export async function storePositionGroups(tx: Tx, keys: readonly string[] | null): Promise<void> {
  if (keys === null) await tx.$executeRaw`DELETE FROM "PositionGroup"`;
  else if (keys.length === 0) return;
  else await tx.$executeRaw`DELETE FROM "PositionGroup" WHERE key = ANY(${keys}::text[])`;
  const only = keys === null ? Prisma.sql`TRUE` : Prisma.sql`ac."positionKey" = ANY(${keys}::text[])`;
  await tx.$executeRaw`
    INSERT INTO "PositionGroup" (key, "issueId", "speakerId", statement, kind, text, quote, verb, sources, first, source)
    WITH m AS (
      SELECT ac."positionKey" AS key, ci."issueId", c.id, c."speakerId", c."clusterId", c.kind::text AS kind, c.text, c.quote, c.verb,
        a."publishedAt", ${MEMBER_SOURCE} AS source
      ${MEMBER_JOINS}
      WHERE ac."positionKey" IS NOT NULL AND ${only}
    )
    SELECT m.key, m."issueId", min(m."speakerId"), min(k.key), min(m.kind), min(m.text), min(m.quote), min(m.verb),
      (SELECT jsonb_object_agg(x.source, x.n) FROM (SELECT u AS source, count(*)::int AS n FROM unnest(array_agg(m.source)) u GROUP BY u) x),
      (SELECT jsonb_agg(jsonb_build_object('id', f.id, 'publishedAt', round(extract(epoch FROM f.at) * 1000)::bigint) ORDER BY f.n)
        FROM unnest(
          (array_agg(m.id ORDER BY m."publishedAt" ASC NULLS LAST, m.id COLLATE "C"))[1:${MAX_MEMBERS}],
          (array_agg(m."publishedAt" ORDER BY m."publishedAt" ASC NULLS LAST, m.id COLLATE "C"))[1:${MAX_MEMBERS}]
        ) WITH ORDINALITY AS f(id, at, n)),
      (array_agg(m.source ORDER BY m."publishedAt" ASC NULLS LAST, m.id COLLATE "C"))[1]
    FROM m LEFT JOIN "ClaimCluster" k ON k.id = m."clusterId"
    GROUP BY m.key, m."issueId"`;
}

/**
 * The claims an issue's positions are built from (quotes and reported speech with a speaker, all but those
 * marked "not a claim"), with speakers and kinds as they are now (corrections applied) and the statement
 * each is in (its cluster's key), from the stored {@link PositionGroup}s: copies of a claim come folded
 * into one claim with its {@link Copies}, one row per wording, not per article. With `speakerId`, only
 * that speaker's.
 */
export async function loadPositionClaims(
  tx: Pick<Tx, "$queryRaw">,
  issueId: string,
  names: Names,
  { speakerId }: { speakerId?: string } = {},
): Promise<PositionInputClaim[]> {
  const ofSpeaker = speakerId === undefined ? Prisma.empty : Prisma.sql`AND "speakerId" = ${speakerId}`;
  const rows = await tx.$queryRaw<PositionRow[]>`
    SELECT "speakerId", statement, kind, text, quote, verb, sources, first, source FROM "PositionGroup" WHERE "issueId" = ${issueId} ${ofSpeaker}`;
  const figuresOf = await loadFigures(
    tx,
    rows.map((row) => row.first[0]!.id),
  );
  return rows.map((row) => {
    const first = row.first.map(({ id, publishedAt }) => ({ id, publishedAt: publishedAt === null ? null : Number(publishedAt) }));
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
  await storeSetting(tx, POSITIONS_SETTING, positions);
}
