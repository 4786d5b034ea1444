import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listClaims } from "@/lib/data/claims";
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

describe("searching claim text", () => {
  it("finds the claims whose text contains the words, whatever their case, and only those", async () => {
    const expected = await db.claim.count({ where: { text: { contains: "ceasefire", mode: "insensitive" } } });
    expect(expected).toBeGreaterThan(0);
    const page = await listClaims(filters({ q: "CeaseFire" }));
    expect(page.total).toBe(expected);
    expect(page.items.every((item) => item.text.toLowerCase().includes("ceasefire"))).toBe(true);
    expect(page.total).toBeLessThan(await db.claim.count());
  });

  it("combines with the other filters and finds nothing for words no claim has", async () => {
    const quotes = await listClaims(filters({ q: "ceasefire", kind: "quote" }));
    expect(quotes.items.every((item) => item.kind === "quote")).toBe(true);
    expect((await listClaims(filters({ q: "zzqx no claim says this" }))).total).toBe(0);
  });

  it("ignores a blank search and refuses one over 200 characters", async () => {
    expect((await listClaims(filters({ q: "   " }))).total).toBe(await db.claim.count());
    expect(parseClaimFilters({ q: "x".repeat(201) }).success).toBe(false);
  });
});
