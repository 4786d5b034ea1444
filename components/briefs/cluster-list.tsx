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
    <ol className="clusters">
      {clusters.map((cluster) => (
        <li key={cluster.key} id={`cluster-${cluster.key.replace(/[^a-zA-Z0-9_-]/g, "-")}`}>
          <details open={isOpen || undefined}>
            <summary>
              <span aria-hidden="true" className="toggle">
                ▸
              </span>
              <span className="label">{cluster.label}</span>
              <span className="counts">
                <strong className="tabular-nums">{plural(cluster.outletCount, "source")}</strong>
                {`, ${plural(cluster.claimCount, "claim")}${cluster.speaker ? ` · ${cluster.speaker}` : ""}`}
              </span>
              {showIssue && cluster.issue ? <Badge tone="blue">{cluster.issue.title}</Badge> : null}
            </summary>
            <ol className="cluster-members" aria-label={`Where it appears: ${cluster.label}`}>
              {cluster.members.map((member) => (
                <li key={member.id}>
                  <p className="source">
                    <strong>{member.source.name}</strong>
                    <span>{`${KIND_LABEL[member.kind]}${member.speaker ? ` · ${member.speaker}` : ""} · ${member.publishedAt ? formatDate(member.publishedAt) : "undated"}`}</span>
                  </p>
                  <blockquote>
                    {member.excerpt.before}
                    <mark>{member.excerpt.claim}</mark>
                    {member.excerpt.after}
                  </blockquote>
                  {publicArticleUrls ? (
                    publicArticleUrls[member.articleId] ? (
                      <a href={publicArticleUrls[member.articleId]!} rel="noopener noreferrer nofollow">
                        {`Read it at ${member.source.name}`}
                      </a>
                    ) : null
                  ) : (
                    <a href={`/articles/${member.articleId}#claim-${member.id}`}>
                      Open in the article<span className="sr-only">{` from ${member.source.name}`}</span>
                    </a>
                  )}
                </li>
              ))}
              {cluster.claimCount > cluster.members.length ? <li className="more">{`and ${plural(cluster.claimCount - cluster.members.length, "more claim")}`}</li> : null}
            </ol>
          </details>
        </li>
      ))}
    </ol>
  );
}
