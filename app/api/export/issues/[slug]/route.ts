import { apiError, apiRoute, guardApi } from "@/lib/api/respond";
import { getMarkdownBrief } from "@/lib/data/exports";
import { issueBriefMarkdown } from "@/lib/serialize/exports";
import { parseBriefFilters } from "@/lib/validations/briefs";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** The segment with any percent-escapes still in it decoded; one that is not an escape stays as it is. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * `GET /api/export/issues/[slug].md?outlet=&speaker=&kind=&from=&to=` → the issue brief as Markdown for a
 * newsletter: title, as-of, state of play, discrepancies, one framing line per source, sources.
 */
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const { slug: segment } = await params;
  const file = decodeSegment(segment);
  const slug = file.replace(/\.md$/, "");
  if (slug === file) return apiError("not_found", "Ask for /api/export/issues/<slug>.md.");
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
