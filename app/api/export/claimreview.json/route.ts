import { readQuery } from "@/lib/api/read-json";
import { apiRoute, guardApi } from "@/lib/api/respond";
import { claimExportPages } from "@/lib/data/exports";
import { organizationName } from "@/lib/organization";
import { claimReviewJson, streamOf } from "@/lib/serialize/exports";
import { parseClaimFilters } from "@/lib/validations/claims";

export const dynamic = "force-dynamic";

/**
 * `GET /api/export/claimreview.json?issue=&outlet=&speaker=&kind=&status=` → a JSON-LD array of schema.org
 * ClaimReview objects, one per matching claim with a verdict (confirmed, disputed, false), streamed.
 */
export const GET = apiRoute(async (request: Request) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const parsed = readQuery(request, parseClaimFilters);
  if (!parsed.ok) return parsed.response;
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(streamOf(claimReviewJson(claimExportPages(parsed.data, { viewerId: guard.user.id, verdictsOnly: true }), organizationName())), {
    headers: {
      "Content-Type": "application/ld+json; charset=utf-8",
      "Content-Disposition": `attachment; filename="claimreview-${stamp}.json"`,
      "Cache-Control": "no-store",
    },
  });
});
