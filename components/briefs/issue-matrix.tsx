import type { Dashboard } from "@/lib/data/briefs";
import { formatShare, plural } from "@/lib/format";

export type IssueMatrixProps = Pick<Dashboard, "issues" | "columns" | "cells">;

/**
 * Open issues (rows) × sources (columns). Each cell gives the share of the source's text on the issue,
 * its number of claims and its dominant voice, and opens the issue filtered to that source. The bar
 * only repeats the percentage printed beside it.
 */
export function IssueMatrix({ issues, columns, cells }: IssueMatrixProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table className="min-w-full border-collapse text-sm">
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
                    <td key={column.key} className="px-3 py-3 text-gray-400">
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">Not covered</span>
                    </td>
                  );
                }
                return (
                  <td key={column.key} className="px-3 py-3">
                    <a
                      href={`/issues/${issue.slug}?outlet=${encodeURIComponent(column.key)}`}
                      className="group block rounded-md p-1 -m-1 hover:bg-blue-50"
                      aria-label={`${issue.title} in ${column.name}: ${formatShare(cell.share)} of its text, ${plural(cell.claimCount, "claim")}${cell.dominantVoice ? `, mostly ${cell.dominantVoice}` : ""}`}
                    >
                      <span className="text-base font-semibold tabular-nums group-hover:text-accent">{formatShare(cell.share)}</span>
                      <span className="mt-1 block h-1.5 w-full rounded bg-gray-100" aria-hidden="true">
                        <span className="block h-1.5 rounded bg-blue-600" style={{ width: `${Math.min(100, Math.max(2, cell.share * 100))}%` }} />
                      </span>
                      <span className="mt-1 block text-xs text-gray-700">{plural(cell.claimCount, "claim")}</span>
                      {cell.dominantVoice ? <span className="block text-xs text-gray-600">mostly {cell.dominantVoice}</span> : null}
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
