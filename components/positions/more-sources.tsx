"use client";

import { fetchClusterPage } from "@/components/briefs/cluster-page";
import { LoadStatus, useLoadOnOpen } from "@/components/ui/load-on-open";

export type MoreSourcesProps = {
  /** The claim's cluster: its claims come one per source before any second (`GET /api/clusters/[id]`). */
  clusterId: string;
  /** How many sources the summary does not name. */
  more: number;
};

type Source = { name: string; claimId: string; articleId: string };

/** The cluster's pages up to its last source: the first `outletCount` claims are one per source. */
async function fetchSources(clusterId: string): Promise<Source[]> {
  const sources: Source[] = [];
  const seen = new Set<string>();
  let offset: number | null = 0;
  let outletCount = Infinity;
  while (offset !== null && sources.length < outletCount) {
    const cluster = await fetchClusterPage(clusterId, offset, 50);
    outletCount = cluster.outletCount;
    for (const claim of cluster.claims) {
      if (seen.has(claim.outlet.slug)) continue;
      seen.add(claim.outlet.slug);
      sources.push({ name: claim.outlet.name, claimId: claim.id, articleId: claim.articleId });
    }
    offset = cluster.nextOffset;
  }
  return sources;
}

/**
 * "and 37 more": a disclosure that loads every source carrying the claim when it is first opened, each
 * linking to the claim in its article. A claim carried by dozens of sources names a few on the page and
 * keeps the rest one click away, so the brief does not grow with the corpus.
 */
export function MoreSources({ clusterId, more }: MoreSourcesProps) {
  const { state, load, onToggle } = useLoadOnOpen(() => fetchSources(clusterId));
  return (
    <details className="meta open:basis-full" onToggle={onToggle}>
      <summary className="link inline cursor-pointer list-none">{`and ${more} more`}</summary>
      {state.status === "idle" ? null : state.status === "ready" ? (
        <ul aria-label="Every source carrying it" className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
          {state.value.map((source) => (
            <li key={source.claimId}>
              <a className="link" href={`/articles/${source.articleId}#claim-${source.claimId}`}>
                {source.name}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <LoadStatus
          className="mt-1"
          isFailed={state.status === "error"}
          loading="Loading every source…"
          failed="The sources could not be loaded."
          onRetry={() => void load()}
        />
      )}
    </details>
  );
}
