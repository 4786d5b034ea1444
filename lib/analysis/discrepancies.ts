/**
 * Where sources disagree: figures about the same thing with different values, and the same figure or
 * statement put in different mouths. Pure: plain claims in, discrepancies out.
 */
import { UNNAMED_SOURCE } from "@/lib/nlp/speakers";
import { groupStatements, sortById, weighted, weightOf, type AnalysisClaim, type ClusterOptions } from "./clusters";
import { contentWords, formatFigure, joinSameAbout, mostCommon, OverlapIndex, stableHash, UnionFind, unitKey } from "./similarity";

export type DiscrepancyKind = "figure" | "attribution";

export type DiscrepancyItem = {
  /** What this source has: the figure as shown ("95%") or the statement. */
  value: string;
  /** The figure as written ("close to 95%"), for figures. */
  raw: string | null;
  speaker: string | null;
  source: string;
  claimId: string;
};

export type Discrepancy = {
  key: string;
  kind: DiscrepancyKind;
  about: string;
  issue: string | null;
  items: DiscrepancyItem[];
};

const MAX_ITEMS = 40;

type Entry = { claim: AnalysisClaim; value: number; unit: string; raw: string; about: string | null; words: Set<string> };

function isNamed(speaker: string | null): speaker is string {
  return Boolean(speaker) && speaker !== UNNAMED_SOURCE;
}

/**
 * Whether two items differ in speaker (both named) while coming from different sources. That holds
 * exactly when the named items have at least two speakers and at least two sources: if every pair with
 * different speakers shared a source, an item from any other source would need every speaker at once.
 */
function hasAttributionConflict(items: readonly { speaker: string | null; source: string }[]): boolean {
  const speakers = new Set<string>();
  const sources = new Set<string>();
  for (const item of items) {
    if (!isNamed(item.speaker)) continue;
    speakers.add(item.speaker);
    sources.add(item.source);
  }
  return speakers.size > 1 && sources.size > 1;
}

/** At most `limit` items, taken in turn from each value so that every value stays represented. */
function capItems(items: DiscrepancyItem[], limit: number): DiscrepancyItem[] {
  if (items.length <= limit) return items;
  const byValue = new Map<string, DiscrepancyItem[]>();
  for (const item of items) {
    const queue = byValue.get(item.value);
    if (queue) queue.push(item);
    else byValue.set(item.value, [item]);
  }
  const queues = [...byValue.values()];
  const kept = new Set<DiscrepancyItem>();
  for (let round = 0; kept.size < limit; round += 1) {
    const before = kept.size;
    for (const queue of queues) {
      const item = queue[round];
      if (item && kept.size < limit) kept.add(item);
    }
    if (kept.size === before) break;
  }
  return items.filter((item) => kept.has(item));
}

function dedupe(items: DiscrepancyItem[]): DiscrepancyItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.value}\u0000${item.speaker ?? ""}\u0000${item.source}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Figures grouped by unit and by what they are about, across values. Figures with a stated subject are
 * joined when their subjects match ({@link isSameAbout}). A figure without one joins the group, of those
 * on an issue its claim bears on, one of whose subjects its claim's own words mostly name ("talks on a security
 * guarantee were close to 95% complete" joins "US-Ukraine security guarantees"), if exactly one does.
 */
function figureSubjects(claims: readonly AnalysisClaim[]): Entry[][] {
  const byUnit = new Map<string, { named: Entry[]; unnamed: Entry[] }>();
  for (const claim of claims) {
    for (const figure of claim.figures) {
      const about = figure.about?.trim() || null;
      const words = new Set(about ? contentWords(about) : []);
      const entry = { claim, value: figure.value, unit: figure.unit, raw: figure.raw, about: words.size > 0 ? about : null, words };
      const unit = byUnit.get(figure.unit) ?? { named: [], unnamed: [] };
      (entry.about ? unit.named : unit.unnamed).push(entry);
      byUnit.set(figure.unit, unit);
    }
  }
  const subjects: Entry[][] = [];
  for (const { named, unnamed } of byUnit.values()) {
    const groups = joinBySubject(named);
    const described = groups.map((group) => ({
      group,
      subjects: [...new Map(group.map((entry) => [[...entry.words].sort().join(" "), entry.words])).values()],
      issues: new Set(group.flatMap((entry) => entry.claim.issues)),
    }));
    // Only a group with a subject mostly named by the claim's words can be joined; the index finds those.
    const subjectOf = described.flatMap((item, group) => item.subjects.map((words) => ({ group, words })));
    const index = new OverlapIndex(subjectOf.map((subject) => subject.words));
    for (const entry of unnamed) {
      const text = new Set(contentWords(entry.claim.text));
      let best: Entry[] | null = null;
      let bestScore = 0;
      let isTied = false;
      const candidates = new Set(index.candidates(text).map((subject) => subjectOf[subject]!.group));
      for (const { group, subjects, issues } of [...candidates].sort((a, b) => a - b).map((position) => described[position]!)) {
        if (!entry.claim.issues.some((issue) => issues.has(issue))) continue;
        const score = Math.max(...subjects.map((words) => [...words].filter((word) => text.has(word)).length / words.size));
        if (score > bestScore) [best, bestScore, isTied] = [group, score, false];
        else if (score === bestScore && best !== group) isTied = true;
      }
      if (best && !isTied && bestScore >= 2 / 3) best.push(entry);
    }
    subjects.push(...groups);
  }
  return subjects;
}

function joinBySubject(entries: Entry[]): Entry[][] {
  const sets = new UnionFind(entries.length);
  const byKey = new Map<string, number>();
  entries.forEach((entry, index) => {
    const key = [...entry.words].sort().join(" ");
    const first = byKey.get(key);
    if (first === undefined) byKey.set(key, index);
    else sets.union(first, index);
  });
  const representatives = [...byKey.values()];
  joinSameAbout(
    representatives.map((index) => entries[index]!.words),
    (a, b) => sets.union(representatives[a]!, representatives[b]!),
  );
  const groups = new Map<number, Entry[]>();
  entries.forEach((entry, index) => {
    const root = sets.find(index);
    const group = groups.get(root);
    if (group) group.push(entry);
    else groups.set(root, [entry]);
  });
  return [...groups.values()];
}

/** A discrepancy with what it is recomputed from: all figures of one unit, or one statement's group. */
export type ScopedDiscrepancy = { discrepancy: Discrepancy; scope: DiscrepancyScope };
/** `unit:<unit>` for discrepancies among figures (every figure of that unit is needed), `statement` for one statement group's. */
export type DiscrepancyScope = `unit:${string}` | "statement";

/**
 * Discrepancies among claims:
 * - `figure`: figures with the same unit about the same thing (see `isSameAbout`) whose values differ
 *   between claims — one speaker says 95%, another 100%, in one source or across sources;
 * - `attribution`: the same figure, or the same statement (see `groupStatements`), that one source gives
 *   to one named speaker and another source to a different named speaker.
 * Each item is one (value, speaker, source), with the first claim that has it; at most 40 per
 * discrepancy, every value kept. `statements` as for `clusterClaims`. Two numbers can only
 * disagree about something: a figure whose subject is neither stated nor named by its claim's words
 * (see `figureSubjects`) is left out. Sorted figure discrepancies
 * first, then by how many sources they involve; keys are stable for the same content.
 */
export function findDiscrepancies(input: readonly AnalysisClaim[], options: ClusterOptions = {}, statements?: number[][]): Discrepancy[] {
  const claims = sortById(input);
  return orderDiscrepancies([
    ...findFigureDiscrepancies(claims).map((found) => found.discrepancy),
    ...findStatementDiscrepancies(claims, statements ?? groupStatements(claims, options)),
  ]);
}

/**
 * The figure discrepancies of {@link findDiscrepancies}, unordered, each with its unit's scope: those of a
 * unit depend only on the figures of that unit, so a run that has every figure of some units gets theirs exactly.
 */
export function findFigureDiscrepancies(input: readonly AnalysisClaim[]): ScopedDiscrepancy[] {
  const claims = sortById(input);
  const found: ScopedDiscrepancy[] = [];
  for (const entries of figureSubjects(claims)) {
    const values = new Set(entries.map((entry) => entry.value));
    // Two values from one claim (a range read as two figures, say) are no conflict; copies of a claim are several claims.
    const citing = new Set(entries.map((entry) => entry.claim));
    const hasValueConflict = values.size > 1 && [...citing].reduce((sum, claim) => sum + weightOf(claim), 0) > 1;
    const byValue = new Map<number, { speaker: string | null; source: string }[]>();
    for (const entry of entries) {
      const item = { speaker: entry.claim.speaker, source: entry.claim.source };
      const same = byValue.get(entry.value);
      if (same) same.push(item);
      else byValue.set(entry.value, [item]);
    }
    const hasSpeakerConflict = [...byValue.values()].some(hasAttributionConflict);
    if (!hasValueConflict && !hasSpeakerConflict) continue;
    const weights = entries.map((entry) => weightOf(entry.claim));
    const about = mostCommon(
      entries.map((entry) => entry.about),
      weights,
    )!;
    const unit = unitKey(entries[0]!.unit);
    const sorted = [...entries].sort((a, b) => a.value - b.value || (a.claim.id < b.claim.id ? -1 : 1));
    const items = capItems(
      dedupe(
        sorted.map((entry) => ({
          value: formatFigure(entry.value, entry.unit),
          raw: entry.raw,
          speaker: entry.claim.speaker,
          source: entry.claim.source,
          claimId: entry.claim.id,
        })),
      ),
      MAX_ITEMS,
    );
    found.push({
      scope: `unit:${entries[0]!.unit}`,
      discrepancy: {
        key: `${hasValueConflict ? "figure" : "attribution"}:${unit}:${stableHash([...new Set(contentWords(about))].sort().join(" "))}`,
        kind: hasValueConflict ? "figure" : "attribution",
        about,
        issue: mostCommon(
          ...weighted(
            entries.map((entry) => entry.claim),
            (claim) => claim.issues,
          ),
        ),
        items,
      },
    });
  }
  return found;
}

/**
 * The attribution discrepancies of {@link findDiscrepancies} among statement groups (`groupStatements`
 * of `claims` in {@link sortById} order), unordered: each depends only on its group's claims.
 */
export function findStatementDiscrepancies(claims: readonly AnalysisClaim[], statements: readonly number[][]): Discrepancy[] {
  const found: Discrepancy[] = [];
  for (const members of statements) {
    const group = members.map((index) => claims[index]!);
    if (!hasAttributionConflict(group)) continue;
    const texts = group.map((claim) => (claim.quote ?? claim.text).trim());
    const text = mostCommon(texts, group.map(weightOf))!;
    found.push({
      key: `attribution:statement:${stableHash(text.toLowerCase())}`,
      kind: "attribution",
      about: text,
      issue: mostCommon(...weighted(group, (claim) => claim.issues)),
      items: capItems(
        dedupe(
          group
            .filter((claim) => isNamed(claim.speaker))
            .map((claim) => ({ value: (claim.quote ?? claim.text).trim(), raw: null, speaker: claim.speaker, source: claim.source, claimId: claim.id })),
        ),
        MAX_ITEMS,
      ),
    });
  }

  return found;
}

/** Discrepancies in the order {@link findDiscrepancies} gives them, with a suffix on any repeated key. */
export function orderDiscrepancies<T extends Discrepancy>(found: T[], taken: ReadonlySet<string> = new Set()): T[] {
  const sourceCount = (discrepancy: Discrepancy) => new Set(discrepancy.items.map((item) => item.source)).size;
  found.sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === "figure" ? -1 : 1) ||
      sourceCount(b) - sourceCount(a) ||
      b.items.length - a.items.length ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const keys = new Set<string>(taken);
  return found.map((discrepancy) => {
    let key = discrepancy.key;
    for (let suffix = 2; keys.has(key); suffix += 1) key = `${discrepancy.key}~${suffix}`;
    keys.add(key);
    return { ...discrepancy, key };
  });
}
