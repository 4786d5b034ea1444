/**
 * The first `limit` of `items` in the order `compare` gives (as `[...items].sort(compare).slice(0, limit)`),
 * kept in a sorted list of at most `limit` while going through them once, so a long list is never sorted
 * whole. Pure. `compare` must be a total order (no two items equal), as a tie would leave the result to
 * the sort's stability.
 */
export function firstInOrder<T>(items: Iterable<T>, limit: number, compare: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  if (limit <= 0) return kept;
  for (const item of items) {
    if (kept.length === limit && compare(item, kept.at(-1)!) >= 0) continue;
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(kept[middle]!, item) < 0) low = middle + 1;
      else high = middle;
    }
    kept.splice(low, 0, item);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}
