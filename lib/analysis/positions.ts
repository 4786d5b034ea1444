/**
 * Positions: who stands where on an issue. Pure: one issue's claims in (with the statement each belongs
 * to across sources), out come the actors with their key claims and the sources carrying each, candidate
 * contrasting positions, what each source leaves out, and how sources characterise the same claim.
 */
import { countAttribution, words } from "@/lib/nlp/framing";
import type { ClaimKind } from "@/lib/nlp/types";
import type { AnalysisFigure } from "./clusters";
import { findContrasts, type Contrast } from "./contrasts";

export type PositionInputClaim = {
  id: string;
  /** Source key (outlet slug, or `article:<id>`). */
  source: string;
  kind: ClaimKind;
  speakerId: string | null;
  speaker: string | null;
  text: string;
  quote: string | null;
  verb: string | null;
  /** Publication time of the claim's article (ms since epoch), null when unknown. */
  publishedAt: number | null;
  figures: readonly AnalysisFigure[];
  /** The same statement across sources: a cluster key, or null when the claim is in none (then its words are the statement). */
  statement: string | null;
  /**
   * When claims were read with their copies folded into one (same speaker, kind, words, verb and
   * statement): the claims this one stands for, itself included. It is the first of them.
   */
  copies?: Copies;
};

/** The claims one {@link PositionInputClaim} stands for. */
export type Copies = {
  /** How many there are in each source. */
  sources: ReadonlyMap<string, number>;
  /** The first of them by publication (undated last), then id: at most {@link MAX_MEMBERS}, all a statement's member list can name. */
  first: readonly { id: string; publishedAt: number | null }[];
};

export type SourceLabel = { slug: string; name: string };

/** How one source words a claim it carries: the attribution verbs and hedges around it. */
export type Characterisation = { source: SourceLabel; verbs: string[]; hedges: string[] };

export type PositionClaim = {
  id: string;
  kind: ClaimKind;
  text: string;
  quote: string | null;
  outlets: SourceLabel[];
  firstReportedAt: string | null;
  /** Every claim making this statement (the sources' copies), at most {@link MAX_MEMBERS}. */
  claimIds: string[];
  characterisations: Characterisation[];
};

export type Position = {
  speaker: { id: string; name: string };
  /** Sources carrying the actor on the issue, and the actor's claims on it (all of them, not only those kept). */
  outletCount: number;
  claimCount: number;
  claims: PositionClaim[];
  /** The actor's most reported claim: most sources, then earliest; always among `claims`. */
  top: string;
};

export type Omission = {
  /** Actors other sources carry on the issue that this one does not, with how many sources carry each. */
  actors: { id: string; name: string; carriedBy: number }[];
  /** Claims of actors it does carry that two or more other sources report and it does not. */
  claims: string[];
};

export type IssuePositions = {
  positions: Position[];
  contrasts: Contrast[];
  /** Source key → what it leaves out. */
  omissions: Record<string, Omission>;
};

export type PositionLimits = {
  actors?: number;
  claimsPerActor?: number;
  contrasts?: number;
  omitted?: number;
  sources?: readonly string[];
  /** Speakers that are no one in particular ("unnamed source"): kept as actors, never reported as left out. */
  unnamed?: ReadonlySet<string>;
};

/** How many claims a position claim lists as the statement's members. */
export const MAX_MEMBERS = 12;
const DEFAULT_LIMITS = { actors: 10, claimsPerActor: 6, contrasts: 8, omitted: 4 };

type Statement = {
  speakerId: string;
  speaker: string;
  members: PositionInputClaim[];
  /** How many claims the members stand for (their copies counted). */
  size: number;
  sources: Set<string>;
  first: number | null;
  rep: PositionInputClaim;
};

const copyCount = (claim: PositionInputClaim) => (claim.copies ? [...claim.copies.sources.values()].reduce((sum, count) => sum + count, 0) : 1);
const sourcesOf = (claim: PositionInputClaim) => (claim.copies ? [...claim.copies.sources.keys()] : [claim.source]);

const wordCounts = new WeakMap<PositionInputClaim, number>();

/** The claim's words, counted once per claim object (statements' members are compared many times over). */
function wordCount(claim: PositionInputClaim): number {
  let count = wordCounts.get(claim);
  if (count === undefined) {
    count = words(claim.quote ?? claim.text).length;
    wordCounts.set(claim, count);
  }
  return count;
}

/** A statement's face: a full quote first (a fragment of a few words says little), then reported speech. */
function representativeRank(claim: PositionInputClaim): number {
  if (claim.kind === "quote" && wordCount(claim) >= 4) return 0;
  if (claim.kind === "reported") return 1;
  return 2;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const earliest = (a: number | null, b: number | null) => (a ?? Infinity) - (b ?? Infinity);

function compareRep(a: PositionInputClaim, b: PositionInputClaim): number {
  return representativeRank(a) - representativeRank(b) || earliest(a.publishedAt, b.publishedAt) || byId(a, b);
}

/** Most sources, then earliest reported, then id: the order of "most reported". */
function compareReach(a: Statement, b: Statement): number {
  return b.sources.size - a.sources.size || earliest(a.first, b.first) || byId(a.rep, b.rep);
}

function groupStatements(claims: readonly PositionInputClaim[]): Statement[] {
  const groups = new Map<string, PositionInputClaim[]>();
  for (const claim of claims) {
    if (!claim.speakerId || !claim.speaker || claim.kind === "narration") continue;
    // A claim in no cluster is one statement with its copies: the same words, in the same kind (an outlet running
    // one story twice carries one statement, not two).
    const key = `${claim.speakerId}\u0000${claim.statement ?? `words:${claim.kind}:${claim.quote ?? claim.text}`}`;
    const list = groups.get(key);
    if (list) list.push(claim);
    else groups.set(key, [claim]);
  }
  return [...groups.values()].map((members) => {
    const sorted = [...members].sort(compareRep);
    let first: number | null = null;
    for (const member of members) if (member.publishedAt !== null && (first === null || member.publishedAt < first)) first = member.publishedAt;
    return {
      speakerId: sorted[0]!.speakerId!,
      speaker: sorted[0]!.speaker!,
      members: sorted,
      size: members.reduce((sum, member) => sum + copyCount(member), 0),
      sources: new Set(members.flatMap(sourcesOf)),
      first,
      rep: sorted[0]!,
    };
  });
}

function characterise(statement: Statement, label: (key: string) => SourceLabel): Characterisation[] {
  const bySource = new Map<string, { verb: string | null; text: string; copies: number }[]>();
  for (const member of statement.members) {
    for (const [source, copies] of member.copies?.sources ?? [[member.source, 1] as const]) {
      const entry = { verb: member.verb, text: member.text, copies };
      const list = bySource.get(source);
      if (list) list.push(entry);
      else bySource.set(source, [entry]);
    }
  }
  return [...bySource]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .slice(0, MAX_MEMBERS)
    .map(([source, members]) => {
      const counts = countAttribution(members);
      return { source: label(source), verbs: counts.verbs.map((verb) => verb.verb), hedges: counts.hedges.map((hedge) => hedge.phrase) };
    });
}

/** The statement's first {@link MAX_MEMBERS} claims in representative order, copies included. */
function memberIds(statement: Statement): string[] {
  if (!statement.members.some((member) => member.copies)) return statement.members.slice(0, MAX_MEMBERS).map((member) => member.id);
  const entries = statement.members.flatMap((member) =>
    (member.copies?.first ?? [member]).map((copy) => ({ rank: representativeRank(member), publishedAt: copy.publishedAt, id: copy.id })),
  );
  entries.sort((a, b) => a.rank - b.rank || earliest(a.publishedAt, b.publishedAt) || byId(a, b));
  return entries.slice(0, MAX_MEMBERS).map((entry) => entry.id);
}

function positionClaim(statement: Statement, label: (key: string) => SourceLabel): PositionClaim {
  const { rep } = statement;
  return {
    id: rep.id,
    kind: rep.kind,
    text: rep.text,
    quote: rep.quote,
    outlets: [...statement.sources].sort().map(label),
    firstReportedAt: statement.first === null ? null : new Date(statement.first).toISOString(),
    claimIds: memberIds(statement),
    characterisations: statement.sources.size > 1 ? characterise(statement, label) : [],
  };
}

/**
 * The positions on one issue. Actors are the speakers of its quotes and reported speech (people,
 * institutions, documents), ranked by how many sources carry them, then how many claims they have; each
 * keeps its `claimsPerActor` most reported statements (a statement reported by several sources is one
 * entry with all of them; fragments of one or two words only when there is nothing longer), shown direct quotes first, then reported speech, and always including the
 * actor's most reported claim. Contrasts are looked for among the kept claims ({@link findContrasts});
 * omissions are computed for `sources` (default: every source on the issue) against all claims.
 * `label` names a source key.
 */
export function buildPositions(claims: readonly PositionInputClaim[], label: (key: string) => SourceLabel, limits: PositionLimits = {}): IssuePositions {
  const { actors, claimsPerActor, contrasts, omitted } = { ...DEFAULT_LIMITS, ...limits };
  const statements = groupStatements(claims);
  const byActor = new Map<string, Statement[]>();
  for (const statement of statements) {
    const list = byActor.get(statement.speakerId);
    if (list) list.push(statement);
    else byActor.set(statement.speakerId, [statement]);
  }

  const actorSources = new Map<string, Set<string>>();
  for (const [id, list] of byActor) actorSources.set(id, new Set(list.flatMap((statement) => [...statement.sources])));
  const claimTotal = (id: string) => byActor.get(id)!.reduce((sum, statement) => sum + statement.size, 0);
  const ranked = [...byActor.keys()].sort(
    (a, b) =>
      actorSources.get(b)!.size - actorSources.get(a)!.size ||
      claimTotal(b) - claimTotal(a) ||
      byActor.get(a)![0]!.speaker.localeCompare(byActor.get(b)![0]!.speaker) ||
      (a < b ? -1 : 1),
  );

  const positions: Position[] = ranked.slice(0, actors).map((id) => {
    // Fragments of a word or two ("almost") say little on their own: shown only when the actor has nothing longer.
    const all = byActor.get(id)!;
    const whole = all.filter((statement) => wordCount(statement.rep) >= 3);
    const list = [...(whole.length > 0 ? whole : all)].sort(compareReach);
    const top = list[0]!;
    const kept = list.slice(0, claimsPerActor);
    const shown = [...kept].sort((a, b) => (a.rep.kind === "quote" ? 0 : 1) - (b.rep.kind === "quote" ? 0 : 1) || compareReach(a, b));
    return {
      speaker: { id, name: top.speaker },
      outletCount: actorSources.get(id)!.size,
      claimCount: claimTotal(id),
      claims: shown.map((statement) => positionClaim(statement, label)),
      top: top.rep.id,
    };
  });

  const figuresOf = new Map(claims.map((claim) => [claim.id, claim.figures]));
  const contrastClaims = positions.flatMap((position) =>
    position.claims.map((claim) => ({
      id: claim.id,
      speakerId: position.speaker.id,
      speaker: position.speaker.name,
      text: claim.quote && claim.kind === "quote" ? claim.quote : claim.text,
      figures: figuresOf.get(claim.id) ?? [],
    })),
  );

  const keptIds = new Set(ranked.slice(0, actors));
  const keptClaims = new Set(positions.flatMap((position) => position.claims.map((claim) => claim.id)));
  const omissions: Record<string, Omission> = {};
  const sources = limits.sources ?? [...new Set(claims.flatMap(sourcesOf))].sort();
  for (const source of sources) {
    const missingActors = ranked
      .filter((id) => keptIds.has(id) && !limits.unnamed?.has(id) && !actorSources.get(id)!.has(source))
      .slice(0, omitted)
      .map((id) => ({ id, name: byActor.get(id)![0]!.speaker, carriedBy: actorSources.get(id)!.size }));
    const missingClaims = positions
      .filter((position) => actorSources.get(position.speaker.id)!.has(source))
      .flatMap((position) =>
        byActor
          .get(position.speaker.id)!
          .filter((statement) => keptClaims.has(statement.rep.id) && !statement.sources.has(source) && statement.sources.size >= 2),
      )
      .sort(compareReach)
      .slice(0, omitted)
      .map((statement) => statement.rep.id);
    if (missingActors.length > 0 || missingClaims.length > 0) omissions[source] = { actors: missingActors, claims: missingClaims };
  }

  return { positions, contrasts: findContrasts(contrastClaims, { max: contrasts }), omissions };
}

/** A claim's words as an actor's position: the quoted words of a direct quote, else the sentence. */
export function claimWords(claim: { kind: ClaimKind; quote: string | null; text: string }): string {
  return claim.kind === "quote" && claim.quote ? `“${claim.quote}”` : claim.text;
}
