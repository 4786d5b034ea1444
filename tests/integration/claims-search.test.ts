import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { filterSql, listClaims, searchQuery } from "@/lib/data/claims";
import { claimExportPages } from "@/lib/data/exports";
import type { Db } from "@/lib/db";
import { parseClaimFilters } from "@/lib/validations/claims";
import { seededTestDb } from "./helpers";

vi.mock("server-only", () => ({}));

let db: Db;

beforeAll(async () => {
  db = await seededTestDb();
});
afterAll(async () => db.$disconnect());

const filters = (params: Record<string, string>) => parseClaimFilters({ limit: "200", ...params }).data!;

/** Claims with a word that starts with `prefix`, counted by a regular expression over their text. */
async function countWordsStarting(prefix: string): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "Claim" WHERE text ~* ${`\\m${prefix}`}`;
  return row!.count;
}

describe("searching claim text", () => {
  it("finds the claims with a word starting with each word searched, whatever their case, and only those", async () => {
    const expected = await countWordsStarting("ceasefir");
    expect(expected).toBeGreaterThan(0);
    const page = await listClaims(filters({ q: "CeaseFire" }));
    expect(page.total).toBe(expected);
    expect(page.items.every((item) => /\bceasefire/i.test(item.text))).toBe(true);
    expect(page.total).toBeLessThan(await db.claim.count());
    // A word's beginning is enough, and other forms of it match.
    expect((await listClaims(filters({ q: "ceasef" }))).total).toBe(expected);
    expect((await listClaims(filters({ q: "ceasefires" }))).total).toBe(expected);
  });

  it("needs every word searched, in any order", async () => {
    const both = await listClaims(filters({ q: "guarantees security" }));
    expect(both.total).toBeGreaterThan(0);
    expect(both.items.every((item) => /\bsecurit/i.test(item.text) && /\bguarant/i.test(item.text))).toBe(true);
    expect(both.total).toBeLessThan((await listClaims(filters({ q: "security" }))).total);
  });

  it("combines with the other filters and finds nothing for words no claim has, or only words too common to index", async () => {
    const quotes = await listClaims(filters({ q: "ceasefire", kind: "quote" }));
    expect(quotes.total).toBeGreaterThan(0);
    expect(quotes.items.every((item) => item.kind === "quote")).toBe(true);
    expect((await listClaims(filters({ q: "zzqx no claim says this" }))).total).toBe(0);
    expect((await listClaims(filters({ q: "the" }))).total).toBe(0);
  });

  it("reads only letters and digits of a search, so the query syntax cannot get in", async () => {
    expect(searchQuery(`ceasefire & !( 'x' | y:* ) \\ "90%"`)).toBe("ceasefire:* & x:* & y:* & 90:*");
    expect(searchQuery("  & | ! ")).toBeNull();
    const page = await listClaims(filters({ q: "ceasefire & ! (" }));
    expect(page.total).toBe((await listClaims(filters({ q: "ceasefire" }))).total);
  });

  it("ignores a blank search and refuses one over 200 characters", async () => {
    expect((await listClaims(filters({ q: "   " }))).total).toBe(await db.claim.count());
    expect(parseClaimFilters({ q: "x".repeat(201) }).success).toBe(false);
  });

  it("exports the claims the queue finds", async () => {
    const page = await listClaims(filters({ q: "ceasefire" }));
    expect(page.isTotalCapped || page.nextCursor).toBeFalsy();
    const exported: string[] = [];
    for await (const claims of claimExportPages(filters({ q: "ceasefire" }), { pageSize: 7 })) exported.push(...claims.map((claim) => claim.id));
    expect(exported.sort()).toEqual(page.items.map((item) => item.id).sort());
  });

  it("is answered from the claim's full-text index instead of reading every claim", async () => {
    // The seeds are too few for the planner to prefer an index; with sequential scans priced out, a
    // search that no index can serve would still plan one.
    const { where, isSearch } = await filterSql(filters({ q: "ceasefire" }));
    expect(isSearch).toBe(true);
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN SELECT c.id FROM "Claim" c WHERE ${where}`;
    });
    const lines = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(lines).toContain("Claim_search_idx");
    expect(lines).not.toContain("Seq Scan");
  });
});
