/**
 * Claims that are the same statement or the same figure across sources. Pure: plain claims in,
 * clusters out, the same clusters and keys for the same claims in any order.
 */
import { STOPWORDS, words } from "@/lib/nlp/framing";
import type { ClaimKind } from "@/lib/nlp/types";
import { contentWords, formatFigure, jaccard, joinSameAbout, mostCommon, stableHash, UnionFind, unitKey } from "./similarity";

/** A stored figure; `high` is a range's high end (or a score's second side), absent for a single value. */
export type AnalysisFigure = { value: number; high?: number; unit: string; raw: string; about: string | null };

/** A claim as the cross-source analysis sees it. */
export type AnalysisClaim = {
  id: string;
  /** The source of the claim's article: its outlet, or the article alone when its outlet is unknown. */
  source: string;
  kind: ClaimKind;
  speaker: string | null;
  text: string;
  quote: string | null;
  issues: readonly string[];
  figures: readonly AnalysisFigure[];
  /**
   * When identical claims were read folded into one (the same source, kind, speaker, words, issues and
   * figures, as copies of one wire story in one outlet are): the ids of the claims it stands for, itself
   * (the smallest) included. Such claims fall into the same groups and clusters, so the clusters and groups
   * come out as for the claims one by one, with every copy's id.
   */
  copies?: readonly string[];
  /**
   * When identical claims were read folded into one and counted rather than spelled out (a statement can
   * have tens of thousands of copies): how many it stands for, itself included. Its copies' ids are then
   * not at hand ({@link idsOf} refuses it); the caller reads them where it writes something of theirs.
   */
  weight?: number;
};

/** How many claims `claim` stands for (its {@link AnalysisClaim.copies} or {@link AnalysisClaim.weight}, or itself). */
export function weightOf(claim: Pick<AnalysisClaim, "copies" | "weight">): number {
  return claim.copies?.length ?? claim.weight ?? 1;
}

/** The ids of the claims `claim` stands for. */
export function idsOf(claim: Pick<AnalysisClaim, "id" | "copies" | "weight">): readonly string[] {
  if (!claim.copies && (claim.weight ?? 1) > 1) throw new Error(`The copies of claim ${claim.id} were counted, not read.`);
  return claim.copies ?? [claim.id];
}

/** How many claims the claims at `members` stand for. */
function weightOfMembers(claims: readonly AnalysisClaim[], members: readonly number[]): number {
  let total = 0;
  for (const index of members) total += weightOf(claims[index]!);
  return total;
}

export type ClusterType = "statement" | "figure";

export type Cluster = {
  key: string;
  type: ClusterType;
  label: string;
  about: string | null;
  value: number | null;
  unit: string | null;
  speaker: string | null;
  issue: string | null;
  /** Distinct sources, sorted. */
  sources: string[];
  /** Member claims, sorted: every copy of a folded claim, or with `folded` the folded claims themselves. */
  claimIds: string[];
  /** With `folded`: how many claims it holds, copies counted. */
  claimCount?: number;
};

export type ClusterOptions = {
  /** Two statements are the same when the Jaccard similarity of their content words reaches this. */
  statementThreshold?: number;
  /** Two quotes are the same statement when they share a run of this many words (with two content words). */
  fragmentWords?: number;
  /** Statements shorter than this many content words match only word for word. */
  minContentWords?: number;
  /** A cluster must span at least this many sources. */
  minSources?: number;
  /**
   * Name folded claims by their own id in `claimIds` and count their copies in `claimCount`, for a caller that
   * spells out copies only where it writes them: a statement can have tens of thousands.
   */
  folded?: boolean;
};

const DEFAULTS: Required<Omit<ClusterOptions, "folded">> = { statementThreshold: 0.6, fragmentWords: 4, minContentWords: 3, minSources: 2 };

type Statement = { text: string; content: string[]; isQuote: boolean; members: number[] };

/** Claims in id order: the order the analysis works in, so results do not depend on input order. */
export function sortById<T extends { id: string }>(claims: readonly T[]): T[] {
  return [...claims].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function statementText(claim: Pick<AnalysisClaim, "text" | "quote">): string {
  return claim.quote ?? claim.text;
}

/**
 * Groups of claims (indices into `claims`) that make the same statement: word for word once normalized
 * (case, punctuation, quote marks), or with content-word Jaccard similarity ≥ `statementThreshold`, or,
 * for direct quotes, sharing a quoted run of `fragmentWords` words. Candidate pairs for the Jaccard test
 * come from prefix filtering, so the work grows with the number of similar pairs, not all pairs.
 *
 * @see Chaudhuri, Ganti & Kaushik (2006), "A Primitive Operator for Similarity Joins in Data Cleaning", ICDE
 *   (prefix filtering: two sets with Jaccard ≥ t share a token among their first |x| − ⌈t·|x|⌉ + 1 rarest tokens).
 */
export function groupStatements(claims: readonly AnalysisClaim[], options: ClusterOptions = {}): number[][] {
  const { statementThreshold, fragmentWords, minContentWords } = { ...DEFAULTS, ...options };
  const byText = new Map<string, Statement>();
  claims.forEach((claim, index) => {
    const sequence = words(statementText(claim));
    if (sequence.length < 2) return;
    const text = sequence.join(" ");
    const existing = byText.get(text);
    if (existing) {
      existing.members.push(index);
      existing.isQuote ||= claim.kind === "quote";
      return;
    }
    byText.set(text, { text, content: [...new Set(contentWords(text))], isQuote: claim.kind === "quote", members: [index] });
  });
  const statements = [...byText.values()];
  const sets = new UnionFind(statements.length);

  const frequency = new Map<string, number>();
  for (const statement of statements) for (const word of statement.content) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const order = (a: string, b: string) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  const contentSets = statements.map((statement) => new Set(statement.content));
  const prefixIndex = new Map<string, number[]>();
  statements.forEach((statement, index) => {
    const size = statement.content.length;
    if (size < minContentWords) return;
    const prefix = [...statement.content].sort(order).slice(0, size - Math.ceil(statementThreshold * size) + 1);
    const seen = new Set<number>();
    for (const word of prefix) {
      const posting = prefixIndex.get(word);
      for (const other of posting ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        if (jaccard(contentSets[index]!, contentSets[other]!) >= statementThreshold) sets.union(index, other);
      }
      if (posting) posting.push(index);
      else prefixIndex.set(word, [index]);
    }
  });

  const fragments = new Map<string, number>();
  statements.forEach((statement, index) => {
    if (!statement.isQuote) return;
    const sequence = statement.text.split(" ");
    for (let start = 0; start + fragmentWords <= sequence.length; start += 1) {
      const gram = sequence.slice(start, start + fragmentWords);
      if (gram.filter((word) => !STOPWORDS.has(word)).length < 2) continue;
      const key = gram.join(" ");
      const other = fragments.get(key);
      if (other === undefined) fragments.set(key, index);
      else sets.union(index, other);
    }
  });

  const groups = new Map<number, number[]>();
  statements.forEach((statement, index) => {
    const root = sets.find(index);
    const members = groups.get(root);
    if (members) members.push(...statement.members);
    else groups.set(root, [...statement.members]);
  });
  return [...groups.values()].filter((members) => weightOfMembers(claims, members) > 1).map((members) => members.sort((a, b) => a - b));
}

type FigureEntry = { claim: number; figure: AnalysisFigure; about: Set<string> };

/** The bucket {@link groupFigures} puts a figure in (`unit|value`): null for a range or a score, which is in none. */
export function figureBucket(figure: AnalysisFigure): string | null {
  return figure.high === undefined ? `${figure.unit}|${figure.value}` : null;
}

/**
 * Groups of claims (indices) that cite the same figure: same unit and value, about the same thing
 * (descriptions sharing most content words, see {@link isSameAbout}); a figure whose subject is unknown
 * joins others of unknown subject on a shared issue, and one with neither subject nor issue joins none.
 */
export function groupFigures(claims: readonly AnalysisClaim[]): { value: number; unit: string; claims: number[] }[] {
  const byValue = new Map<string, FigureEntry[]>();
  claims.forEach((claim, index) => {
    for (const figure of claim.figures) {
      const key = figureBucket(figure); // a range or a score is not the same figure as its low end
      if (key === null) continue;
      const entry = { claim: index, figure, about: new Set(figure.about ? contentWords(figure.about) : []) };
      const bucket = byValue.get(key);
      if (bucket) bucket.push(entry);
      else byValue.set(key, [entry]);
    }
  });
  const out: { value: number; unit: string; claims: number[] }[] = [];
  for (const entries of byValue.values()) {
    const sets = new UnionFind(entries.length);
    const byAbout = new Map<string, number>();
    const byIssue = new Map<string, number>();
    entries.forEach((entry, index) => {
      if (entry.about.size > 0) {
        const key = [...entry.about].sort().join(" ");
        const first = byAbout.get(key);
        if (first === undefined) byAbout.set(key, index);
        else sets.union(first, index);
        return;
      }
      for (const issue of claims[entry.claim]!.issues) {
        const first = byIssue.get(issue);
        if (first === undefined) byIssue.set(issue, index);
        else sets.union(first, index);
      }
    });
    const representatives = [...byAbout.values()];
    joinSameAbout(
      representatives.map((index) => entries[index]!.about),
      (a, b) => sets.union(representatives[a]!, representatives[b]!),
    );
    const groups = new Map<number, Set<number>>();
    entries.forEach((entry, index) => {
      if (entry.about.size === 0 && claims[entry.claim]!.issues.length === 0) return;
      const root = sets.find(index);
      const members = groups.get(root) ?? new Set<number>();
      members.add(entry.claim);
      groups.set(root, members);
    });
    const { value, unit } = entries[0]!.figure;
    for (const members of groups.values()) {
      const sorted = [...members].sort((a, b) => a - b);
      if (weightOfMembers(claims, sorted) > 1) out.push({ value, unit, claims: sorted });
    }
  }
  return out;
}

/** `size`: how many claims the members stand for. */
type Candidate = { type: ClusterType; members: number[]; size: number; sourceCount: number; value: number | null; unit: string | null; order: string };

function sourceCount(claims: readonly AnalysisClaim[], members: readonly number[]): number {
  return new Set(members.map((index) => claims[index]!.source)).size;
}

/**
 * Clusters of claims across sources: the same statement ({@link groupStatements}) or the same figure
 * ({@link groupFigures}), each spanning at least `minSources` sources. A claim belongs to at most one
 * cluster: clusters are taken widest first (most sources, then most claims, figures before statements),
 * and each keeps only the claims no wider cluster took; one left spanning too few sources is dropped.
 * Clusters come widest first; keys are stable for the same content ("figure:percent:100:…", "statement:…").
 * `statements`, when given, is `groupStatements` of the claims in {@link sortById} order (to share the work
 * with `findDiscrepancies`).
 */
export function clusterClaims(input: readonly AnalysisClaim[], options: ClusterOptions = {}, statements?: number[][]): Cluster[] {
  const { minSources, folded = false } = { ...DEFAULTS, ...options };
  const claims = sortById(input);
  const candidates: Candidate[] = [];
  for (const members of statements ?? groupStatements(claims, options)) {
    candidates.push({
      type: "statement",
      members,
      size: weightOfMembers(claims, members),
      sourceCount: sourceCount(claims, members),
      value: null,
      unit: null,
      order: claims[members[0]!]!.id,
    });
  }
  for (const group of groupFigures(claims)) {
    candidates.push({
      type: "figure",
      members: group.claims,
      size: weightOfMembers(claims, group.claims),
      sourceCount: sourceCount(claims, group.claims),
      value: group.value,
      unit: group.unit,
      order: claims[group.claims[0]!]!.id,
    });
  }
  candidates.sort(
    (a, b) =>
      b.sourceCount - a.sourceCount ||
      b.size - a.size ||
      (a.type === b.type ? 0 : a.type === "figure" ? -1 : 1) ||
      (a.order < b.order ? -1 : a.order > b.order ? 1 : 0) ||
      (a.value ?? 0) - (b.value ?? 0),
  );

  const taken = new Set<number>();
  const keys = new Set<string>();
  const clusters: Cluster[] = [];
  for (const candidate of candidates) {
    if (candidate.sourceCount < minSources) continue;
    const members = candidate.members.filter((index) => !taken.has(index));
    if (sourceCount(claims, members) < minSources) continue;
    for (const index of members) taken.add(index);
    const cluster = describeCluster(claims, candidate, members, folded);
    let key = cluster.key;
    for (let suffix = 2; keys.has(key); suffix += 1) key = `${cluster.key}~${suffix}`;
    keys.add(key);
    clusters.push({ ...cluster, key });
  }
  return clusters;
}

/** Each of `claims`' items (`itemsOf`), with the weight of the claim it comes from, for {@link mostCommon}. */
export function weighted<T>(claims: readonly AnalysisClaim[], itemsOf: (claim: AnalysisClaim) => readonly T[]): [T[], number[]] {
  const items: T[] = [];
  const weights: number[] = [];
  for (const claim of claims) {
    const weight = weightOf(claim);
    for (const item of itemsOf(claim)) {
      items.push(item);
      weights.push(weight);
    }
  }
  return [items, weights];
}

function describeCluster(claims: readonly AnalysisClaim[], candidate: Candidate, members: number[], folded: boolean): Cluster {
  const memberClaims = members.map((index) => claims[index]!);
  const weights = memberClaims.map(weightOf);
  const speaker = mostCommon(
    memberClaims.map((claim) => claim.speaker),
    weights,
  );
  const issue = mostCommon(...weighted(memberClaims, (claim) => claim.issues));
  const sources = [...new Set(memberClaims.map((claim) => claim.source))].sort();
  const claimIds = !folded && memberClaims.some((claim) => weightOf(claim) > 1) ? memberClaims.flatMap(idsOf).sort() : memberClaims.map((claim) => claim.id);
  const counted = folded ? { claimCount: weights.reduce((sum, weight) => sum + weight, 0) } : {};
  if (candidate.type === "figure") {
    const [figures, figureWeights] = weighted(memberClaims, (claim) =>
      claim.figures.filter((figure) => figure.unit === candidate.unit && figure.value === candidate.value),
    );
    const about = mostCommon(
      figures.map((figure) => figure.about?.trim()),
      figureWeights,
    );
    const formatted = formatFigure(candidate.value!, candidate.unit!);
    return {
      key: `figure:${unitKey(candidate.unit!)}:${candidate.value}:${stableHash(about ? [...new Set(contentWords(about))].sort().join(" ") : `issue:${issue ?? ""}`)}`,
      type: "figure",
      label: about ? `${formatted} — ${about}` : formatted,
      about,
      value: candidate.value,
      unit: candidate.unit,
      speaker,
      issue,
      sources,
      claimIds,
      ...counted,
    };
  }
  const texts = memberClaims.map((claim) =>
    statementText(claim)
      .trim()
      .replace(/[\s,;:]+$/u, ""),
  );
  const text = mostCommon(texts, weights) ?? texts[0]!;
  const isQuote = memberClaims.some((claim, index) => claim.kind === "quote" && texts[index] === text);
  return {
    key: `statement:${stableHash(words(text).join(" "))}`,
    type: "statement",
    label: isQuote ? `“${text}”` : text,
    about: null,
    value: null,
    unit: null,
    speaker,
    issue,
    sources,
    claimIds,
    ...counted,
  };
}

/** What finds a claim's possible statement partners through an index: its words as compared word for word, its content words, and for a direct quote its runs of words. */
export type StatementKeys = { text: string | null; content: string[]; grams: string[] };

/** The {@link StatementKeys} of a claim, exactly as {@link groupStatements} compares it. */
export function statementKeys(claim: Pick<AnalysisClaim, "kind" | "text" | "quote">, options: ClusterOptions = {}): StatementKeys {
  const { fragmentWords } = { ...DEFAULTS, ...options };
  const sequence = words(statementText(claim));
  if (sequence.length < 2) return { text: null, content: [], grams: [] };
  const text = sequence.join(" ");
  const grams = new Set<string>();
  if (claim.kind === "quote") {
    for (let start = 0; start + fragmentWords <= sequence.length; start += 1) {
      const gram = sequence.slice(start, start + fragmentWords);
      if (gram.filter((word) => !STOPWORDS.has(word)).length >= 2) grams.add(gram.join(" "));
    }
  }
  return { text, content: [...new Set(contentWords(text))], grams: [...grams] };
}

/**
 * How to find, through an index of content words, every statement whose content-word Jaccard similarity
 * with `content` can reach the threshold: it shares one of `words` (any |C| − ⌈t·|C|⌉ + 1 of C's words will
 * do, since such a statement holds at least ⌈t·|C|⌉ of them; the longest are taken as likely the rarest) and
 * has between `min` and `max` content words. Null for a statement too short to match except word for word.
 */
export function similarityProbe(content: readonly string[], options: ClusterOptions = {}): { words: string[]; min: number; max: number } | null {
  const { statementThreshold: t, minContentWords } = { ...DEFAULTS, ...options };
  const size = content.length;
  if (size < minContentWords) return null;
  const prefix = [...content].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)).slice(0, size - Math.ceil(t * size - 1e-9) + 1);
  return { words: prefix, min: Math.max(minContentWords, Math.ceil(t * size - 1e-9)), max: Math.floor(size / t + 1e-9) };
}

/**
 * Claim id → its group for the claims in groups of several: the statement group (`groupStatements`) as its
 * smallest claim id, and the same-figure groups (`groupFigures`) as `unit|value|smallest claim id`. Claims
 * in {@link sortById} order; `statements` as for {@link clusterClaims}. Every copy of a claim is in its groups:
 * with `copies: false` only the claim's own id is listed.
 */
export function claimGroups(
  input: readonly AnalysisClaim[],
  statements?: number[][],
  { copies = true }: { copies?: boolean } = {},
): { statement: Map<string, string>; figures: Map<string, string[]> } {
  const claims = sortById(input);
  const listed = copies ? idsOf : (claim: AnalysisClaim) => [claim.id];
  const statement = new Map<string, string>();
  for (const members of statements ?? groupStatements(claims)) {
    const id = claims[members[0]!]!.id;
    for (const index of members) for (const claimId of listed(claims[index]!)) statement.set(claimId, id);
  }
  const figures = new Map<string, string[]>();
  for (const group of groupFigures(claims)) {
    const id = `${group.unit}|${group.value}|${claims[group.claims[0]!]!.id}`;
    for (const index of group.claims) {
      for (const claimId of listed(claims[index]!)) {
        const list = figures.get(claimId);
        if (list) list.push(id);
        else figures.set(claimId, [id]);
      }
    }
  }
  return { statement, figures };
}

/**
 * The claims whose clusters can change when `seeds` change: the seeds, every claim in a group (statement or
 * figure) with one of them or in `seedGroups`, and so on until no group adds a claim, since a claim in two
 * candidate clusters is taken by the wider one ({@link clusterClaims}). `groupsOf` and `membersOf` read the
 * stored groups. Clustering the result alone gives the same clusters for it as clustering every claim.
 */
export async function expandToGroups(
  seeds: Iterable<string>,
  seedGroups: Iterable<string>,
  groupsOf: (claimIds: string[]) => Promise<string[]>,
  membersOf: (groups: string[]) => Promise<string[]>,
): Promise<Set<string>> {
  const claims = new Set(seeds);
  const groups = new Set<string>();
  let pending = [...seedGroups];
  let frontier = [...claims];
  while (frontier.length > 0 || pending.length > 0) {
    const found = frontier.length > 0 ? await groupsOf(frontier) : [];
    const fresh = [...new Set([...pending, ...found])].filter((group) => !groups.has(group));
    pending = [];
    for (const group of fresh) groups.add(group);
    frontier = fresh.length > 0 ? [...new Set(await membersOf(fresh))].filter((id) => !claims.has(id)) : [];
    for (const id of frontier) claims.add(id);
  }
  return claims;
}
