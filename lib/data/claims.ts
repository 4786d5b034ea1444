import "server-only";
import { cache } from "react";
import { articleLabel, HEAD_CHARS } from "@/lib/analysis/sources";
import { countUpTo, type CappedCount } from "@/lib/data/capped-count";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimKind, ReviewStatus } from "@/lib/generated/prisma/enums";
import { findSpeaker, suggestSpeakers } from "@/lib/data/speakers";
import { PIPELINE_SELECT, readCorrections } from "@/lib/writes/current-claim";
import type { ClaimFilters, ClaimSort } from "@/lib/validations/claims";

export type ClaimListItem = {
  id: string;
  kind: ClaimKind;
  text: string;
  confidence: number;
  status: ReviewStatus;
  version: number;
  speaker: { id: string; name: string } | null;
  articleId: string;
  articleTitle: string | null;
  outlet: { slug: string; name: string } | null;
  issues: { slug: string; title: string }[];
  assignee: { id: string; name: string | null; email: string } | null;
  isCorrected: boolean;
  updatedAt: Date;
};

/**
 * The queue counts its matches up to this many and says "more than" beyond: counting every match of a
 * broad filter means reading millions of rows at 100,000 articles, on every page. An editor works a
 * queue from its top and narrows a long one with filters, so a number past ten thousand tells them
 * nothing they act on; below it the count is exact.
 */
export const CLAIM_COUNT_CAP = 10_000;

/** The count stops at {@link CLAIM_COUNT_CAP}. */
export type ClaimPage = { items: ClaimListItem[]; nextCursor: string | null } & CappedCount;

/** A page's rows as one query reads them: the claim, its speaker, article, outlet and assignee joined, its issues as JSON. */
type ListRow = {
  id: string;
  kind: ClaimKind;
  text: string;
  confidence: number;
  status: ReviewStatus;
  version: number;
  corrections: unknown;
  updatedAt: Date;
  articleId: string;
  speakerId: string | null;
  speakerName: string | null;
  articleTitle: string | null;
  outletSlug: string | null;
  outletName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  assigneeEmail: string | null;
  issues: { slug: string; title: string }[];
};

/**
 * The rows of one page, in the order of `ids`: one query with joins, where Prisma's relation loading
 * costs the server several milliseconds of CPU per page of fifty, on every request.
 */
async function readListRows(ids: string[]): Promise<ListRow[]> {
  if (ids.length === 0) return [];
  return db.$queryRaw<ListRow[]>`
    SELECT c.id, c.kind, c.text, c.confidence, c.status, c.version, c.corrections, c."updatedAt", c."articleId",
      s.id AS "speakerId", s.name AS "speakerName", a.title AS "articleTitle", o.slug AS "outletSlug", o.name AS "outletName",
      u.id AS "assigneeId", u.name AS "assigneeName", u.email AS "assigneeEmail",
      COALESCE((SELECT json_agg(json_build_object('slug', i.slug, 'title', i.title) ORDER BY i.position, i.slug)
        FROM "ClaimIssue" ci JOIN "Issue" i ON i.id = ci."issueId" WHERE ci."claimId" = c.id), '[]'::json) AS issues
    FROM unnest(${ids}::text[]) WITH ORDINALITY AS page(id, n)
    JOIN "Claim" c ON c.id = page.id
    JOIN "Article" a ON a.id = c."articleId"
    LEFT JOIN "Outlet" o ON o.id = a."outletId"
    LEFT JOIN "Speaker" s ON s.id = c."speakerId"
    LEFT JOIN "User" u ON u.id = c."assigneeId"
    ORDER BY page.n`;
}

function encodeCursor(value: number | string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString("base64url");
}

function decodeCursor(cursor: string | undefined): [number | string, string] | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && (typeof value[0] === "number" || typeof value[0] === "string") && typeof value[1] === "string") {
      return [value[0], value[1]];
    }
  } catch {
    // An unreadable cursor starts from the first page.
  }
  return null;
}

/** At most this many words of a search are matched (each one a prefix, all of them required). */
const SEARCH_WORDS = 16;

/**
 * A search as a `to_tsquery` text: each word of `q` (letters and digits only, so nothing of the query
 * syntax gets through) as a prefix, all of them required: "negotiat" finds "negotiations", "ceasefire"
 * finds "ceasefires"; words are matched as the claim's full-text vector (`Claim.search`) stems them.
 * Null when `q` has no word.
 */
export function searchQuery(q: string): string | null {
  const words = (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, SEARCH_WORDS);
  return words.length > 0 ? words.map((word) => `${word}:*`).join(" & ") : null;
}

/**
 * The review queue's filters as SQL conditions over the claim `c` (the claim exports use the same). The
 * search matches the claim's full-text vector through its GIN index, so a search costs the same at
 * 100,000 articles as at 100; a search of nothing but words too common to index (`the`) matches nothing.
 * `isSearch`: whether the search is among them (a search of no word is none).
 */
export async function filterSql(filters: ClaimFilters, viewerId?: string): Promise<{ where: Prisma.Sql; isSearch: boolean }> {
  const and: Prisma.Sql[] = [];
  if (filters.articleId) and.push(Prisma.sql`c."articleId" = ${filters.articleId}`);
  const search = filters.q ? searchQuery(filters.q) : null;
  if (search) and.push(Prisma.sql`c.search @@ to_tsquery('english', ${search})`);
  if (filters.issue) {
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "ClaimIssue" ci JOIN "Issue" i ON i.id = ci."issueId" WHERE ci."claimId" = c.id AND i.slug = ${filters.issue})`);
  }
  if (filters.outlet === "unattributed") and.push(Prisma.sql`EXISTS (SELECT 1 FROM "Article" a WHERE a.id = c."articleId" AND a."outletId" IS NULL)`);
  else if (filters.outlet) {
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "Article" a JOIN "Outlet" o ON o.id = a."outletId" WHERE a.id = c."articleId" AND o.slug = ${filters.outlet})`);
  }
  if (filters.speaker) and.push(Prisma.sql`c."speakerId" = ${(await findSpeaker(filters.speaker))?.id ?? "-"}`);
  if (filters.status) and.push(Prisma.sql`c.status = ${filters.status}::"ReviewStatus"`);
  if (filters.kind) and.push(Prisma.sql`c.kind = ${filters.kind}::"ClaimKind"`);
  if (filters.assignee === "none") and.push(Prisma.sql`c."assigneeId" IS NULL`);
  else if (filters.assignee) and.push(Prisma.sql`c."assigneeId" = ${filters.assignee === "me" ? (viewerId ?? "-") : filters.assignee}`);
  if (filters.minConfidence !== undefined) and.push(Prisma.sql`c.confidence >= ${filters.minConfidence}`);
  if (filters.maxConfidence !== undefined) and.push(Prisma.sql`c.confidence <= ${filters.maxConfidence}`);
  return { where: and.length > 0 ? Prisma.join(and, " AND ") : Prisma.sql`TRUE`, isSearch: search !== null };
}

const ORDER: Record<ClaimSort, Prisma.Sql> = {
  confidence: Prisma.sql`c.confidence ASC, c.id ASC`,
  "-confidence": Prisma.sql`c.confidence DESC, c.id DESC`,
  "-createdAt": Prisma.sql`c."createdAt" DESC, c.id DESC`,
};

/** The claims after the cursor's row in `sort`'s order; TRUE without a (readable) cursor. */
function cursorSql(sort: ClaimSort, cursor: [number | string, string] | null): Prisma.Sql {
  if (!cursor) return Prisma.sql`TRUE`;
  const [value, id] = cursor;
  if (sort === "-createdAt") {
    const date = typeof value === "string" ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) return Prisma.sql`TRUE`;
    return Prisma.sql`(c."createdAt", c.id) < (${date}::timestamp, ${id})`;
  }
  if (typeof value !== "number") return Prisma.sql`TRUE`;
  // A row comparison: PostgreSQL starts the index scan at the cursor instead of filtering from the top.
  return sort === "confidence" ? Prisma.sql`(c.confidence, c.id) > (${value}, ${id})` : Prisma.sql`(c.confidence, c.id) < (${value}, ${id})`;
}

function toItems(rows: ListRow[]): ClaimListItem[] {
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    text: row.text,
    confidence: row.confidence,
    status: row.status,
    version: row.version,
    speaker: row.speakerId && row.speakerName !== null ? { id: row.speakerId, name: row.speakerName } : null,
    articleId: row.articleId,
    articleTitle: row.articleTitle,
    outlet: row.outletSlug && row.outletName !== null ? { slug: row.outletSlug, name: row.outletName } : null,
    issues: row.issues,
    assignee: row.assigneeId && row.assigneeEmail ? { id: row.assigneeId, name: row.assigneeName, email: row.assigneeEmail } : null,
    isCorrected: Object.keys(readCorrections(row.corrections)).length > 0,
    updatedAt: row.updatedAt,
  }));
}

/** The query for the keys of one page of the queue (one past the page, to tell whether there is a next). */
function pageKeysSql(filters: ClaimFilters, where: Prisma.Sql): Prisma.Sql {
  const after = cursorSql(filters.sort, decodeCursor(filters.cursor));
  return Prisma.sql`
      SELECT c.id, c.confidence, c."createdAt" FROM "Claim" c WHERE ${where} AND ${after}
      ORDER BY ${ORDER[filters.sort]} LIMIT ${filters.limit + 1}`;
}

/** The query a page of the queue runs for its keys, for checking its plan (`EXPLAIN`). */
export async function claimPageQuery(filters: ClaimFilters, viewerId?: string): Promise<Prisma.Sql> {
  return pageKeysSql(filters, (await filterSql(filters, viewerId)).where);
}

/**
 * One page of the review queue, lowest confidence first unless sorted otherwise. Keyset pagination on
 * (confidence, id) or (createdAt, id), so a page costs the same at 100,000 claims as at 100: the
 * cursor carries the last row's sort value and id, never an offset. Claims are shown as they are now
 * (corrections applied). The total is exact up to {@link CLAIM_COUNT_CAP}.
 */
export async function listClaims(filters: ClaimFilters, viewerId?: string): Promise<ClaimPage> {
  const { where, isSearch } = await filterSql(filters, viewerId);
  const [keys, counted] = await Promise.all([
    db.$queryRaw<{ id: string; confidence: number; createdAt: Date }[]>(pageKeysSql(filters, where)),
    // In id order the planner can walk the claims' primary key beside an index of the filter (an issue's
    // claims) and stop early; a search stops early reading its index in its own order, and sorting its
    // matches by id would read them all.
    countUpTo(Prisma.sql`"Claim" c WHERE ${where} ${isSearch ? Prisma.empty : Prisma.sql`ORDER BY c.id`}`, CLAIM_COUNT_CAP),
  ]);
  const page = keys.slice(0, filters.limit);
  const last = page.at(-1);
  const nextCursor =
    keys.length > filters.limit && last ? encodeCursor(filters.sort === "-createdAt" ? last.createdAt.toISOString() : last.confidence, last.id) : null;
  const rows = await readListRows(page.map((key) => key.id));
  return { items: toItems(rows), ...counted, nextCursor };
}

export type ClaimDetail = NonNullable<Awaited<ReturnType<typeof getClaim>>>;

/** One claim with its article text, overlay, cluster siblings and audit log (for `/claims/[id]` and the API). */
export const getClaim = cache(async (id: string) => {
  const row = await db.claim.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      start: true,
      end: true,
      text: true,
      quote: true,
      isPartial: true,
      speakerText: true,
      verb: true,
      confidence: true,
      status: true,
      version: true,
      corrections: true,
      createdAt: true,
      updatedAt: true,
      clusterId: true,
      ...PIPELINE_SELECT,
      speaker: { select: { id: true, name: true } },
      pipelineSpeaker: { select: { id: true, name: true } },
      assignee: { select: { id: true, name: true, email: true } },
      issues: { select: { issue: { select: { slug: true, title: true } } } },
      figures: { select: { raw: true, value: true, unit: true, about: true } },
      article: {
        select: {
          id: true,
          title: true,
          originalText: true,
          cleanedText: true,
          publishedAt: true,
          outlet: { select: { slug: true, name: true } },
          sentences: { select: { start: true, end: true, paragraph: true }, orderBy: { index: "asc" } },
        },
      },
      cluster: { select: { id: true, label: true, outletCount: true } },
    },
  });
  if (!row) return null;
  const corrections = readCorrections(row.corrections);
  const siblings = row.clusterId
    ? await db.claim.findMany({
        where: { clusterId: row.clusterId, id: { not: row.id }, status: { not: "not_a_claim" } },
        orderBy: [{ article: { publishedAt: "asc" } }, { id: "asc" }],
        take: 50,
        select: {
          id: true,
          text: true,
          status: true,
          speaker: { select: { name: true } },
          article: { select: { id: true, title: true, outlet: { select: { name: true } } } },
        },
      })
    : [];
  const { start, end } = row;
  const text = row.article.originalText;
  const sentence = row.article.sentences.find((item) => item.start <= start && item.end >= start) ?? null;
  const paragraphSentences = sentence ? row.article.sentences.filter((item) => item.paragraph === sentence.paragraph) : [];
  const paragraph =
    paragraphSentences.length > 0
      ? { start: paragraphSentences[0]!.start, end: paragraphSentences.at(-1)!.end }
      : { start: Math.max(0, start - 300), end: Math.min(text.length, end + 300) };
  paragraph.start = Math.min(paragraph.start, start);
  paragraph.end = Math.max(paragraph.end, end);
  return {
    id: row.id,
    kind: row.kind,
    pipelineKind: row.pipelineKind,
    pipeline: { start: row.pipelineStart, end: row.pipelineEnd, text: row.pipelineText, quote: row.pipelineQuote },
    start,
    end,
    spanText: text.slice(start, end),
    text: row.text,
    quote: row.quote,
    isPartial: row.isPartial,
    speakerText: row.speakerText,
    verb: row.verb,
    confidence: row.confidence,
    status: row.status,
    version: row.version,
    corrections,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    speaker: row.speaker,
    pipelineSpeaker: row.pipelineSpeaker,
    assignee: row.assignee,
    issues: row.issues.map((link) => link.issue),
    figures: row.figures,
    article: {
      id: row.article.id,
      title: row.article.title,
      label: articleLabel({ title: row.article.title, head: row.article.cleanedText.slice(0, HEAD_CHARS) }),
      publishedAt: row.article.publishedAt,
      outlet: row.article.outlet,
      length: text.length,
    },
    context: {
      before: text.slice(paragraph.start, start),
      span: text.slice(start, end),
      after: text.slice(end, paragraph.end),
      sentence: sentence ? text.slice(Math.min(sentence.start, start), Math.max(sentence.end, end)) : text.slice(start, end),
    },
    cluster: row.cluster,
    siblings: siblings.map((sibling) => ({
      id: sibling.id,
      text: sibling.text,
      status: sibling.status,
      speaker: sibling.speaker?.name ?? null,
      articleId: sibling.article.id,
      articleTitle: sibling.article.title,
      outlet: sibling.article.outlet?.name ?? null,
    })),
  };
});

/** The audit log of a claim, oldest first: append-only, so this is its whole history. */
export async function getClaimEvents(claimId: string) {
  const events = await db.reviewEvent.findMany({
    where: { claimId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, field: true, from: true, to: true, comment: true, createdAt: true, actor: { select: { name: true, email: true } } },
  });
  const ids = new Set<string>();
  for (const event of events) {
    if (event.field === "assignee" || event.field === "speakerId") {
      for (const value of [event.from, event.to]) if (typeof value === "string") ids.add(value);
    }
  }
  const [users, speakers] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true, email: true } }),
    db.speaker.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } }),
  ]);
  const names = new Map<string, string>([
    ...users.map((user) => [user.id, user.name ?? user.email] as const),
    ...speakers.map((speaker) => [speaker.id, speaker.name] as const),
  ]);
  return events.map((event) => ({
    ...event,
    names: Object.fromEntries(
      [event.from, event.to].flatMap((value) => (typeof value === "string" && names.has(value) ? [[value, names.get(value)!]] : [])),
    ) as Record<string, string>,
  }));
}

const getFixedOptions = cache(async () => {
  const [issues, outlets, teammates] = await Promise.all([
    db.issue.findMany({ orderBy: [{ position: "asc" }, { slug: "asc" }], select: { slug: true, title: true } }),
    db.outlet.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    db.user.findMany({ where: { isActive: true }, orderBy: [{ name: "asc" }, { email: "asc" }], select: { id: true, name: true, email: true, role: true } }),
  ]);
  return { issues, outlets, teammates };
});

/**
 * Choices for the queue's filters. Speakers are only suggested (the most quoted; the field searches the
 * rest through `GET /api/speakers`): a long-running story has thousands, too many to send with each page.
 */
export const getQueueOptions = cache(async () => {
  const [fixed, speakers] = await Promise.all([getFixedOptions(), suggestSpeakers()]);
  return { ...fixed, speakers };
});

/** Choices for a claim's review form, every speaker among them (its correction field is a select). */
export const getReviewOptions = cache(async () => {
  const [fixed, speakers] = await Promise.all([
    getFixedOptions(),
    // The most quoted: the correction form's field suggests them and searches the rest as the editor types.
    suggestSpeakers(),
  ]);
  return { ...fixed, speakers };
});

/**
 * A cheap token that changes whenever any claim's review or any note changes, read from the shared
 * database so every app instance sees teammates' changes (the live refresh polls it).
 */
export async function getChangeToken(): Promise<string> {
  const rows = await db.$queryRaw<{ claims: Date | null; notes: Date | null; noteCount: bigint }[]>`
    SELECT (SELECT max("updatedAt") FROM "Claim") AS claims,
           (SELECT max("updatedAt") FROM "Note") AS notes,
           (SELECT count(*) FROM "Note") AS "noteCount"`;
  const row = rows[0];
  return row ? [row.claims?.getTime() ?? 0, row.notes?.getTime() ?? 0, row.noteCount].join("-") : "0";
}
