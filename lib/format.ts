const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "3 Jan 2026": dates are shown in UTC so every reader sees the same day. */
export function formatDate(date: Date): string {
  return DATE.format(date);
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
