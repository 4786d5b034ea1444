import "server-only";
import { claimWords } from "@/lib/analysis/positions";
import { getIssueBrief } from "@/lib/data/briefs";
import { filterSql } from "@/lib/data/claims";
import { listIssueSources } from "@/lib/data/share-links";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { REVIEW_VERDICTS, type ExportClaim, type MarkdownBrief } from "@/lib/serialize/exports";
import type { BriefFilters } from "@/lib/validations/briefs";
import type { ClaimFilters } from "@/lib/validations/claims";

export const EXPORT_PAGE_SIZE = 500;

const EXPORT_SELECT = {
  id: true,
  kind: true,
  text: true,
  quote: true,
  confidence: true,
  status: true,
  start: true,
  articleId: true,
  updatedAt: true,
  speaker: { select: { name: true, kind: true } },
  article: { select: { id: true, title: true, url: true, publishedAt: true, outlet: { select: { name: true, slug: true } } } },
  issues: { select: { issue: { select: { slug: true } } } },
  cluster: { select: { label: true } },
  reviewEvents: { where: { field: "status" }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
} satisfies Prisma.ClaimSelect;

type ExportRow = Prisma.ClaimGetPayload<{ select: typeof EXPORT_SELECT }>;

function toExportClaims(rows: ExportRow[]): ExportClaim[] {
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    text: row.text,
    quote: row.quote,
    confidence: row.confidence,
    status: row.status,
    speaker: row.speaker,
    outlet: row.article.outlet,
    article: { id: row.article.id, title: row.article.title, url: row.article.url, publishedAt: row.article.publishedAt },
    issues: row.issues.map((link) => link.issue.slug),
    cluster: row.cluster?.label ?? null,
    reviewedAt: row.reviewEvents[0]?.createdAt ?? (row.status === "unreviewed" ? null : row.updatedAt),
  }));
}

/** A claim's place in the export order: by article date (undated articles last), then article, then position in the article. */
type ExportKey = { id: string; articleId: string; start: number; publishedAt: Date | null };

/** The claims after `key` in the export order, over the claim `c` and its article `a`. */
function afterKey(key: ExportKey | null): Prisma.Sql {
  if (!key) return Prisma.sql`TRUE`;
  const inArticle = Prisma.sql`(c."articleId", c.start, c.id) > (${key.articleId}, ${key.start}, ${key.id})`;
  if (!key.publishedAt) return Prisma.sql`(a."publishedAt" IS NULL AND ${inArticle})`;
  return Prisma.sql`(a."publishedAt" > ${key.publishedAt}::timestamp OR a."publishedAt" IS NULL OR (a."publishedAt" = ${key.publishedAt}::timestamp AND ${inArticle}))`;
}

/**
 * The claims matching the review queue's filters in reading order: by article publication date
 * (undated last), then by position in the article. Page by page (keyset: each page starts after the
 * last row of the one before), so an export of any size holds one page in memory. `verdictsOnly`
 * keeps claims with a review verdict (confirmed, disputed, false).
 */
export async function* claimExportPages(
  filters: ClaimFilters,
  { viewerId, verdictsOnly = false, pageSize = EXPORT_PAGE_SIZE }: { viewerId?: string; verdictsOnly?: boolean; pageSize?: number } = {},
): AsyncGenerator<ExportClaim[]> {
  const { where } = await filterSql(filters, viewerId);
  const verdicts = verdictsOnly ? Prisma.sql`c.status::text = ANY(${[...REVIEW_VERDICTS]}::text[])` : Prisma.sql`TRUE`;
  let last: ExportKey | null = null;
  for (;;) {
    const keys: ExportKey[] = await db.$queryRaw<ExportKey[]>`
      SELECT c.id, c."articleId", c.start, a."publishedAt" FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
      WHERE ${where} AND ${verdicts} AND ${afterKey(last)}
      ORDER BY a."publishedAt" ASC NULLS LAST, c."articleId" ASC, c.start ASC, c.id ASC
      LIMIT ${pageSize}`;
    if (keys.length === 0) return;
    const rows = await db.claim.findMany({ where: { id: { in: keys.map((key) => key.id) } }, select: EXPORT_SELECT });
    const byId = new Map(rows.map((row) => [row.id, row]));
    // A claim deleted between the two reads (its article removed) is left out.
    yield toExportClaims(keys.flatMap((key) => byId.get(key.id) ?? []));
    if (keys.length < pageSize) return;
    last = keys.at(-1)!;
  }
}

/** An issue brief in the shape the Markdown export writes, with the brief's filters applied; null for an unknown slug. */
export async function getMarkdownBrief(slug: string, filters: BriefFilters, asOf = new Date()): Promise<MarkdownBrief | null> {
  const brief = await getIssueBrief(slug, filters);
  if (!brief) return null;
  const sources = await listIssueSources(brief.issue.id, brief.issue.slug, filters);
  const claimById = new Map(
    brief.positions.positions.flatMap((position) =>
      position.claims.map((claim) => [claim.id, { speaker: position.speaker.name, words: claimWords(claim) }] as const),
    ),
  );
  const sourceName = filters.outlet ? (brief.options.sources.find((source) => source.key === filters.outlet)?.name ?? filters.outlet) : undefined;
  const described = [
    sourceName ? `source: ${sourceName}` : null,
    filters.speaker ? `speaker: ${filters.speaker}` : null,
    filters.kind ? `kind: ${filters.kind}` : null,
    filters.from ? `from ${filters.from}` : null,
    filters.to ? `to ${filters.to}` : null,
    (filters.from || filters.to) && filters.undated === "include" ? "articles without a publication date included" : null,
  ].filter((item): item is string => item !== null);
  return {
    title: brief.issue.title,
    description: brief.issue.description,
    asOf,
    totals: brief.totals,
    clusters: brief.clusters.map((cluster) => ({
      label: cluster.label,
      outletCount: cluster.outletCount,
      claimCount: cluster.claimCount,
      speaker: cluster.speaker,
      sources: [...new Set(cluster.members.map((member) => member.source.name))],
    })),
    discrepancies: brief.discrepancies.map((discrepancy) => {
      const rows = new Map<string, { value: string; speaker: string | null; outlets: string[] }>();
      for (const item of discrepancy.items) {
        const key = `${item.value}\u0000${item.speaker ?? ""}`;
        const row = rows.get(key) ?? { value: item.value, speaker: item.speaker, outlets: [] };
        if (!row.outlets.includes(item.outlet)) row.outlets.push(item.outlet);
        rows.set(key, row);
      }
      return { kind: discrepancy.kind, about: discrepancy.about, rows: [...rows.values()] };
    }),
    framing: brief.framing.map((measures) => ({ source: measures.source.name, summary: measures.description || measures.summary })),
    positions: brief.positions.positions.map((position) => ({
      speaker: position.speaker.name,
      claims: position.claims.map((claim) => ({ words: claimWords(claim), outlets: claim.outlets.map((outlet) => outlet.name) })),
    })),
    contrasts: brief.positions.contrasts.flatMap((contrast) => {
      const a = claimById.get(contrast.a);
      const b = claimById.get(contrast.b);
      return a && b ? [{ a, b, why: contrast.why }] : [];
    }),
    sources: sources.map((source) => ({ outlet: source.outlet, title: source.title, url: source.url, publishedAt: source.publishedAt })),
    filters: described,
  };
}
