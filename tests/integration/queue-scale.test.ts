import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CLAIM_COUNT_CAP, claimPageQuery, listClaims } from "@/lib/data/claims";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db";
import { claimFiltersSchema, type ClaimFilters } from "@/lib/validations/claims";
import { seededTestDb } from "./helpers";

vi.mock("server-only", () => ({}));

const CLAIMS = 100_000;
let db: Db;

beforeAll(async () => {
  db = await seededTestDb();
  const article = await db.article.findFirstOrThrow({ select: { id: true } });
  await db.$executeRaw`
    INSERT INTO "Claim" (id, "articleId", kind, start, "end", text, confidence, fingerprint, status, "updatedAt", "pipelineKind", "pipelineStart", "pipelineEnd", "pipelineText")
    SELECT 'scale-' || n, ${article.id}, 'narration', 0, 10, 'Cloned claim ' || n, random(), 'scale-' || n,
           (ARRAY['unreviewed','confirmed','disputed']::"ReviewStatus"[])[1 + n % 3], now(), 'narration', 0, 10, 'Cloned claim ' || n
    FROM generate_series(1, ${CLAIMS}) AS n`;
  await db.$executeRawUnsafe(`ANALYZE "Claim"`);
}, 120_000);
afterAll(async () => db.$disconnect());

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Actual Rows": number; "Actual Loops": number; Plans?: PlanNode[] };

/**
 * What a page's query reads, from its plan as run (`EXPLAIN ANALYZE`): the rows its scans of the claims
 * return and the largest sort. A keyset page walks an index from the cursor and stops after the page; an
 * offset scan or a sort of the whole table would read every claim.
 */
async function pageReads(filters: ClaimFilters): Promise<{ claimRows: number; sortedRows: number; seqScan: boolean }> {
  const sql = await claimPageQuery(filters);
  const [row] = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`);
  const out = { claimRows: 0, sortedRows: 0, seqScan: false };
  const walk = (node: PlanNode) => {
    const rows = node["Actual Rows"] * node["Actual Loops"];
    if (node["Relation Name"] === "Claim") out.claimRows += rows;
    if (node["Node Type"] === "Sort") out.sortedRows = Math.max(out.sortedRows, rows);
    if (node["Node Type"] === "Seq Scan" && node["Relation Name"] === "Claim") out.seqScan = true;
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(row!["QUERY PLAN"][0].Plan);
  return out;
}

describe(`the review queue at ${CLAIMS.toLocaleString("en-US")} claims`, () => {
  it("serves the first page, a deep keyset page and a filtered page in order, each reading about a page of claims", async () => {
    const filters = claimFiltersSchema.parse({ limit: "50" });
    const first = await listClaims(filters);
    // Past the cap the queue says "more than" instead of counting every claim.
    expect(first).toMatchObject({ total: CLAIM_COUNT_CAP, isTotalCapped: true });
    const confidences = first.items.map((item) => item.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));

    let cursor = first.nextCursor;
    for (let page = 0; page < 20 && cursor; page += 1) cursor = (await listClaims({ ...filters, cursor })).nextCursor;
    const middle = Buffer.from(JSON.stringify([0.9, "m"])).toString("base64url");
    const deepFilters = { ...filters, cursor: middle };
    const deep = await listClaims(deepFilters);
    expect(deep.items[0]!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(cursor).toBeTruthy();

    const filteredFilters = claimFiltersSchema.parse({ limit: "50", status: "disputed", maxConfidence: "0.5" });
    const filtered = await listClaims(filteredFilters);
    expect(filtered.items.every((item) => item.status === "disputed" && item.confidence <= 0.5)).toBe(true);
    const few = claimFiltersSchema.parse({ limit: "50", q: "Cloned claim 4242" });
    expect(await listClaims(few)).toMatchObject({ total: await db.claim.count({ where: { text: { contains: "Cloned claim 4242" } } }), isTotalCapped: false });

    // Each page reads about one page of the 100,000 claims, by an index, and sorts nothing of the table's size.
    for (const page of [filters, deepFilters, filteredFilters]) {
      const reads = await pageReads(page);
      expect(reads.seqScan).toBe(false);
      expect(reads.claimRows).toBeLessThanOrEqual(4 * (page.limit + 1));
      expect(reads.sortedRows).toBeLessThanOrEqual(4 * (page.limit + 1));
    }
  });
});
