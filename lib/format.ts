const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "3 Jan 2026": dates are shown in UTC so every reader sees the same day. */
export function formatDate(date: Date): string {
  return DATE.format(date);
}
