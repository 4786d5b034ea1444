import { apiError, apiRoute, guardApi } from "@/lib/api/respond";
import { getMarkdownBrief } from "@/lib/data/exports";
import { issueBriefMarkdown } from "@/lib/services/exports";
import { parseBriefFilters } from "@/lib/validations/briefs";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/**
 * `GET /api/export/issues/[slug].md?outlet=&speaker=&kind=&from=&to=` → the issue brief as Markdown for a
 * newsletter: title, as-of, state of play, discrepancies, one framing line per source, sources.
 */
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const { slug: file } = await params;
  const slug = decodeURIComponent(file).replace(/\.md$/, "");
  if (slug === decodeURIComponent(file)) return apiError("not_found", "Ask for /api/export/issues/<slug>.md.");
  const brief = await getMarkdownBrief(slug, parseBriefFilters(new URL(request.url).searchParams));
  if (!brief) return apiError("not_found", `No issue has the slug “${slug}”.`);
  return new Response(issueBriefMarkdown(brief), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug.replace(/[^a-z0-9-]/gi, "-")}-brief.md"`,
      "Cache-Control": "no-store",
    },
  });
});
