import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getIssueClaims } from "@/lib/data/briefs";
import { ISSUE_CLAIM_COUNT_CAP, ISSUE_CLAIM_PAGE } from "@/lib/data/positions";
import type { Db } from "@/lib/db";
import { parseBriefFilters } from "@/lib/validations/briefs";
import { seededTestDb } from "./helpers";

vi.mock("server-only", () => ({}));

let db: Db;
let issueId: string;
let seeded: number;

/** Copies every claim on the issue `times` times (new ids and fingerprints, same article and text), as a big story has them. */
async function multiplyClaims(times: number) {
  const columns = await db.$queryRaw<{ name: string }[]>`
    SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'Claim' AND is_generated = 'NEVER' AND column_name NOT IN ('id', 'fingerprint', 'updatedAt')`;
  const list = columns.map((column) => `"${column.name}"`).join(", ");
  await db.$executeRawUnsafe(
    `INSERT INTO "Claim" (id, fingerprint, "updatedAt", ${list})
     SELECT c.id || '-copy-' || g, c.fingerprint || '-copy-' || g, now(), ${columns.map((column) => `c."${column.name}"`).join(", ")}
     FROM "Claim" c JOIN "ClaimIssue" ci ON ci."claimId" = c.id AND ci."issueId" = $1, generate_series(1, $2) g`,
    issueId,
    times,
  );
  await db.$executeRawUnsafe(`INSERT INTO "ClaimIssue" ("claimId", "issueId") SELECT id, $1 FROM "Claim" WHERE id LIKE '%-copy-%'`, issueId);
}

beforeAll(async () => {
  db = await seededTestDb();
  issueId = (await db.issue.findUniqueOrThrow({ where: { slug: "donbas" }, select: { id: true } })).id;
  seeded = (await getIssueClaims(issueId, parseBriefFilters({}))).total;
  await multiplyClaims(Math.ceil(ISSUE_CLAIM_COUNT_CAP / Math.max(1, seeded)) + 1);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("an issue's list of claims on a big story", () => {
  it("counts up to the cap and says there are more, and pages no further than the cap", async () => {
    expect(seeded).toBeGreaterThan(0);
    expect(seeded).toBeLessThan(ISSUE_CLAIM_COUNT_CAP);
    const first = await getIssueClaims(issueId, parseBriefFilters({}));
    expect(first.total).toBe(ISSUE_CLAIM_COUNT_CAP);
    expect(first.isTotalCapped).toBe(true);
    expect(first.items).toHaveLength(ISSUE_CLAIM_PAGE);

    const lastPage = Math.ceil(ISSUE_CLAIM_COUNT_CAP / ISSUE_CLAIM_PAGE);
    const far = await getIssueClaims(issueId, parseBriefFilters({}), { page: 100_000 });
    expect(far.page).toBe(lastPage);
    expect(far.items).toHaveLength(ISSUE_CLAIM_PAGE);
    expect(far.items.map((item) => item.id)).toEqual((await getIssueClaims(issueId, parseBriefFilters({}), { page: lastPage })).items.map((item) => item.id));
  });

  it("lists newest articles first and each article's claims in text order, with no claim twice across pages", async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => getIssueClaims(issueId, parseBriefFilters({}), { page })));
    const items = pages.flatMap((page) => page.items);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    const dates = items.map((item) => item.publishedAt?.getTime() ?? -Infinity);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it("counts exactly below the cap (the claims of one review status)", async () => {
    await db.$executeRaw`UPDATE "Claim" SET status = 'disputed', "updatedAt" = now() WHERE id IN (
      SELECT c.id FROM "Claim" c JOIN "ClaimIssue" ci ON ci."claimId" = c.id WHERE ci."issueId" = ${issueId} ORDER BY c.id LIMIT 13)`;
    const disputed = await getIssueClaims(issueId, parseBriefFilters({}), { status: "disputed" });
    expect(disputed).toMatchObject({ total: 13, isTotalCapped: false, page: 1 });
    expect(disputed.items).toHaveLength(ISSUE_CLAIM_PAGE);
    expect((await getIssueClaims(issueId, parseBriefFilters({}), { status: "disputed", page: 2 })).items).toHaveLength(3);
  });
});
