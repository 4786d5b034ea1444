import { NextResponse } from "next/server";
import { clusterMemberJson } from "@/lib/api/cluster-json";
import { apiError, guardApi } from "@/lib/api/respond";
import { getCluster } from "@/lib/data/briefs";

type Context = { params: Promise<{ id: string }> };

/**
 * `GET /api/clusters/[id]` → `{cluster: {id, key, label, outletCount, claimCount, claims}}`: one claim
 * cluster with up to 12 of its claims (one per source first), each with the sentence around it. The
 * briefs load a cluster's claims from here when it is opened.
 */
export async function GET(request: Request, { params }: Context) {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const { id } = await params;
  const cluster = await getCluster(id);
  if (!cluster) return apiError(404, "not_found", "No such cluster: the analysis may have changed since the page was loaded; reload it.");
  return NextResponse.json({
    cluster: {
      id: cluster.id,
      key: cluster.key,
      label: cluster.label,
      outletCount: cluster.outletCount,
      claimCount: cluster.claimCount,
      claims: cluster.members.map(clusterMemberJson),
    },
  });
}
