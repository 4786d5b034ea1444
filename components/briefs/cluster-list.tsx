import { Badge } from "@/components/ui/badge";
import type { ClusterView } from "@/lib/data/briefs";
import { formatDate, plural } from "@/lib/format";

export type ClusterListProps = {
  clusters: ClusterView[];
  showIssue?: boolean;
  emptyText: string;
  /** Open every cluster (a printed or shared brief shows them all). */
  isOpen?: boolean;
  /**
   * For a brief outside the app (a share page): each article's own address by id. Links then go to the
   * article where it was published, when known, instead of the app's article reader.
   */
  publicArticleUrls?: Record<string, string | null>;
};

const KIND_LABEL = { quote: "Direct quote", reported: "Reported speech", narration: "Narration" } as const;

/**
 * Claims made alike across sources, widest first. Each opens (a native `<details>`, no script needed)
 * onto the exact sentence in every source, the claim itself marked, with a link to it in its article.
 * The briefs' links are plain anchors, not `next/link`: a brief carries a hundred or more, and each
 * `next/link` is a client component rendered, sent and hydrated on every request.
 */
export function ClusterList({ clusters, showIssue = false, emptyText, isOpen = false, publicArticleUrls }: ClusterListProps) {
  if (clusters.length === 0) return <p className="text-sm text-gray-600">{emptyText}</p>;
  return (
    <ol className="space-y-3">
      {clusters.map((cluster) => (
        <li key={cluster.key} id={`cluster-${cluster.key.replace(/[^a-zA-Z0-9_-]/g, "-")}`} className="break-inside-avoid rounded-lg border border-gray-200 bg-white">
          <details className="group" open={isOpen || undefined}>
            <summary className="flex cursor-pointer list-none flex-wrap items-baseline gap-x-3 gap-y-1 p-4 [&::-webkit-details-marker]:hidden">
              <span aria-hidden="true" className="text-gray-500 transition-transform group-open:rotate-90">
                ▸
              </span>
              <span className="min-w-0 flex-1 font-medium">{cluster.label}</span>
              <span className="text-sm text-gray-700">
                <strong className="tabular-nums">{plural(cluster.outletCount, "source")}</strong>, {plural(cluster.claimCount, "claim")}
                {cluster.speaker ? ` · ${cluster.speaker}` : ""}
              </span>
              {showIssue && cluster.issue ? <Badge tone="blue">{cluster.issue.title}</Badge> : null}
            </summary>
            <ol className="space-y-3 border-t border-gray-100 px-4 py-3" aria-label={`Where it appears: ${cluster.label}`}>
              {cluster.members.map((member) => (
                <li key={member.id} className="text-sm">
                  <p className="mb-1 flex flex-wrap items-center gap-x-2 text-xs text-gray-600">
                    <span className="font-semibold text-gray-900">{member.source.name}</span>
                    <span>{KIND_LABEL[member.kind]}</span>
                    {member.speaker ? <span>· {member.speaker}</span> : null}
                    <span>· {member.publishedAt ? formatDate(member.publishedAt) : "undated"}</span>
                  </p>
                  <blockquote className="border-l-2 border-gray-300 pl-3 font-serif leading-7 text-gray-800">
                    {member.excerpt.before}
                    <mark className="rounded-sm bg-amber-100 px-0.5 underline decoration-amber-600 decoration-2 underline-offset-4">{member.excerpt.claim}</mark>
                    {member.excerpt.after}
                  </blockquote>
                  {publicArticleUrls ? (
                    publicArticleUrls[member.articleId] ? (
                      <a href={publicArticleUrls[member.articleId]!} rel="noopener noreferrer nofollow" className="mt-1 inline-block text-xs text-accent underline">
                        Read it at {member.source.name}
                      </a>
                    ) : null
                  ) : (
                    <a href={`/articles/${member.articleId}#claim-${member.id}`} className="mt-1 inline-block text-xs text-accent underline">
                      Open in the article<span className="sr-only"> from {member.source.name}</span>
                    </a>
                  )}
                </li>
              ))}
              {cluster.claimCount > cluster.members.length ? (
                <li className="text-xs text-gray-600">and {plural(cluster.claimCount - cluster.members.length, "more claim")}</li>
              ) : null}
            </ol>
          </details>
        </li>
      ))}
    </ol>
  );
}
