import { NextResponse } from "next/server";
import { clusterMemberJson } from "@/lib/api/cluster-json";
import { readQuery } from "@/lib/api/read-json";
import { apiError, apiRoute, guardApi } from "@/lib/api/respond";
import { getCluster } from "@/lib/data/briefs";
import { parseClusterPage } from "@/lib/validations/briefs";

type Context = { params: Promise<{ id: string }> };

/**
 * `GET /api/clusters/[id]?offset=&limit=` → `{cluster: {id, key, label, outletCount, claimCount, claims,
 * offset, nextOffset}}`: one claim cluster with a page of its claims (12 by default, at most 50), each
 * with the sentence around it. Claims come one per source before any second, so the first `outletCount`
 * are the sentence in every source; `nextOffset` is where the next page starts, or null after the last.
 * The briefs load a cluster's claims from here when it is opened.
 */
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const page = readQuery(request, parseClusterPage);
  if (!page.ok) return page.response;
  const { id } = await params;
  const cluster = await getCluster(id, page.data);
  if (!cluster) return apiError("not_found", "No such cluster: the analysis may have changed since the page was loaded; reload it.");
  const end = page.data.offset + cluster.members.length;
  return NextResponse.json({
    cluster: {
      id: cluster.id,
      key: cluster.key,
      label: cluster.label,
      outletCount: cluster.outletCount,
      claimCount: cluster.claimCount,
      claims: cluster.members.map(clusterMemberJson),
      offset: page.data.offset,
      nextOffset: cluster.members.length === page.data.limit && end < cluster.claimCount ? end : null,
    },
  });
});
