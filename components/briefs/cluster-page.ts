import type { ClusterMemberJson } from "@/lib/api/cluster-json";

/** One page of a cluster's claims as `GET /api/clusters/[id]` answers it: one claim per source before any second. */
export type ClusterPage = { claimCount: number; outletCount: number; nextOffset: number | null; claims: ClusterMemberJson[] };

/** Reads a page of a cluster's claims from the browser; throws on a non-2xx answer. */
export async function fetchClusterPage(clusterId: string, offset: number, limit?: number): Promise<ClusterPage> {
  const query = new URLSearchParams({ offset: String(offset), ...(limit ? { limit: String(limit) } : {}) });
  const response = await fetch(`/api/clusters/${encodeURIComponent(clusterId)}?${query}`);
  if (!response.ok) throw new Error(`status ${response.status}`);
  return ((await response.json()) as { cluster: ClusterPage }).cluster;
}
