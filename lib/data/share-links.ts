import "server-only";
import { cache } from "react";
import { articleLabel, HEAD_CHARS, headSql, parseSourceKey } from "@/lib/analysis/sources";
import { db } from "@/lib/db";
import type { ClaimKind } from "@/lib/generated/prisma/enums";
import { getAnalysisSummary, getBriefVersion, getIssueBrief, type IssueBrief } from "@/lib/data/briefs";
import { VersionedCache } from "@/lib/data/versioned-cache";
import { getClaim } from "@/lib/data/claims";
import { listShareLinks, resolveShareToken, type ShareCaller } from "@/lib/writes/share-links";
import { parseBriefFilters } from "@/lib/validations/briefs";

const SOURCE_LIMIT = 200;
const CLUSTER_MEMBERS = 20;

export type IssueSource = {
  id: string;
  outlet: string | null;
  outletSlug: string | null;
  title: string;
  url: string | null;
  publishedAt: Date | null;
  claims: number;
};

const issueSources = new VersionedCache<IssueSource[]>(16);

/**
 * The articles bearing on an issue (a sentence or a claim tagged with it), by outlet then date, with
 * their public addresses; kept until the data changes ({@link getBriefVersion}).
 */
export async function listIssueSources(issueId: string, slug: string, filters: { outlet?: string } = {}): Promise<IssueSource[]> {
  const all = await issueSources.get(issueId, await getBriefVersion(), () => loadIssueSources(issueId, slug));
  if (!filters.outlet) return all;
  const wanted = parseSourceKey(filters.outlet);
  return all.filter((row) => ("articleId" in wanted ? row.id === wanted.articleId && !row.outletSlug : row.outletSlug === wanted.outletSlug));
}

async function loadIssueSources(issueId: string, slug: string): Promise<IssueSource[]> {
  const rows = await db.$queryRaw<
    {
      id: string;
      title: string | null;
      url: string | null;
      publishedAt: Date | null;
      outlet: string | null;
      outletSlug: string | null;
      head: string;
      claims: number;
    }[]
  >`
    WITH tagged AS (
      SELECT c."articleId" AS id, (count(*) FILTER (WHERE c.status::text <> 'not_a_claim'))::int AS claims
      FROM "ClaimIssue" ci JOIN "Claim" c ON c.id = ci."claimId"
      WHERE ci."issueId" = ${issueId}
      GROUP BY c."articleId"
    ),
    bearing AS (
      SELECT id FROM tagged
      UNION
      SELECT DISTINCT s."articleId" FROM "Sentence" s WHERE s.issues @> ARRAY[${slug}]::text[]
    ),
    ranked AS (
      SELECT a.id, o.name AS outlet, o.slug AS "outletSlug", a."publishedAt"
      FROM bearing b JOIN "Article" a ON a.id = b.id LEFT JOIN "Outlet" o ON o.id = a."outletId"
      ORDER BY o.name NULLS LAST, a."publishedAt" NULLS LAST, a.id
      LIMIT ${SOURCE_LIMIT}
    )
    SELECT r.id, a.title, a.url, r."publishedAt", r.outlet, r."outletSlug",
      ${headSql("a")},
      COALESCE(t.claims, 0) AS claims
    FROM ranked r JOIN "Article" a ON a.id = r.id LEFT JOIN tagged t ON t.id = r.id
    ORDER BY r.outlet NULLS LAST, r."publishedAt" NULLS LAST, r.id`;
  return rows.map((row) => ({
    id: row.id,
    outlet: row.outlet,
    title: articleLabel(row),
    url: row.url,
    publishedAt: row.publishedAt,
    claims: row.claims,
    outletSlug: row.outletSlug,
  }));
}

/** Article id → its public address, for the brief components' links outside the app. */
export function publicUrlsOf(sources: { id: string; url: string | null }[]): Record<string, string | null> {
  return Object.fromEntries(sources.map((source) => [source.id, source.url && /^https?:\/\//i.test(source.url) ? source.url : null]));
}

export type SharedIssue = { kind: "issue"; brief: IssueBrief; sources: IssueSource[] };

export type SharedClaim = {
  kind: "claim";
  claim: {
    id: string;
    kind: ClaimKind;
    text: string;
    quote: string | null;
    speaker: string | null;
    sentence: string;
    before: string;
    span: string;
    after: string;
    figures: { raw: string; about: string | null }[];
    issues: { slug: string; title: string }[];
    article: { title: string; outlet: string | null; url: string | null; publishedAt: Date | null };
    cluster: {
      label: string;
      outletCount: number;
      members: {
        id: string;
        text: string;
        kind: ClaimKind;
        speaker: string | null;
        outlet: string | null;
        title: string;
        url: string | null;
        publishedAt: Date | null;
      }[];
    } | null;
  };
};

export type SharedView = (SharedIssue | SharedClaim) & { expiresAt: Date | null };

/**
 * A claim as a share page shows it: the sentence it sits in, speaker, kind, outlet and its cluster
 * across outlets. Only public facts: no review status, assignee, corrections history or notes.
 */
async function getSharedClaim(id: string): Promise<SharedClaim["claim"] | null> {
  const claim = await getClaim(id);
  if (!claim) return null;
  const [article, members] = await Promise.all([
    db.article.findUnique({ where: { id: claim.article.id }, select: { url: true, cleanedText: true } }),
    claim.cluster
      ? db.claim.findMany({
          where: { clusterId: claim.cluster.id, id: { not: claim.id }, status: { not: "not_a_claim" } },
          orderBy: [{ article: { publishedAt: "asc" } }, { id: "asc" }],
          take: CLUSTER_MEMBERS,
          select: {
            id: true,
            text: true,
            kind: true,
            speaker: { select: { name: true } },
            article: { select: { title: true, url: true, publishedAt: true, cleanedText: true, outlet: { select: { name: true } } } },
          },
        })
      : [],
  ]);
  return {
    id: claim.id,
    kind: claim.kind,
    text: claim.text,
    quote: claim.quote,
    speaker: claim.speaker?.name ?? null,
    sentence: claim.context.sentence,
    before: claim.context.before,
    span: claim.context.span,
    after: claim.context.after,
    figures: claim.figures.map((figure) => ({ raw: figure.raw, about: figure.about })),
    issues: claim.issues,
    article: {
      title: articleLabel({ title: claim.article.title, head: article?.cleanedText.slice(0, HEAD_CHARS) ?? "" }),
      outlet: claim.article.outlet?.name ?? null,
      url: article?.url ?? null,
      publishedAt: claim.article.publishedAt,
    },
    cluster: claim.cluster
      ? {
          label: claim.cluster.label,
          outletCount: claim.cluster.outletCount,
          members: members.map((member) => ({
            id: member.id,
            text: member.text,
            kind: member.kind,
            speaker: member.speaker?.name ?? null,
            outlet: member.article.outlet?.name ?? null,
            title: articleLabel({ title: member.article.title, head: member.article.cleanedText.slice(0, HEAD_CHARS) }),
            url: member.article.url,
            publishedAt: member.article.publishedAt,
          })),
        }
      : null,
  };
}

/**
 * What a share token opens, or null for an unknown, revoked or expired token (all alike). The page and
 * its metadata share one read through React `cache()`; opens are counted where every request passes
 * (proxy.ts), since the page itself is rendered once for many readers.
 */
export const getSharedView = cache(async (token: string): Promise<SharedView | null> => {
  const link = await resolveShareToken(db, token);
  if (!link) return null;
  if (link.targetType === "issue" && link.issueId) {
    const issue = await db.issue.findUnique({ where: { id: link.issueId }, select: { slug: true } });
    if (!issue) return null;
    const brief = await getIssueBrief(issue.slug, parseBriefFilters({}));
    if (!brief) return null;
    return { kind: "issue", brief, sources: await listIssueSources(brief.issue.id, brief.issue.slug), expiresAt: link.expiresAt };
  }
  if (link.claimId) {
    const claim = await getSharedClaim(link.claimId);
    return claim ? { kind: "claim", claim, expiresAt: link.expiresAt } : null;
  }
  return null;
});

export type SharePreview = { title: string; subtitle: string; figures: { label: string; value: string }[] };

/** The Open Graph image's content for a token (not counted as an open), or null like {@link getSharedView}. */
export async function getSharePreview(token: string): Promise<SharePreview | null> {
  const link = await resolveShareToken(db, token);
  if (!link) return null;
  if (link.targetType === "issue" && link.issueId) {
    const [issue, summary, discrepancies] = await Promise.all([
      db.issue.findUnique({ where: { id: link.issueId }, select: { slug: true, title: true, description: true } }),
      getAnalysisSummary(),
      db.discrepancy.count({ where: { issueId: link.issueId } }),
    ]);
    if (!issue) return null;
    const counts = summary?.issues[issue.slug];
    return {
      title: issue.title,
      subtitle: issue.description,
      figures: [
        { label: "sources", value: String(counts?.sourceCount ?? 0) },
        { label: "articles", value: String(counts?.articleCount ?? 0) },
        { label: "claims", value: String(counts?.claimCount ?? 0) },
        { label: discrepancies === 1 ? "discrepancy" : "discrepancies", value: String(discrepancies) },
      ],
    };
  }
  if (link.claimId) {
    const claim = await db.claim.findUnique({
      where: { id: link.claimId },
      select: {
        text: true,
        speaker: { select: { name: true } },
        article: { select: { outlet: { select: { name: true } } } },
        cluster: { select: { outletCount: true } },
      },
    });
    if (!claim) return null;
    return {
      title: claim.text.length > 220 ? `${claim.text.slice(0, 219)}…` : claim.text,
      subtitle: [claim.speaker?.name, claim.article.outlet?.name].filter(Boolean).join(" · "),
      figures: claim.cluster
        ? [{ label: claim.cluster.outletCount === 1 ? "source reports it" : "sources report it", value: String(claim.cluster.outletCount) }]
        : [],
    };
  }
  return null;
}

/** The share links page: the caller's links (an admin's: everyone's), newest first. */
export async function listShareLinksFor(caller: ShareCaller, cursor?: string) {
  return listShareLinks(db, caller, { limit: 100, cursor });
}
