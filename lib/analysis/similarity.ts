import crypto from "node:crypto";
import { STOPWORDS, words } from "@/lib/nlp/framing";

/** A light stem so that "guarantees" and "guarantee" compare equal. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) return word.slice(0, -1);
  return word;
}

/**
 * The content words of a text, stemmed, for comparing statements and subjects: stopwords out, numbers
 * kept, dotted initialisms joined ("U.S." → "us") and hyphenated compounds split ("US-Ukraine" → "us", "ukraine").
 */
export function contentWords(text: string): string[] {
  return words(text.replace(/\b(\p{L})\.(\p{L})\.?/gu, "$1$2"))
    .flatMap((word) => word.split("-"))
    .filter((word) => word.length > 0 && !STOPWORDS.has(word))
    .map(stem);
}

/** |A ∩ B| / |A ∪ B|; 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const item of small) if (large.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * Whether two descriptions of what a figure is about ("US-Ukraine security guarantees", "bilateral
 * security guarantees", "the security guarantee") name the same thing: the smaller one's content words are
 * mostly (`threshold`, by default two thirds) found in the larger (the overlap coefficient).
 */
export function isSameAbout(a: ReadonlySet<string>, b: ReadonlySet<string>, threshold = 2 / 3): boolean {
  if (a.size === 0 || b.size === 0) return false;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared += 1;
  return shared / small.size >= threshold - 1e-9;
}

/**
 * Candidates for {@link isSameAbout} (and for "most of a subject's words are in this text") without
 * comparing every pair: each set is indexed by its prefix, its `|S| − ⌈t·|S|⌉ + 1` rarest words. A set S
 * with at least ⌈t·|S|⌉ of its words in another set X has one of its prefix words in X, so probing the index
 * with X's words finds every S that can pass; the work grows with the pairs that share a rare word, not
 * with all pairs.
 *
 * @see Chaudhuri, Ganti & Kaushik (2006), "A Primitive Operator for Similarity Joins in Data Cleaning", ICDE.
 */
export class OverlapIndex {
  private readonly postings = new Map<string, number[]>();

  constructor(sets: readonly ReadonlySet<string>[], threshold = 2 / 3) {
    const frequency = new Map<string, number>();
    for (const set of sets) for (const word of set) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    const order = (a: string, b: string) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
    sets.forEach((set, index) => {
      const prefix = [...set].sort(order).slice(0, set.size - Math.ceil(threshold * set.size - 1e-9) + 1);
      for (const word of prefix) {
        const posting = this.postings.get(word);
        if (posting) posting.push(index);
        else this.postings.set(word, [index]);
      }
    });
  }

  /** Indexes of the sets that may have at least the threshold share of their words in `words`, ascending. */
  candidates(words: Iterable<string>): number[] {
    const found = new Set<number>();
    for (const word of words) for (const index of this.postings.get(word) ?? []) found.add(index);
    return [...found].sort((a, b) => a - b);
  }
}

/**
 * Calls `join(a, b)` for every pair of sets that are the same subject by {@link isSameAbout} (a pair may be
 * reported twice, so `join` should be idempotent, like a union), found through an {@link OverlapIndex}.
 */
export function joinSameAbout(sets: readonly ReadonlySet<string>[], join: (a: number, b: number) => void): void {
  const index = new OverlapIndex(sets);
  sets.forEach((set, b) => {
    for (const a of index.candidates(set)) if (a !== b && isSameAbout(sets[a]!, set)) join(a, b);
  });
}

/** A short stable hash for keys: the same input gives the same key on every run and machine. */
export function stableHash(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/**
 * The most frequent value (ties: the first in sort order), or null for none. `weights`, when given, says
 * how many times each value counts (the value at the same position), as for a claim standing for its copies.
 */
export function mostCommon<T extends string>(values: Iterable<T | null | undefined>, weights?: readonly number[]): T | null {
  const counts = new Map<T, number>();
  let position = 0;
  for (const value of values) {
    if (value) counts.set(value, (counts.get(value) ?? 0) + (weights?.[position] ?? 1));
    position += 1;
  }
  let best: T | null = null;
  let bestCount = 0;
  for (const [value, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** Disjoint sets over 0…n−1 (union by size, path halving). */
export class UnionFind {
  private readonly parent: number[];
  private readonly size: number[];

  constructor(count: number) {
    this.parent = Array.from({ length: count }, (_, index) => index);
    this.size = new Array<number>(count).fill(1);
  }

  find(item: number): number {
    let node = item;
    while (this.parent[node] !== node) {
      const grand = this.parent[this.parent[node]!]!;
      this.parent[node] = grand;
      node = grand;
    }
    return node;
  }

  union(a: number, b: number): void {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return;
    if (this.size[rootA]! < this.size[rootB]!) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA]! += this.size[rootB]!;
  }

  /** The sets with more than one member, each as the list of its members in ascending order. */
  groups(): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let item = 0; item < this.parent.length; item += 1) {
      const root = this.find(item);
      const members = byRoot.get(root);
      if (members) members.push(item);
      else byRoot.set(root, [item]);
    }
    return [...byRoot.values()].filter((members) => members.length > 1);
  }
}

/** A unit as it may appear in a key or an anchor: "%" → "percent", "" → "count". */
export function unitKey(unit: string): string {
  if (unit === "%") return "percent";
  return (
    unit
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "count"
  );
}

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { USD: "$", EUR: "€", GBP: "£", JPY: "¥", UAH: "₴", RUB: "₽" };

/** "95%", "$2.5m", "75 minutes", "1,200 troops": a figure as the analysis shows it, from value and unit. */
export function formatFigure(value: number, unit: string): string {
  const format = (number: number) => number.toLocaleString("en-US", { maximumFractionDigits: 2 });
  if (unit === "%" || unit === "percent") return `${format(value)}%`;
  if (/^[A-Z]{3}$/.test(unit)) {
    const scaled = value >= 1e9 ? `${format(value / 1e9)}bn` : value >= 1e6 ? `${format(value / 1e6)}m` : format(value);
    const symbol = CURRENCY_SYMBOLS[unit];
    return symbol ? `${symbol}${scaled}` : `${scaled} ${unit}`;
  }
  if (!unit) return format(value);
  return `${format(value)} ${value === 1 ? unit.replace(/s$/, "") : unit}`;
}
