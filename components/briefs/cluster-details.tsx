"use client";

import { useState } from "react";
import type { ClusterMemberJson } from "@/lib/api/cluster-json";
import { LoadStatus } from "@/components/ui/load-on-open";
import { plural } from "@/lib/format";
import { ClusterMemberItems, type MemberItem } from "./cluster-members";

export type ClusterDetailsProps = { clusterId: string; label: string; summary: React.ReactNode };

type Page = { claimCount: number; nextOffset: number | null; members: MemberItem[] };

type State = { status: "idle" | "loading" | "error" } | ({ status: "ready"; more: "idle" | "loading" | "error" } & Page);

async function fetchPage(clusterId: string, offset: number): Promise<Page> {
  const response = await fetch(`/api/clusters/${encodeURIComponent(clusterId)}?offset=${offset}`);
  if (!response.ok) throw new Error(`status ${response.status}`);
  const { cluster } = (await response.json()) as { cluster: { claimCount: number; nextOffset: number | null; claims: ClusterMemberJson[] } };
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
  const [state, setState] = useState<State>({ status: "idle" });
  const load = async () => {
    setState({ status: "loading" });
    try {
      setState({ status: "ready", more: "idle", ...(await fetchPage(clusterId, 0)) });
    } catch {
      setState({ status: "error" });
    }
  };
  const loadMore = async (shown: Page & { status: "ready" }) => {
    if (shown.nextOffset === null) return;
    setState({ ...shown, more: "loading" });
    try {
      const next = await fetchPage(clusterId, shown.nextOffset);
      setState({ ...shown, ...next, more: "idle", members: [...shown.members, ...next.members] });
    } catch {
      setState({ ...shown, more: "error" });
    }
  };
  return (
    <details
      onToggle={(event) => {
        if (event.currentTarget.open && state.status === "idle") void load();
      }}
    >
      <summary>{summary}</summary>
      {state.status === "idle" ? null : state.status === "ready" ? (
        <ol className="cluster-members" aria-label={`Where it appears: ${label}`}>
          <ClusterMemberItems members={state.members} claimCount={state.nextOffset === null ? state.claimCount : state.members.length} />
          {state.nextOffset !== null ? (
            <li className="more">
              <button type="button" className="link" disabled={state.more === "loading"} onClick={() => void loadMore(state)}>
                {state.more === "loading" ? "Loading…" : `Show more (${plural(state.claimCount - state.members.length, "claim")} not shown)`}
              </button>
              {state.more === "error" ? <span role="status">{" They could not be loaded; try again."}</span> : null}
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
