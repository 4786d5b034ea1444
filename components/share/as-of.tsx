const STAMP = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  hour12: false,
});

/** "23 Nov 2026, 14:05 UTC": the moment a shared brief was rendered, the same for every reader. */
export function formatStamp(date: Date): string {
  return `${STAMP.format(date)} UTC`;
}

export type AsOfProps = { asOf: Date; analysedAt?: string | null };

/** When a shared page was rendered (and when its analysis last ran): a brief is a snapshot of a story that moves. */
export function AsOf({ asOf, analysedAt }: AsOfProps) {
  return (
    <p className="mt-3 text-sm text-gray-600">
      As of <time dateTime={asOf.toISOString()}>{formatStamp(asOf)}</time>
      {analysedAt ? (
        <>
          {" "}
          · analysis of <time dateTime={analysedAt}>{formatStamp(new Date(analysedAt))}</time>
        </>
      ) : null}
    </p>
  );
}
