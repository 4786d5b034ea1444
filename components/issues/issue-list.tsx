import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { IssueOverview } from "@/lib/data/issues";

export type IssueListProps = { issues: IssueOverview[]; showLexicon?: boolean };

export function IssueList({ issues, showLexicon = false }: IssueListProps) {
  return (
    <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
      {issues.map((issue) => (
        <li key={issue.id} className="rounded-lg border border-gray-200 bg-white p-5">
          <div className="flex items-start justify-between gap-3">
            <h2 className="text-lg font-semibold">
              <Link href={`/issues/${issue.slug}`} className="hover:text-accent hover:underline">
                {issue.title}
              </Link>
            </h2>
            <Badge tone={issue.status === "open" ? "blue" : "gray"}>{issue.status === "open" ? "Open" : "Resolved"}</Badge>
          </div>
          {issue.description ? <p className="mt-1 text-sm text-gray-600">{issue.description}</p> : null}
          <dl className="mt-4 grid grid-cols-3 gap-2 text-sm">
            <div>
              <dt className="text-gray-500">Articles</dt>
              <dd className="text-lg font-semibold tabular-nums">{issue.articleCount}</dd>
            </div>
            <div>
              <dt className="text-gray-500">Sentences</dt>
              <dd className="text-lg font-semibold tabular-nums">{issue.sentenceCount}</dd>
            </div>
            <div>
              <dt className="text-gray-500">Claims</dt>
              <dd className="text-lg font-semibold tabular-nums">{issue.claimCount}</dd>
            </div>
          </dl>
          {showLexicon && issue.phrases.length > 0 ? (
            <p className="mt-3 text-xs text-gray-500">
              <span className="font-medium text-gray-700">Lexicon:</span> {issue.phrases.join(", ")}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
