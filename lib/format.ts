const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "3 Jan 2026": dates are shown in UTC so every reader sees the same day. */
export function formatDate(date: Date): string {
  return DATE.format(date);
}

const STAMP = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  hour12: false,
});

/** "23 Nov 2026, 14:05 UTC": a moment (when a brief was rendered), the same for every reader. */
export function formatStamp(date: Date): string {
  return `${STAMP.format(date)} UTC`;
}

/** "18%", "under 1%" for a small non-zero share, "0%": shares of text or claims, 0–1. */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.01) return "under 1%";
  return `${Math.round(share * 100)}%`;
}

const COUNT = new Intl.NumberFormat("en-US");

/** "1,234": one formatter for every count (`toLocaleString` builds a new one at each call). */
export function formatCount(count: number): string {
  return COUNT.format(count);
}

/** "1 claim", "3 claims". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${COUNT.format(count)} ${count === 1 ? singular : pluralForm}`;
}

/**
 * A list's count that stops at a cap (lib/data/capped-count.ts): "3 claims", or "more than 10,000 claims"
 * ("More…" with `atStart`, to begin a sentence).
 */
export function cappedPlural(count: { total: number; isTotalCapped: boolean }, singular: string, { atStart = false } = {}): string {
  return count.isTotalCapped ? `${atStart ? "More" : "more"} than ${plural(count.total, singular)}` : plural(count.total, singular);
}
