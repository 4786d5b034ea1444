import { Badge } from "@/components/ui/badge";
import type { ClusterView } from "@/lib/data/briefs";
import { plural } from "@/lib/format";
import { ClusterDetails } from "./cluster-details";
import { ClusterMemberItems } from "./cluster-members";

export type ClusterListProps = {
  clusters: ClusterView[];
  showIssue?: boolean;
  emptyText: string;
  /**
   * In the app: each cluster loads the sentence in each source when opened. Otherwise (a shared brief,
   * read without JavaScript) they are in the page.
   */
  loadOnOpen?: boolean;
  /** Open every cluster (a printed or shared brief shows them all). */
  isOpen?: boolean;
  /**
   * For a brief outside the app (a share page): each article's own address by id. Links then go to the
   * article where it was published, when known, instead of the app's article reader.
   */
  publicArticleUrls?: Record<string, string | null>;
};

/**
 * Claims made alike across sources, widest first. Each opens (a native `<details>`) onto the exact
 * sentence in every source, the claim itself marked, with a link to it in its article. The briefs' links
 * are plain anchors, not `next/link`: a brief carries a hundred or more, and each `next/link` is a client
 * component rendered, sent and hydrated on every request.
 */
export function ClusterList({ clusters, showIssue = false, emptyText, loadOnOpen = false, isOpen = false, publicArticleUrls }: ClusterListProps) {
  if (clusters.length === 0) return <p className="text-sm text-gray-600">{emptyText}</p>;
  return (
    <ol className="clusters">
      {clusters.map((cluster) => {
        const summary = (
          <>
            <span aria-hidden="true" className="toggle">
              ▸
            </span>
            <span className="label">{cluster.label}</span>
            <span className="counts">
              <strong className="tabular-nums">{plural(cluster.outletCount, "source")}</strong>
              {`, ${plural(cluster.claimCount, "claim")}${cluster.speaker ? ` · ${cluster.speaker}` : ""}`}
            </span>
            {showIssue && cluster.issue ? <Badge tone="blue">{cluster.issue.title}</Badge> : null}
          </>
        );
        return (
          <li key={cluster.key} id={`cluster-${cluster.key.replace(/[^a-zA-Z0-9_-]/g, "-")}`}>
            {loadOnOpen ? (
              <ClusterDetails clusterId={cluster.id} label={cluster.label} summary={summary} />
            ) : (
              <details open={isOpen || undefined}>
                <summary>{summary}</summary>
                <ol className="cluster-members" aria-label={`Where it appears: ${cluster.label}`}>
                  <ClusterMemberItems
                    members={cluster.members.map((member) => ({ ...member, sourceName: member.source.name }))}
                    claimCount={cluster.claimCount}
                    publicArticleUrls={publicArticleUrls}
                  />
                </ol>
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}
