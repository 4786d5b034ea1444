import Link from "next/link";
import type { ArticleListItem } from "@/lib/data/articles";
import { formatCount, formatDate } from "@/lib/format";

export type ArticleTableProps = { articles: ArticleListItem[] };

export function ArticleTable({ articles }: ArticleTableProps) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table className="min-w-full divide-y divide-gray-200 text-sm">
        <caption className="sr-only">Articles</caption>
        <thead className="bg-gray-50 text-left text-xs font-semibold uppercase tracking-wide text-gray-600">
          <tr>
            <th scope="col" className="px-4 py-3">
              Article
            </th>
            <th scope="col" className="px-4 py-3">
              Outlet
            </th>
            <th scope="col" className="px-4 py-3">
              Published
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Length
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Claims
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {articles.map((article) => (
            <tr key={article.id} className="align-top hover:bg-gray-50">
              <td className="max-w-xl px-4 py-3">
                <Link href={`/articles/${article.id}`} className="font-medium text-ink hover:text-accent hover:underline">
                  {article.label}
                </Link>
                {article.byline ? <div className="mt-0.5 text-xs text-gray-500">By {article.byline}</div> : null}
              </td>
              <td className="whitespace-nowrap px-4 py-3">
                {article.outlet ? article.outlet.name : <span className="italic text-gray-500">Unattributed</span>}
              </td>
              <td className="whitespace-nowrap px-4 py-3">
                {article.publishedAt ? formatDate(article.publishedAt) : <span className="text-gray-500">Not stated</span>}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">{formatCount(article.wordCount)} words</td>
              <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">{article.claimCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
