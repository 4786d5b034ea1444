import type { FramingMeasures } from "@/lib/analysis/framing-measures";
import { formatShare } from "@/lib/format";

export type FramingTableProps = {
  measures: FramingMeasures[];
  /** Where a source's row links to for its full framing card; none on a brief outside the app. */
  sourceHref?: (key: string) => string;
};

/**
 * Every source's framing of one issue side by side, one row each: coverage share, claims by kind, where
 * the issue first comes up, the dominant voice and the most used attribution verbs.
 */
export function FramingTable({ measures, sourceHref }: FramingTableProps) {
  return (
    <div className="mb-4 overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">How each source frames the issue, side by side</caption>
        <thead className="bg-gray-50 text-left text-xs text-gray-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">Source</th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">Coverage</th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">Claims (quoted / reported / narration)</th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">First in paragraph</th>
            <th scope="col" className="px-3 py-2 font-semibold">Voice heard most</th>
            <th scope="col" className="px-3 py-2 font-semibold">Verbs</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 tabular-nums">
          {measures.map((row) => (
            <tr key={row.source.key}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {sourceHref ? <a href={sourceHref(row.source.key)} className="text-accent hover:underline">{row.source.name}</a> : row.source.name}
              </th>
              <td className="px-3 py-2 text-right">{formatShare(row.coverage.share)}</td>
              <td className="px-3 py-2 text-right">{`${row.claimCount} (${row.kinds.quote} / ${row.kinds.reported} / ${row.kinds.narration})`}</td>
              <td className="px-3 py-2 text-right">{row.prominence.firstParagraph === null ? "—" : row.prominence.firstParagraph + 1}</td>
              <td className="px-3 py-2">{row.dominantVoice ? `${row.dominantVoice.speaker} (${row.dominantVoice.count})` : "no one quoted"}</td>
              <td className="px-3 py-2">{row.verbs.slice(0, 3).map((verb) => `“${verb.verb}”`).join(", ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
