/** One paragraph of a comparison of two texts. */
export type ParagraphChange = { type: "same" | "added" | "removed"; text: string };

/** Paragraphs of a text: its lines (news text puts one paragraph on a line), whitespace collapsed, blank ones dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

/** Above this many cells (paragraphs before × after, once the common start and end are set aside) the comparison is by presence. */
export const DIFF_MAX_CELLS = 4_000_000;

/**
 * What changed between two texts, paragraph by paragraph, in the newer text's order. The paragraphs the
 * two texts start and end with in common are "same"; between them, a longest common subsequence is
 * "same", the rest of the old text "removed" and of the new "added" (an edited paragraph is one removed
 * and one added). When the middle parts are too long for the quadratic table ({@link DIFF_MAX_CELLS},
 * e.g. two 2 MB texts of short lines that differ throughout), paragraphs are compared by presence: one
 * found in the other text is "same", so moved paragraphs do not count as changes there.
 * @see Hunt & McIlroy, "An Algorithm for Differential File Comparison" (1976)
 */
export function diffParagraphs(before: string, after: string): ParagraphChange[] {
  const old = paragraphsOf(before);
  const now = paragraphsOf(after);
  let head = 0;
  while (head < old.length && head < now.length && old[head] === now[head]) head += 1;
  let tail = 0;
  while (tail < old.length - head && tail < now.length - head && old[old.length - 1 - tail] === now[now.length - 1 - tail]) tail += 1;
  const a = old.slice(head, old.length - tail);
  const b = now.slice(head, now.length - tail);
  const same = (texts: string[]) => texts.map((text): ParagraphChange => ({ type: "same", text }));
  const middle = a.length * b.length > DIFF_MAX_CELLS ? diffByPresence(a, b) : diffBySubsequence(a, b);
  return [...same(now.slice(0, head)), ...middle, ...same(now.slice(now.length - tail))];
}

function diffByPresence(a: string[], b: string[]): ParagraphChange[] {
  const inA = new Set(a);
  const inB = new Set(b);
  return [
    ...a.filter((text) => !inB.has(text)).map((text): ParagraphChange => ({ type: "removed", text })),
    ...b.map((text): ParagraphChange => ({ type: inA.has(text) ? "same" : "added", text })),
  ];
}

function diffBySubsequence(a: string[], b: string[]): ParagraphChange[] {
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const changes: ParagraphChange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      changes.push({ type: "same", text: b[j]! });
      i += 1;
      j += 1;
    } else if (j < b.length && (i === a.length || lengths[i * width + j + 1]! >= lengths[(i + 1) * width + j]!)) {
      changes.push({ type: "added", text: b[j]! });
      j += 1;
    } else {
      changes.push({ type: "removed", text: a[i]! });
      i += 1;
    }
  }
  return changes;
}
