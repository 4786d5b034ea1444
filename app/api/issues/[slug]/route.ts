import { NextResponse } from "next/server";
import { clusterMemberJson } from "@/lib/api/cluster-json";
import { apiError, apiRoute, guardApi } from "@/lib/api/respond";
import { getIssueBrief } from "@/lib/data/briefs";
import { RANKED_SOURCES } from "@/lib/analysis/run/refresh";
import { parseBriefFilters } from "@/lib/validations/briefs";

type Context = { params: Promise<{ slug: string }> };

/**
 * `GET /api/issues/[slug]?outlet=&speaker=&kind=&from=&to=&limit=` → `{issue, clusters, discrepancies,
 * framing, timeline, positions, contrasts, omissions}`: the issue brief as the issue page shows it.
 * `positions`: each actor with their key claims and the sources carrying each (`outlets`, `slug`
 * `article:<id>` for an article whose outlet is unknown); `contrasts`: candidate contrasting positions
 * `{a, b, why}` (claim ids among the positions' claims) that no editor dismissed. `framing` entries (the `limit` sources
 * with most claims, at most 60) carry `outlet: {slug, name}` (for an article whose outlet is unknown,
 * `slug` is `article:<id>`) with the stored measures.
 */
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const guard = await guardApi(request, "viewer");
  if (guard.response) return guard.response;
  const { slug } = await params;
  const search = new URL(request.url).searchParams;
  const limit = Number(search.get("limit") ?? RANKED_SOURCES);
  const brief = await getIssueBrief(slug, parseBriefFilters(search), { framingLimit: Number.isInteger(limit) && limit > 0 ? limit : RANKED_SOURCES });
  if (!brief) return apiError("not_found", `No issue has the slug “${slug}”; GET /api/issues/<slug> with a slug from the Issues page.`);
  const { issue } = brief;
  return NextResponse.json({
    issue: {
      slug: issue.slug,
      title: issue.title,
      description: issue.description,
      status: issue.status,
      phrases: issue.phrases,
      exclusions: issue.exclusions,
      claimCount: brief.totals.claims,
      articleCount: brief.totals.articles,
      sourceCount: brief.totals.sources,
      analysedAt: brief.refreshedAt,
    },
    clusters: brief.clusters.map((cluster) => ({
      key: cluster.key,
      label: cluster.label,
      about: cluster.about,
      value: cluster.value,
      unit: cluster.unit,
      speaker: cluster.speaker,
      outletCount: cluster.outletCount,
      claimCount: cluster.claimCount,
      claims: cluster.members.map(clusterMemberJson),
    })),
    discrepancies: brief.discrepancies.map((discrepancy) => ({
      key: discrepancy.key,
      kind: discrepancy.kind,
      about: discrepancy.about,
      items: discrepancy.items.map((item) => ({
        value: item.value,
        raw: item.raw,
        speaker: item.speaker,
        outlet: item.outlet,
        outletSlug: item.source,
        claimId: item.claimId,
        articleId: item.articleId,
      })),
    })),
    framing: brief.framing.map(({ source, ...measures }) => ({
      outlet: { slug: source.key, name: source.name },
      isArticle: source.kind === "article",
      articleId: source.articleId,
      ...measures,
    })),
    timeline: {
      days: brief.timeline.days,
      undated: brief.timeline.undated,
    },
    positions: brief.positions.positions.map((position) => ({
      speaker: position.speaker,
      claims: position.claims.map((claim) => ({
        id: claim.id,
        kind: claim.kind,
        text: claim.text,
        quote: claim.quote,
        outlets: claim.outlets,
        firstReportedAt: claim.firstReportedAt,
        characterisations: claim.characterisations.map(({ source, verbs, hedges }) => ({ outlet: source, verbs, hedges })),
      })),
    })),
    contrasts: brief.positions.contrasts.map(({ a, b, why }) => ({ a, b, why })),
    omissions: brief.positions.omissions.map((omission) => ({
      outlet: omission.source,
      actors: omission.actors.map(({ id, name, carriedBy }) => ({ id, name, carriedBy })),
      claims: omission.claims.map((claim) => claim.id),
    })),
  });
});
