/** One paragraph of a comparison of two texts. */
export type ParagraphChange = { type: "same" | "added" | "removed"; text: string };

/** Paragraphs of a text: its lines (news text puts one paragraph on a line), whitespace collapsed, blank ones dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

/**
 * What changed between two texts, paragraph by paragraph, in the newer text's order: a longest common
 * subsequence of paragraphs is "same", the rest of the old text "removed" and of the new "added" (an
 * edited paragraph is one removed and one added).
 * @see Hunt & McIlroy, "An Algorithm for Differential File Comparison" (1976)
 */
export function diffParagraphs(before: string, after: string): ParagraphChange[] {
  const a = paragraphsOf(before);
  const b = paragraphsOf(after);
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
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
    } else if (j < b.length && (i === a.length || lengths[i]![j + 1]! >= lengths[i + 1]![j]!)) {
      changes.push({ type: "added", text: b[j]! });
      j += 1;
    } else {
      changes.push({ type: "removed", text: a[i]! });
      i += 1;
    }
  }
  return changes;
}
