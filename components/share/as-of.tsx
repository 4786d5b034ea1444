import { formatStamp } from "@/lib/format";

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
