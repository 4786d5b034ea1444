import type { Dashboard } from "@/lib/data/briefs";
import { formatShare, plural } from "@/lib/format";

export type IssueMatrixProps = Pick<Dashboard, "issues" | "columns" | "cells">;

/**
 * Open issues (rows) × sources (columns). Each cell gives the share of the source's text on the issue,
 * its number of claims and its dominant voice, and opens the issue filtered to that source. The bar under
 * the percentage (drawn by the stylesheet from the link's `--share`) only repeats it.
 */
export function IssueMatrix({ issues, columns, cells }: IssueMatrixProps) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table className="issue-matrix min-w-full border-collapse text-sm">
        <caption className="sr-only">Open issues by source: share of each source’s text on the issue, claims and dominant voice</caption>
        <thead className="bg-gray-50 text-left align-bottom text-xs text-gray-700">
          <tr>
            <th scope="col" className="sticky left-0 z-10 min-w-48 bg-gray-50 px-4 py-3 font-semibold uppercase tracking-wide">
              Issue
            </th>
            {columns.map((column) => (
              <th key={column.key} scope="col" className="min-w-36 max-w-48 px-3 py-3 font-semibold">
                <span className="line-clamp-3">{column.name}</span>
                {column.key.startsWith("article:") ? <span className="mt-0.5 block font-normal text-gray-500">article, outlet unknown</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {issues.map((issue) => (
            <tr key={issue.id} className="align-top">
              <th scope="row" className="sticky left-0 z-10 bg-white px-4 py-3 text-left font-semibold">
                <a href={`/issues/${issue.slug}`} className="text-accent hover:underline">
                  {issue.title}
                </a>
              </th>
              {columns.map((column) => {
                const cell = cells[issue.slug]?.[column.key];
                if (!cell) {
                  return (
                    <td key={column.key} className="none">
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">Not covered</span>
                    </td>
                  );
                }
                return (
                  <td key={column.key}>
                    <a
                      href={`/issues/${issue.slug}?outlet=${encodeURIComponent(column.key)}`}
                      aria-label={`${issue.title} in ${column.name}: ${formatShare(cell.share)} of its text, ${plural(cell.claimCount, "claim")}${cell.dominantVoice ? `, mostly ${cell.dominantVoice}` : ""}`}
                      style={{ "--share": `${Math.min(100, Math.max(2, Math.round(cell.share * 100)))}%` } as React.CSSProperties}
                    >
                      <span className="share">{formatShare(cell.share)}</span>
                      <span className="claims">{plural(cell.claimCount, "claim")}</span>
                      {cell.dominantVoice ? <span className="voice">{`mostly ${cell.dominantVoice}`}</span> : null}
                    </a>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
