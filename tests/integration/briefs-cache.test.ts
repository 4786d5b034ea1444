import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import { getBriefVersion, getDashboard, getIssueBrief } from "@/lib/data/briefs";
import { parseBriefFilters } from "@/lib/validations/briefs";
import { seededTestDb } from "./helpers";

vi.mock("server-only", () => ({}));

let db: Db;
const filters = parseBriefFilters({});

beforeAll(async () => {
  db = await seededTestDb();
});
afterAll(async () => db.$disconnect());

describe("briefs are computed once per data version", () => {
  it("reuses a brief and the dashboard while nothing changed", async () => {
    const brief = await getIssueBrief("security-guarantees", filters);
    expect(brief).not.toBeNull();
    expect(await getIssueBrief("security-guarantees", filters)).toBe(brief);
    expect(await getIssueBrief("security-guarantees", parseBriefFilters({ kind: "quote" }))).not.toBe(brief);
    const dashboard = await getDashboard(filters);
    expect(await getDashboard(filters)).toBe(dashboard);
  });

  it("shows a renamed speaker at once", async () => {
    const before = await getIssueBrief("security-guarantees", filters);
    const named = before!.clusters.flatMap((cluster) => cluster.members).find((member) => member.speaker);
    expect(named, "a cluster member with a speaker").toBeDefined();
    const version = await getBriefVersion();
    const speaker = await db.speaker.findFirstOrThrow({ where: { name: named!.speaker! } });
    await db.speaker.update({ where: { id: speaker.id }, data: { name: `${speaker.name} (renamed)` } });
    expect(await getBriefVersion()).not.toBe(version);
    const after = await getIssueBrief("security-guarantees", filters);
    expect(after).not.toBe(before);
    expect(after!.clusters.flatMap((cluster) => cluster.members).some((member) => member.speaker === `${speaker.name} (renamed)`)).toBe(true);
  });

  it("recomputes after a claim's review changes", async () => {
    const before = await getIssueBrief("donbas", filters);
    const claim = await db.claim.findFirstOrThrow({
      where: { issues: { some: { issue: { slug: "donbas" } } }, status: { not: "not_a_claim" } },
      select: { id: true },
    });
    await db.claim.update({ where: { id: claim.id }, data: { status: "not_a_claim" } });
    const after = await getIssueBrief("donbas", filters);
    expect(after).not.toBe(before);
  });
});
