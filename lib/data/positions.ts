import "server-only";
import { cache } from "react";
import type { Contrast } from "@/lib/analysis/contrasts";
import { buildPositions, claimWords, type Omission, type PositionInputClaim, type SourceLabel } from "@/lib/analysis/positions";
import type { CappedCount } from "@/lib/data/capped-count";
import { db } from "@/lib/db";
import type { ClaimKind, ReviewStatus } from "@/lib/generated/prisma/enums";
import { sourcesOf } from "@/lib/analysis/run/issues";
import { loadPositionClaims, POSITIONS_SETTING, type StoredIssuePositions, type StoredPositionClaim, type StoredPositions } from "@/lib/analysis/run/positions";
import type { BriefFilters } from "@/lib/validations/briefs";

export type PositionClaimView = Omit<StoredPositionClaim, "fingerprints" | "claimIds"> & {
  /** The claim's cluster (the same statement across sources), where the issue page lists every source carrying it; null when it has none. */
  clusterId?: string | null;
};
export type PositionView = {
  speaker: { id: string; name: string };
  /** The speaker's slug, for the issue's claims narrowed to them; null when the speaker is gone. */
  speakerSlug?: string | null;
  outletCount: number;
  claimCount: number;
  top: string;
  claims: PositionClaimView[];
};
export type ContrastView = Contrast & { issueSlug: string };
export type OmissionView = { source: SourceLabel; actors: Omission["actors"]; claims: { id: string; speaker: string; text: string }[] };

export type IssuePositionsView = {
  positions: PositionView[];
  contrasts: ContrastView[];
  omissions: OmissionView[];
  /** Position claims several sources carry with different verbs or hedges. */
  characterised: { claim: PositionClaimView; speaker: string }[];
};

/** Sources whose omissions a brief lists (those with most claims on the issue first). */
const OMISSIONS_SHOWN = 8;
/** Claims whose characterisation by each source a brief compares (most widely carried first). */
const CHARACTERISED_SHOWN = 6;

/** The positions stored by the last analysis (one row), or null before it ran. */
export const getStoredPositions = cache(async (): Promise<StoredPositions | null> => {
  const row = await db.appSetting.findUnique({ where: { key: POSITIONS_SETTING }, select: { value: true } });
  return (row?.value as StoredPositions | undefined) ?? null;
});

function dismissalKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Whether a day (YYYY-MM-DD; null when unknown) is within the filters' dates; an unknown day is within none. */
function withinDates(day: string | null, filters: BriefFilters): boolean {
  if (filters.from && (!day || day < filters.from)) return false;
  if (filters.to && (!day || day > filters.to)) return false;
  return true;
}

function claimMatches(claim: StoredPositionClaim, filters: BriefFilters): boolean {
  if (filters.kind && claim.kind !== filters.kind) return false;
  if (filters.outlet && !claim.outlets.some((outlet) => outlet.slug === filters.outlet)) return false;
  return withinDates(claim.firstReportedAt?.slice(0, 10) ?? null, filters);
}

function view({ fingerprints: _fingerprints, claimIds: _claimIds, ...claim }: StoredPositionClaim): PositionClaimView {
  return claim;
}

function differs(claim: StoredPositionClaim): boolean {
  const shapes = new Set(claim.characterisations.map((entry) => `${entry.verbs.join("|")}/${entry.hedges.join("|")}`));
  return shapes.size > 1;
}

/** Whether a claim read for positions is of the kind, carried by the source and first published within the dates the filters ask for. */
function inputMatches(claim: PositionInputClaim, filters: BriefFilters): boolean {
  if (filters.kind && claim.kind !== filters.kind) return false;
  if (filters.outlet && !(claim.copies?.sources.has(filters.outlet) ?? claim.source === filters.outlet)) return false;
  return withinDates(claim.publishedAt === null ? null : new Date(claim.publishedAt).toISOString().slice(0, 10), filters);
}

/**
 * One actor's position on an issue, built when the page asks for it (the speaker filter) from all of their
 * claims on the issue that match the other filters: the analysis keeps positions for the issue's leading
 * actors only, and the key claims it keeps for each are chosen among all of theirs, not among those a
 * filter leaves. Null when nothing of theirs matches.
 */
async function speakerPosition(
  issueId: string,
  speaker: { id: string; slug: string; name: string },
  filters: BriefFilters,
): Promise<StoredIssuePositions["positions"][number] | null> {
  const names = { speakers: new Map([[speaker.id, { slug: speaker.slug, name: speaker.name }]]), issueSlugs: new Map<string, string>() };
  const claims = (await loadPositionClaims(db, issueId, names, { speakerId: speaker.id })).filter((claim) => inputMatches(claim, filters));
  if (claims.length === 0) return null;
  const keys = [...new Set(claims.flatMap((claim) => (claim.copies ? [...claim.copies.sources.keys()] : [claim.source])))];
  const sources = await sourcesOf(db, keys);
  const built = buildPositions(claims, (key) => ({ slug: key, name: sources.get(key)?.name ?? key }), { actors: 1, sources: [] }).positions[0];
  if (!built) return null;
  const kept = built.claims.map((claim) => ({ ...claim, fingerprints: [] })).filter((claim) => claimMatches(claim, filters));
  return kept.length > 0 ? { ...built, claims: kept } : null;
}

/**
 * The positions on an issue as its page shows them: actors and their key claims narrowed by the brief's
 * filters (speaker, kind, source carrying the claim, first reported within the dates), contrasting pairs
 * among what is left that no editor dismissed, what the {@link OMISSIONS_SHOWN} sources with most claims
 * leave out, and the claims sources characterise differently. Read from the stored analysis; a few small queries.
 */
export async function loadIssuePositions(issue: { id: string; slug: string }, filters: BriefFilters): Promise<IssuePositionsView> {
  const [stored, dismissals, speaker] = await Promise.all([
    getStoredPositions(),
    db.contrastDismissal.findMany({ where: { issueId: issue.id }, select: { aFingerprint: true, bFingerprint: true } }),
    filters.speaker ? db.speaker.findUnique({ where: { slug: filters.speaker }, select: { id: true, slug: true, name: true } }) : Promise.resolve(null),
  ]);
  const data: StoredIssuePositions = stored?.issues[issue.slug] ?? { positions: [], contrasts: [], omissions: {} };
  const one = speaker ? await speakerPosition(issue.id, speaker, filters) : null;
  const positions = filters.speaker
    ? one
      ? [one]
      : []
    : data.positions
        .map((position) => ({ ...position, claims: position.claims.filter((claim) => claimMatches(claim, filters)) }))
        .filter((position) => position.claims.length > 0);
  const byId = new Map(data.positions.flatMap((position) => position.claims.map((claim) => [claim.id, { claim, speaker: position.speaker.name }] as const)));
  const shown = new Set(positions.flatMap((position) => position.claims.map((claim) => claim.id)));
  const dismissed = new Set(dismissals.map((row) => dismissalKey(row.aFingerprint, row.bFingerprint)));
  const isDismissed = (a: StoredPositionClaim, b: StoredPositionClaim) =>
    a.fingerprints.some((x) => b.fingerprints.some((y) => dismissed.has(dismissalKey(x, y))));
  const contrasts = data.contrasts.filter((contrast) => {
    const a = byId.get(contrast.a)?.claim;
    const b = byId.get(contrast.b)?.claim;
    return a && b && shown.has(a.id) && shown.has(b.id) && !isDismissed(a, b);
  });
  const omissions = Object.entries(data.omissions)
    .filter(([key]) => !filters.outlet || key === filters.outlet)
    .slice(0, OMISSIONS_SHOWN)
    .map(([key, omission]) => ({
      source: { slug: key, name: data.sourceNames?.[key] ?? key },
      actors: omission.actors,
      claims: omission.claims.flatMap((id) => {
        const entry = byId.get(id);
        return entry ? [{ id, speaker: entry.speaker, text: claimWords(entry.claim) }] : [];
      }),
    }));
  const characterised = positions
    .flatMap((position) => position.claims.filter(differs).map((claim) => ({ claim: view(claim), speaker: position.speaker.name })))
    .sort((a, b) => b.claim.outlets.length - a.claim.outlets.length)
    .slice(0, CHARACTERISED_SHOWN);
  const [slugs, clusters] = await Promise.all([
    positions.length > 0
      ? db.speaker.findMany({ where: { id: { in: positions.map((position) => position.speaker.id) } }, select: { id: true, slug: true } })
      : Promise.resolve([]),
    shown.size > 0 ? db.claim.findMany({ where: { id: { in: [...shown] } }, select: { id: true, clusterId: true } }) : Promise.resolve([]),
  ]);
  const slugOf = new Map(slugs.map((row) => [row.id, row.slug]));
  const clusterOf = new Map(clusters.map((row) => [row.id, row.clusterId]));
  return {
    positions: positions.map(({ claims, ...position }) => ({
      ...position,
      speakerSlug: slugOf.get(position.speaker.id) ?? null,
      claims: claims.map((claim) => ({ ...view(claim), clusterId: clusterOf.get(claim.id) ?? null })),
    })),
    contrasts: contrasts.map((contrast) => ({ ...contrast, issueSlug: issue.slug })),
    omissions,
    characterised,
  };
}

/** Who said what on each issue: actors (rows) × issues (columns); each cell the actor's most reported claim there. */
export type ActorMatrix = {
  issues: { slug: string; title: string }[];
  actors: { id: string; name: string }[];
  /** actor id → issue slug → the claim. */
  cells: Record<string, Record<string, PositionClaimView>>;
};

const MATRIX_ACTORS = 8;

/**
 * The dashboard's actors × issues view from the stored positions: the actors present on most of the given
 * issues (then carried by most sources), at most {@link MATRIX_ACTORS}; each cell the actor's most reported
 * claim on the issue (most sources, then earliest).
 */
export async function loadActorMatrix(issues: readonly { slug: string; title: string }[]): Promise<ActorMatrix> {
  const stored = await getStoredPositions();
  const cells: ActorMatrix["cells"] = {};
  const reach = new Map<string, { name: string; issues: number; outlets: number }>();
  for (const issue of issues) {
    for (const position of stored?.issues[issue.slug]?.positions ?? []) {
      const top = position.claims.find((claim) => claim.id === position.top);
      if (!top) continue;
      cells[position.speaker.id] ??= {};
      cells[position.speaker.id]![issue.slug] = view(top);
      const entry = reach.get(position.speaker.id) ?? { name: position.speaker.name, issues: 0, outlets: 0 };
      entry.issues += 1;
      entry.outlets += position.outletCount;
      reach.set(position.speaker.id, entry);
    }
  }
  const actors = [...reach]
    .sort(([, a], [, b]) => b.issues - a.issues || b.outlets - a.outlets || a.name.localeCompare(b.name))
    .slice(0, MATRIX_ACTORS)
    .map(([id, { name }]) => ({ id, name }));
  const kept = new Set(actors.map((actor) => actor.id));
  for (const id of Object.keys(cells)) if (!kept.has(id)) delete cells[id];
  return { issues: issues.map(({ slug, title }) => ({ slug, title })), actors, cells };
}

export type IssueClaimItem = {
  id: string;
  articleId: string;
  kind: ClaimKind;
  text: string;
  status: ReviewStatus;
  speaker: string | null;
  source: { key: string; name: string };
  publishedAt: Date | null;
};

/** The count stops at {@link ISSUE_CLAIM_COUNT_CAP}. */
export type IssueClaimPage = { items: IssueClaimItem[]; page: number; pageSize: number } & CappedCount;

/** How many of an issue's claims its page lists at once (the page opens on the brief; the list pages on). */
export const ISSUE_CLAIM_PAGE = 10;

/**
 * The list counts an issue's claims up to this many and says "more than" beyond, and pages no further:
 * a big story's issue has hundreds of thousands, and counting them all took seconds on each first view
 * after a change. The brief's own totals give the exact number; past a hundred pages an editor narrows
 * the list with the brief's filters.
 */
export const ISSUE_CLAIM_COUNT_CAP = 1_000;
