"use client";

import { useState } from "react";
import type { ClusterMemberJson } from "@/lib/api/cluster-json";
import { ClusterMemberItems, type MemberItem } from "./cluster-members";

export type ClusterDetailsProps = { clusterId: string; label: string; summary: React.ReactNode };

type State = { status: "idle" | "loading" | "error" } | { status: "ready"; members: MemberItem[]; claimCount: number };

/**
 * A cluster that loads the sentence in each source when it is first opened (`GET /api/clusters/[id]`),
 * so a brief with many clusters stays light until an editor looks into one.
 */
export function ClusterDetails({ clusterId, label, summary }: ClusterDetailsProps) {
  const [state, setState] = useState<State>({ status: "idle" });
  const load = async () => {
    setState({ status: "loading" });
    try {
      const response = await fetch(`/api/clusters/${encodeURIComponent(clusterId)}`);
      if (!response.ok) throw new Error(`status ${response.status}`);
      const { cluster } = (await response.json()) as { cluster: { claimCount: number; claims: ClusterMemberJson[] } };
      setState({
        status: "ready",
        claimCount: cluster.claimCount,
        members: cluster.claims.map((claim) => ({ ...claim, sourceName: claim.outlet.name })),
      });
    } catch {
      setState({ status: "error" });
    }
  };
  return (
    <details
      onToggle={(event) => {
        if (event.currentTarget.open && state.status === "idle") void load();
      }}
    >
      <summary>{summary}</summary>
      {state.status === "ready" ? (
        <ol className="cluster-members" aria-label={`Where it appears: ${label}`}>
          <ClusterMemberItems members={state.members} claimCount={state.claimCount} />
        </ol>
      ) : (
        <p className="cluster-members meta" role="status">
          {state.status === "error" ? (
            <>
              {"The sentences could not be loaded. "}
              <button type="button" className="link" onClick={() => void load()}>
                Try again
              </button>
            </>
          ) : (
            "Loading the sentence in each source…"
          )}
        </p>
      )}
    </details>
  );
}
