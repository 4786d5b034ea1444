import { describeFraming, type DescribedVerb } from "@/lib/analysis/framing-words";
import type { FramingMeasures } from "@/lib/analysis/framing-measures";
import { buildPositions, type IssuePositions, type PositionClaim, type PositionInputClaim } from "@/lib/analysis/positions";
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

/** A claim as the analysis hands it over: what positions need, with its article and issues. */
type PositionsClaim = Omit<PositionInputClaim, "publishedAt" | "statement"> & { articleId: string; issues: readonly string[] };

export type PositionsInput = {
  issues: readonly { slug: string }[];
  claims: readonly PositionsClaim[];
  articles: ReadonlyMap<string, { publishedAt: Date | null }>;
  sources: ReadonlyMap<string, { source: Source }>;
  /** Claim id → the key of its cluster (the same statement across sources). */
  statements: ReadonlyMap<string, string>;
  /** Issue slug → the source keys ranked on it (omissions are kept for those only). */
  rankedSources: ReadonlyMap<string, readonly string[]>;
};

/**
 * Positions, contrasts and omissions of every issue ({@link buildPositions}) from the analysis's claims
 * (speakers and kinds as they are now, corrections applied), with the fingerprints of the kept claims.
 */
export async function computePositions(tx: Tx, input: PositionsInput): Promise<StoredPositions> {
  const bySlug = new Map<string, PositionInputClaim[]>();
  for (const claim of input.claims) {
    if (!claim.speakerId || claim.kind === "narration") continue;
    const entry: PositionInputClaim = {
      id: claim.id,
      source: claim.source,
      kind: claim.kind,
      speakerId: claim.speakerId,
      speaker: claim.speaker,
      text: claim.text,
      quote: claim.quote,
      verb: claim.verb,
      publishedAt: input.articles.get(claim.articleId)?.publishedAt?.getTime() ?? null,
      figures: claim.figures,
      statement: input.statements.get(claim.id) ?? null,
    };
    for (const slug of claim.issues) {
      const list = bySlug.get(slug);
      if (list) list.push(entry);
      else bySlug.set(slug, [entry]);
    }
  }
  const label = (key: string) => ({ slug: key, name: input.sources.get(key)?.source.name ?? key });
  const unnamed = new Set((await tx.speaker.findMany({ where: { kind: "source" }, select: { id: true } })).map((speaker) => speaker.id));
  const computed = input.issues.map((issue) => ({
    slug: issue.slug,
    positions: buildPositions(bySlug.get(issue.slug) ?? [], label, { sources: input.rankedSources.get(issue.slug) ?? [], unnamed }),
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
