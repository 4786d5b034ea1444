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
    <div className="mb-4 relative overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table className="data-table boxed">
        <caption className="sr-only">How each source frames the issue, side by side</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col" className="num">
              Coverage
            </th>
            <th scope="col" className="num">
              Claims (quoted / reported / narration)
            </th>
            <th scope="col" className="num">
              First in paragraph
            </th>
            <th scope="col">Voice heard most</th>
            <th scope="col">Verbs</th>
          </tr>
        </thead>
        <tbody>
          {measures.map((row) => (
            <tr key={row.source.key}>
              <th scope="row">{sourceHref ? <a href={sourceHref(row.source.key)}>{row.source.name}</a> : row.source.name}</th>
              <td className="num">{formatShare(row.coverage.share)}</td>
              <td className="num">{`${row.claimCount} (${row.kinds.quote} / ${row.kinds.reported} / ${row.kinds.narration})`}</td>
              <td className="num">{row.prominence.firstParagraph === null ? "—" : row.prominence.firstParagraph + 1}</td>
              <td>{row.dominantVoice ? `${row.dominantVoice.speaker} (${row.dominantVoice.count})` : "no one quoted"}</td>
              <td>
                {row.verbs
                  .slice(0, 3)
                  .map((verb) => `“${verb.verb}”`)
                  .join(", ") || "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
