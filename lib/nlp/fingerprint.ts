/** What identifies a claim across re-derivations: its canonical speaker and its words. */
export type FingerprintInput = { speaker: string | null; text: string };

/** Characters outside ASCII, C1 controls and curly quotes and dashes, the only ones NFKC may change. */
const NFKC_MAY_CHANGE = /[^\u0000-\u009f\u2013\u2014\u2018\u2019\u201c\u201d]/u;

/** Quote and dash styles and the plain mark each stands for. */
const PLAIN_MARKS = new Map<string, string>([
  ...[..."‘’‛′`"].map((c): [string, string] => [c, "'"]),
  ...[..."“”„‟«»″"].map((c): [string, string] => [c, '"']),
  ...[..."‐‑‒–—―"].map((c): [string, string] => [c, "-"]),
]);

function normalize(text: string): string {
  return (NFKC_MAY_CHANGE.test(text) ? text.normalize("NFKC") : text)
    .toLowerCase()
    .replace(/[‘’‛′`“”„‟«»″‐‑‒–—―]/gu, (mark) => PLAIN_MARKS.get(mark) as string)
    .replace(/&[a-z]+;|&#x?[0-9a-f]+;/gu, " ")
    .replace(/\s+/gu, " ")
    .replace(/^[\s"'.,;:!?-]+|[\s"'.,;:!?-]+$/gu, "");
}

/** 53-bit hashes of a text under seeds 0 and 1, in one pass over it. */
function hash53Pair(text: string): [number, number] {
  let a1 = 0xdeadbeef;
  let a2 = 0x41c6ce57;
  let b1 = 0xdeadbeef ^ 1;
  let b2 = 0x41c6ce57 ^ 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a1 = Math.imul(a1 ^ ch, 2654435761);
    a2 = Math.imul(a2 ^ ch, 1597334677);
    b1 = Math.imul(b1 ^ ch, 2654435761);
    b2 = Math.imul(b2 ^ ch, 1597334677);
  }
  return [finish53(a1, a2), finish53(b1, b2)];
}

function finish53(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const speakerKeys = new Map<string, string>();

/** `normalize` of a speaker's name, remembered: an article names few speakers, many times. */
function normalizedSpeaker(name: string): string {
  let key = speakerKeys.get(name);
  if (key === undefined) {
    key = normalize(name);
    if (speakerKeys.size >= 10_000) speakerKeys.clear();
    speakerKeys.set(name, key);
  }
  return key;
}

/**
 * A stable fingerprint of a claim: a hash of its canonical speaker and its text, normalised for
 * case, quote and dash styles, entities, whitespace and surrounding punctuation, so an editor's
 * correction stays attached when the article is derived again and the same claim comes out.
 */
export function claimFingerprint({ speaker, text }: FingerprintInput): string {
  const key = `${normalizedSpeaker(speaker ?? "")}\u0000${normalize(text)}`;
  const [first, second] = hash53Pair(key);
  return `c1_${first.toString(16).padStart(14, "0")}${second.toString(16).padStart(14, "0")}`;
}
