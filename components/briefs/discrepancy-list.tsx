import { Badge } from "@/components/ui/badge";
import type { DiscrepancyView } from "@/lib/data/briefs";
import type { StoredDiscrepancyItem } from "@/lib/analysis/run/refresh";

export type DiscrepancyListProps = {
  discrepancies: DiscrepancyView[];
  /** Show which issue each belongs to (the dashboard mixes issues). */
  showIssue?: boolean;
  emptyText: string;
  /** For a brief outside the app (a share page): each article's own address by id, linked instead of the app's reader. */
  publicArticleUrls?: Record<string, string | null>;
};

const KIND_LABEL: Record<DiscrepancyView["kind"], string> = {
  figure: "Figures disagree",
  attribution: "Attributed to different speakers",
};

const SOURCES_SHOWN = 3;
/** Rows (what is said × by whom) shown per discrepancy; the rest are counted. */
const ROWS_SHOWN = 3;

type Row = { value: string; raws: string[]; speaker: string | null; items: StoredDiscrepancyItem[] };

/** Items grouped by what is said and by whom, in the stored order (figures ascending). */
function rowsOf(items: StoredDiscrepancyItem[]): Row[] {
  const rows = new Map<string, Row>();
  for (const item of items) {
    const key = `${item.value}\u0000${item.speaker ?? ""}`;
    const row = rows.get(key) ?? { value: item.value, raws: [], speaker: item.speaker, items: [] };
    if (item.raw && item.raw !== item.value && !row.raws.includes(item.raw)) row.raws.push(item.raw);
    row.items.push(item);
    rows.set(key, row);
  }
  return [...rows.values()];
}

/**
 * Each discrepancy as a small table: what is said, by whom, and in which sources, each source linking to
 * the claim in its article.
 */
export function DiscrepancyList({ discrepancies, showIssue = false, emptyText, publicArticleUrls }: DiscrepancyListProps) {
  if (discrepancies.length === 0) return <p className="text-sm text-gray-600">{emptyText}</p>;
  return (
    <ul className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      {discrepancies.map((discrepancy) => {
        const headingId = `discrepancy-${discrepancy.key.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
        const rows = rowsOf(discrepancy.items);
        const shown = rows.slice(0, ROWS_SHOWN);
        // A misattributed statement is the heading itself: its rows differ by speaker, and show words only where they differ.
        const wordsColumn = discrepancy.kind === "figure" || shown.some((row) => row.value !== discrepancy.about);
        return (
          <li key={discrepancy.key} className="card border-amber-300 p-4">
            <div className="mb-2 flex flex-wrap items-center gap-2">
              <Badge tone="amber">{KIND_LABEL[discrepancy.kind]}</Badge>
              {showIssue && discrepancy.issue ? (
                <a href={`/issues/${discrepancy.issue.slug}`} className="text-xs text-accent underline">
                  {discrepancy.issue.title}
                </a>
              ) : null}
            </div>
            <h3 id={headingId} className="mb-2 font-semibold">
              {discrepancy.kind === "figure" ? `About ${discrepancy.about}` : `“${discrepancy.about}”`}
            </h3>
            <table aria-labelledby={headingId} className="data-table">
              <thead>
                <tr>
                  {wordsColumn ? <th scope="col">{discrepancy.kind === "figure" ? "Figure" : "Words"}</th> : null}
                  <th scope="col">Said by</th>
                  <th scope="col">According to</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => (
                  <tr key={`${row.value}-${row.speaker ?? ""}`}>
                    {!wordsColumn ? null : discrepancy.kind === "figure" ? (
                      <td className="font-semibold tabular-nums">
                        {row.value}
                        {row.raws.length > 0 ? <span className="meta block font-normal">{`as ${row.raws.map((raw) => `“${raw}”`).join(", ")}`}</span> : null}
                      </td>
                    ) : (
                      <td>{row.value === discrepancy.about ? <span className="meta">the same words</span> : `“${row.value}”`}</td>
                    )}
                    <th scope="row">{row.speaker ?? <span className="italic text-gray-600">no named speaker</span>}</th>
                    <td className="sources">
                      {row.items.slice(0, SOURCES_SHOWN).map((item) =>
                        publicArticleUrls ? (
                          publicArticleUrls[item.articleId] ? (
                            <a key={item.claimId} href={publicArticleUrls[item.articleId]!} rel="noopener noreferrer nofollow">
                              {item.outlet}
                            </a>
                          ) : (
                            <span key={item.claimId}>{item.outlet}</span>
                          )
                        ) : (
                          <a key={item.claimId} href={`/articles/${item.articleId}#claim-${item.claimId}`}>
                            {item.outlet}
                          </a>
                        ),
                      )}
                      {row.items.length > SOURCES_SHOWN ? <span className="meta">{`and ${row.items.length - SOURCES_SHOWN} more`}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length > ROWS_SHOWN ? (
              <p className="meta mt-2">{`and ${rows.length - ROWS_SHOWN} more ${discrepancy.kind === "figure" ? "figures or speakers" : "wordings or speakers"}`}</p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
