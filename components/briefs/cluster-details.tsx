"use client";

import { useState } from "react";
import { LoadStatus, useLoadOnOpen } from "@/components/ui/load-on-open";
import { plural } from "@/lib/format";
import { fetchClusterPage } from "./cluster-page";
import { ClusterMemberItems, type MemberItem } from "./cluster-members";

export type ClusterDetailsProps = { clusterId: string; label: string; summary: React.ReactNode };

type Page = { claimCount: number; nextOffset: number | null; members: MemberItem[] };

/** The pages after the first, loaded by "Show more". */
type More = { pages: Page[]; status: "idle" | "loading" | "error" };

async function fetchPage(clusterId: string, offset: number): Promise<Page> {
  const cluster = await fetchClusterPage(clusterId, offset);
  return {
    claimCount: cluster.claimCount,
    nextOffset: cluster.nextOffset,
    members: cluster.claims.map((claim) => ({ ...claim, sourceName: claim.outlet.name })),
  };
}

/**
 * A cluster that loads the sentence in each source when it is first opened (`GET /api/clusters/[id]`),
 * so a brief with many clusters stays light until an editor looks into one. The first page has one
 * claim per source; "Show more" goes on through every source and then every claim.
 */
export function ClusterDetails({ clusterId, label, summary }: ClusterDetailsProps) {
  const { state, load, onToggle } = useLoadOnOpen(() => fetchPage(clusterId, 0));
  const [more, setMore] = useState<More>({ pages: [], status: "idle" });
  const shown = state.status === "ready" ? [state.value, ...more.pages] : [];
  const last = shown.at(-1);
  const members = shown.flatMap((page) => page.members);
  const loadMore = async () => {
    if (!last || last.nextOffset === null) return;
    setMore({ ...more, status: "loading" });
    try {
      setMore({ pages: [...more.pages, await fetchPage(clusterId, last.nextOffset)], status: "idle" });
    } catch {
      setMore({ ...more, status: "error" });
    }
  };
  return (
    <details onToggle={onToggle}>
      <summary>{summary}</summary>
      {state.status === "idle" ? null : last ? (
        <ol className="cluster-members" aria-label={`Where it appears: ${label}`}>
          <ClusterMemberItems members={members} claimCount={last.nextOffset === null ? last.claimCount : members.length} />
          {last.nextOffset !== null ? (
            <li className="more">
              <button type="button" className="link" disabled={more.status === "loading"} onClick={() => void loadMore()}>
                {more.status === "loading" ? "Loading…" : `Show more (${plural(last.claimCount - members.length, "claim")} not shown)`}
              </button>
              {more.status === "error" ? <span role="status">{" They could not be loaded; try again."}</span> : null}
            </li>
          ) : null}
        </ol>
      ) : (
        <LoadStatus
          className="cluster-members meta"
          isFailed={state.status === "error"}
          loading="Loading the sentence in each source…"
          failed="The sentences could not be loaded."
          onRetry={() => void load()}
        />
      )}
    </details>
  );
}
