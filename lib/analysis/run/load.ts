import crypto from "node:crypto";
import { sortById, type AnalysisClaim, type AnalysisFigure } from "@/lib/analysis/clusters";
import { headSql, sourceOf, type Source } from "@/lib/analysis/sources";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimKind } from "@/lib/generated/prisma/enums";

export type Tx = Prisma.TransactionClient;

/** Claims are read this many at a time. */
const CLAIM_BATCH = 20_000;

export type LoadedArticle = {
  id: string;
  title: string | null;
  head: string;
  publishedAt: Date | null;
  ingestedAt: Date;
  source: Source;
};

/** `clusterId`: the cluster stored for the claim when it was read. */
export type LoadedClaim = AnalysisClaim & { articleId: string; verb: string | null; speakerId: string | null; clusterId: string | null };

type ArticleRow = Omit<LoadedArticle, "source"> & { outletId: string | null; outletSlug: string | null; outletName: string | null };

/** What the loaders need to name speakers and issues. */
export type Names = { speakers: ReadonlyMap<string, { slug: string; name: string }>; issueSlugs: ReadonlyMap<string, string> };

/** Articles (with their source) matching `where` over the alias `a`; every article when `where` is omitted. */
export async function loadArticles(tx: Pick<Tx, "$queryRaw">, where: Prisma.Sql = Prisma.sql`TRUE`): Promise<Map<string, LoadedArticle>> {
  const rows = await tx.$queryRaw<ArticleRow[]>`
    SELECT a.id, a.title, a."publishedAt", a."ingestedAt", a."outletId", o.slug AS "outletSlug", o.name AS "outletName",
      ${headSql("a", { onlyWithoutOutlet: true })}
    FROM "Article" a LEFT JOIN "Outlet" o ON o.id = a."outletId"
    WHERE ${where}`;
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        title: row.title,
        head: row.head,
        publishedAt: row.publishedAt,
        ingestedAt: row.ingestedAt,
        source: sourceOf({
          id: row.id,
          title: row.title,
          head: row.head,
          outlet: row.outletId ? { id: row.outletId, slug: row.outletSlug!, name: row.outletName! } : null,
        }),
      },
    ]),
  );
}

export async function loadNames(tx: Tx): Promise<Names> {
  const [speakers, issues] = await Promise.all([
    tx.speaker.findMany({ select: { id: true, slug: true, name: true } }),
    tx.issue.findMany({ select: { id: true, slug: true } }),
  ]);
  return {
    speakers: new Map(speakers.map((speaker) => [speaker.id, { slug: speaker.slug, name: speaker.name }])),
    issueSlugs: new Map(issues.map((issue) => [issue.id, issue.slug])),
  };
}

type ClaimRow = {
  id: string;
  articleId: string;
  kind: ClaimKind;
  speakerId: string | null;
  verb: string | null;
  text: string;
  quote: string | null;
  clusterId: string | null;
};

/** The ids of the claims the analysis reads (all but those marked "not a claim") whose row `c` matches `where`: the condition evaluated once. */
export async function claimIdsWhere(tx: Tx, where: Prisma.Sql): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT c.id FROM "Claim" c WHERE c.status::text <> 'not_a_claim' AND ${where}`;
  return rows.map((row) => row.id);
}

/**
 * The claims `ids` the analysis reads (those marked "not a claim" left out), in {@link sortById} order, with
 * their issues and figures, read a batch of ids at a time. Their articles are added to `articles` when
 * missing. For a condition, {@link claimIdsWhere} first: a condition on every batch would be evaluated again
 * for each.
 */
export async function loadClaims(tx: Tx, ids: readonly string[], articles: Map<string, LoadedArticle>, names: Names): Promise<LoadedClaim[]> {
  const claims: LoadedClaim[] = [];
  for (const batch of chunk([...new Set(ids)].sort(), CLAIM_BATCH)) {
    const rows = await tx.$queryRaw<ClaimRow[]>`
      SELECT c.id, c."articleId", c.kind::text AS kind, c."speakerId", c.verb, c.text, c.quote, c."clusterId"
      FROM "Claim" c WHERE c.id = ANY(${batch}::text[]) AND c.status::text <> 'not_a_claim'`;
    claims.push(...(await withIssuesAndFigures(tx, rows, articles, names)));
  }
  return sortById(claims);
}

/**
 * What makes claims copies of one another for the analysis: everything it reads of a claim but its id and
 * article (its source, kind, speaker, verb, words, issues and figures), as a hash stored with the claim's keys
 * (`AnalysisClaim.copyKey`). Copies of one wire story in one outlet have the same.
 */
export function copyKeyOf(claim: LoadedClaim): string {
  const content = [claim.source, claim.kind, claim.speakerId, claim.verb, claim.text, claim.quote, claim.issues, claim.figures];
  return crypto.createHash("md5").update(JSON.stringify(content)).digest("base64url");
}

/** Separates the items of a list passed as one string (no id, word, stem, group or unit holds it). */
export const LIST_SEPARATOR = "\u001f";

/**
 * An `AnalysisCopy` row's claim ids as one string, to select: a copy key can stand for tens of thousands of
 * claims, and one string is several times cheaper to read than an array of ids. {@link copyIds} splits it.
 */
export const COPY_IDS = Prisma.sql`array_to_string("claimIds", ${LIST_SEPARATOR})`;

/** The claim ids of a string selected with {@link COPY_IDS}. */
export function copyIds(list: string): string[] {
  return list.length > 0 ? list.split(LIST_SEPARATOR) : [];
}

/**
 * An `AnalysisCopy` row's first claim (its smallest id in byte order, as {@link sortById} orders claims,
 * which stands for its copies) and how many claims it has, to select as `first` and `count` instead of every
 * id ({@link COPY_IDS}) where the ids are not written.
 */
export const COPY_FIRST = Prisma.sql`(SELECT min(id COLLATE "C") FROM unnest("claimIds") id) AS first, cardinality("claimIds") AS count`;

/** The first claims of copy keys ({@link COPY_FIRST}), read whole, with how many claims each stands for in {@link AnalysisClaim.weight} when several. */
export async function loadCounted(
  tx: Tx,
  rows: readonly { first: string; count: number }[],
  articles: Map<string, LoadedArticle>,
  names: Names,
): Promise<LoadedClaim[]> {
  const countOf = new Map(rows.filter((row) => row.count > 1).map((row) => [row.first, row.count]));
  const claims = await loadClaims(
    tx,
    rows.map((row) => row.first),
    articles,
    names,
  );
  return claims.map((claim) => {
    const weight = countOf.get(claim.id);
    return weight ? { ...claim, weight } : claim;
  });
}

/** Every claim the analysis reads, in {@link sortById} order, a batch at a time along the primary key. */
export async function loadAllClaims(tx: Tx, articles: Map<string, LoadedArticle>, names: Names): Promise<LoadedClaim[]> {
  const claims: LoadedClaim[] = [];
  let cursor = "";
  for (;;) {
    const rows = await tx.$queryRaw<ClaimRow[]>`
      SELECT c.id, c."articleId", c.kind::text AS kind, c."speakerId", c.verb, c.text, c.quote, c."clusterId"
      FROM "Claim" c WHERE c.status::text <> 'not_a_claim' AND c.id > ${cursor}
      ORDER BY c.id LIMIT ${CLAIM_BATCH}`;
    claims.push(...(await withIssuesAndFigures(tx, rows, articles, names)));
    if (rows.length < CLAIM_BATCH) break;
    cursor = rows.at(-1)!.id;
  }
  return sortById(claims);
}

/** Claims from their rows: their issues and figures read, their articles added to `articles` when missing. */
async function withIssuesAndFigures(tx: Tx, rows: readonly ClaimRow[], articles: Map<string, LoadedArticle>, names: Names): Promise<LoadedClaim[]> {
  const ids = rows.map((row) => row.id);
  await addArticlesOf(
    tx,
    rows.map((row) => row.articleId),
    articles,
  );
  const [links, figuresOf] = await Promise.all([
    tx.$queryRaw<{ claimId: string; issueId: string }[]>`SELECT "claimId", "issueId" FROM "ClaimIssue" WHERE "claimId" = ANY(${ids}::text[])`,
    loadFigures(tx, ids),
  ]);
  const issuesOf = new Map<string, string[]>();
  for (const link of links) {
    const slug = names.issueSlugs.get(link.issueId);
    if (!slug) continue;
    const list = issuesOf.get(link.claimId);
    if (list) list.push(slug);
    else issuesOf.set(link.claimId, [slug]);
  }
  const claims: LoadedClaim[] = [];
  for (const row of rows) {
    const article = articles.get(row.articleId);
    if (!article) continue;
    claims.push({
      id: row.id,
      articleId: row.articleId,
      source: article.source.key,
      kind: row.kind,
      speakerId: row.speakerId,
      speaker: row.speakerId ? (names.speakers.get(row.speakerId)?.name ?? null) : null,
      verb: row.verb,
      text: row.text,
      quote: row.quote,
      clusterId: row.clusterId,
      issues: [...new Set(issuesOf.get(row.id) ?? [])].sort(),
      figures: figuresOf.get(row.id) ?? [],
    });
  }
  return claims;
}

/** The figures of the claims `ids`, by claim, in the order they come in its text. */
export async function loadFigures(tx: Pick<Tx, "$queryRaw">, ids: readonly string[]): Promise<Map<string, AnalysisFigure[]>> {
  const rows =
    ids.length > 0
      ? await tx.$queryRaw<{ claimId: string; value: number; high: number | null; unit: string; raw: string; about: string | null }[]>`
          SELECT "claimId", value, high, unit, raw, about FROM "ClaimFigure" WHERE "claimId" = ANY(${ids}::text[]) ORDER BY "claimId", start`
      : [];
  const figuresOf = new Map<string, AnalysisFigure[]>();
  for (const row of rows) {
    const figure = { value: Number(row.value), ...(row.high === null ? {} : { high: Number(row.high) }), unit: row.unit, raw: row.raw, about: row.about };
    const list = figuresOf.get(row.claimId);
    if (list) list.push(figure);
    else figuresOf.set(row.claimId, [figure]);
  }
  return figuresOf;
}

/** Reads the articles of `articleIds` not yet in `articles` into it. */
export async function addArticlesOf(tx: Tx, articleIds: Iterable<string>, articles: Map<string, LoadedArticle>): Promise<void> {
  const missing = [...new Set(articleIds)].filter((id) => !articles.has(id));
  if (missing.length === 0) return;
  for (const [id, article] of await loadArticles(tx, Prisma.sql`a.id = ANY(${missing}::text[])`)) articles.set(id, article);
}

/**
 * Stores an `AppSetting` value (the analysis summary, the positions) as one JSON parameter: through Prisma's
 * Json handling the positions' few hundred kilobytes cost tens of milliseconds of every article's run.
 */
export async function storeSetting(tx: Tx, key: string, value: unknown): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "AppSetting" (key, value, "updatedAt") VALUES (${key}, ${JSON.stringify(value)}::jsonb, clock_timestamp())
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = EXCLUDED."updatedAt"`;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}
