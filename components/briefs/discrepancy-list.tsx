import { Badge } from "@/components/ui/badge";
import type { DiscrepancyView } from "@/lib/data/briefs";
import type { StoredDiscrepancyItem } from "@/lib/services/analysis";

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

const SOURCES_SHOWN = 6;

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
    <ul className="grid gap-4 lg:grid-cols-2">
      {discrepancies.map((discrepancy) => {
        const headingId = `discrepancy-${discrepancy.key.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
        return (
          <li key={discrepancy.key} className="break-inside-avoid rounded-lg border border-amber-300 bg-white p-4">
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
            <table aria-labelledby={headingId} className="w-full text-sm">
              <thead className="text-left text-xs text-gray-600">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    {discrepancy.kind === "figure" ? "Figure" : "Words"}
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Said by
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    According to
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {rowsOf(discrepancy.items).map((row) => (
                  <tr key={`${row.value}-${row.speaker ?? ""}`} className="align-top">
                    <td className="py-1.5 pr-3 font-semibold tabular-nums">
                      {discrepancy.kind === "figure" ? row.value : <span className="font-normal">“{row.value}”</span>}
                      {row.raws.length > 0 ? <span className="block text-xs font-normal text-gray-600">as {row.raws.map((raw) => `“${raw}”`).join(", ")}</span> : null}
                    </td>
                    <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                      {row.speaker ?? <span className="italic text-gray-600">no named speaker</span>}
                    </th>
                    <td className="py-1.5">
                      <ul className="space-y-0.5">
                        {row.items.slice(0, SOURCES_SHOWN).map((item) => (
                          <li key={item.claimId}>
                            {publicArticleUrls ? (
                              publicArticleUrls[item.articleId] ? (
                                <a href={publicArticleUrls[item.articleId]!} rel="noopener noreferrer nofollow" className="text-accent underline">
                                  {item.outlet}
                                </a>
                              ) : (
                                item.outlet
                              )
                            ) : (
                              <a href={`/articles/${item.articleId}#claim-${item.claimId}`} className="text-accent underline">
                                {item.outlet}
                              </a>
                            )}
                          </li>
                        ))}
                        {row.items.length > SOURCES_SHOWN ? <li className="text-xs text-gray-600">and {row.items.length - SOURCES_SHOWN} more</li> : null}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        );
      })}
    </ul>
  );
}
