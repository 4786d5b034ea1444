export type Excerpt = { before: string; claim: string; after: string };

/**
 * The sentence around a claim, cut from a window of the article text that the database returned by
 * code points (PostgreSQL `substr`) while offsets are UTF-16 code units: the claim's own text, found near
 * where it should be, anchors the cut, so the sentence comes out exact even when the two counts drift.
 * Falls back to the claim alone when the window does not hold it.
 */
export function excerptAround(
  window: string,
  windowStart: number,
  claim: { start: number; end: number; text: string },
  sentence: { start: number; end: number },
): Excerpt {
  const expected = claim.start - windowStart;
  const from = Math.max(0, Math.min(window.length, expected) - 64);
  const at = window.indexOf(claim.text, from);
  if (at < 0 || claim.text.length === 0) return { before: "", claim: claim.text, after: "" };
  const start = Math.max(0, at - Math.max(0, claim.start - sentence.start));
  const end = Math.min(window.length, at + claim.text.length + Math.max(0, sentence.end - claim.end));
  return { before: window.slice(start, at), claim: claim.text, after: window.slice(at + claim.text.length, end) };
}
