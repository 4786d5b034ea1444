import { readQuery } from "@/lib/api/read-json";
import { apiRoute, guardApi } from "@/lib/api/respond";
import { claimExportPages } from "@/lib/data/exports";
import { claimsCsv, streamOf } from "@/lib/serialize/exports";
import { parseClaimFilters } from "@/lib/validations/claims";

export const dynamic = "force-dynamic";

/**
 * `GET /api/export/claims.csv?issue=&outlet=&speaker=&kind=&status=` → every matching claim as CSV
 * (RFC 4180, header row), streamed page by page.
 */
export const GET = apiRoute(async (request: Request) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const parsed = readQuery(request, parseClaimFilters);
  if (!parsed.ok) return parsed.response;
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(streamOf(claimsCsv(claimExportPages(parsed.data, { viewerId: guard.user.id }))), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="claims-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
