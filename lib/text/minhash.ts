const SHINGLE_SIZE = 5;
export const MINHASH_SIZE = 64;
const BAND_ROWS = 4;

/** Lower-cased words with punctuation and spacing differences removed: what "the same text" means. */
export function normalizeForComparison(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"')
    .replace(/[^\p{L}\p{N}'"%]+/gu, " ")
    .trim();
}

/** FNV-1a, 32-bit, as a signed integer (PostgreSQL `integer`). */
function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash | 0;
}

/** A 32-bit integer finalizer (murmur3's fmix32): one independent hash function per seed. */
function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

const SEEDS = Array.from({ length: MINHASH_SIZE }, (_, index) => Math.imul(index + 1, 0x9e3779b1) >>> 0);

/**
 * MinHash signature over word 5-shingles: the share of equal positions of two signatures estimates the
 * Jaccard similarity of their shingle sets.
 * @see Broder 1997, "On the resemblance and containment of documents".
 */
export function minhashSignature(normalized: string): number[] {
  const words = normalized.split(" ").filter(Boolean);
  const shingles = new Set<string>();
  if (words.length < SHINGLE_SIZE) shingles.add(words.join(" "));
  for (let index = 0; index + SHINGLE_SIZE <= words.length; index += 1) {
    shingles.add(words.slice(index, index + SHINGLE_SIZE).join(" "));
  }
  const signature = new Int32Array(MINHASH_SIZE).fill(0x7fffffff);
  for (const shingle of shingles) {
    const base = fnv1a(shingle, 0);
    for (let slot = 0; slot < MINHASH_SIZE; slot += 1) {
      const value = mix(base ^ (SEEDS[slot] ?? 0));
      if (value < signature[slot]!) signature[slot] = value;
    }
  }
  return Array.from(signature);
}

/** Band hashes for locality-sensitive lookup: 16 bands of 4 rows find pairs at ≥ 0.9 similarity almost surely. */
export function lshBands(signature: number[]): number[] {
  const bands: number[] = [];
  for (let start = 0; start < signature.length; start += BAND_ROWS) {
    bands.push(fnv1a(signature.slice(start, start + BAND_ROWS).join(","), start));
  }
  return bands;
}

export function estimateSimilarity(a: number[], b: number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let equal = 0;
  for (let index = 0; index < a.length; index += 1) if (a[index] === b[index]) equal += 1;
  return equal / a.length;
}
