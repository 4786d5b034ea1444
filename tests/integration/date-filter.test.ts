import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDashboard, getIssueBrief, getIssueClaims } from "@/lib/data/briefs";
import type { Db } from "@/lib/db";
import { refreshAnalysis } from "@/lib/analysis/run/refresh";
import { ingestArticle } from "@/lib/writes/ingest";
import { parseBriefFilters } from "@/lib/validations/briefs";
import { seededTestDb } from "./helpers";

vi.mock("server-only", () => ({}));

let db: Db;
let dated: string;
let undated: string;

const DAY = "2026-02-10";

beforeAll(async () => {
  db = await seededTestDb();
  const a = await ingestArticle(
    db,
    {
      body: `The mediators said on Monday that the ceasefire along the river would hold.\n\n"The ceasefire holds tonight," said Ilse Varga, the mediators' spokeswoman.`,
      outlet: "River Courier",
      publishedAt: DAY,
    },
    { source: "api" },
  );
  const b = await ingestArticle(
    db,
    {
      body: `Village leaders said the ceasefire was broken twice overnight.\n\n"Nobody respects the ceasefire here," said Tomas Brand, a village leader.`,
      outlet: "Hill Herald",
    },
    { source: "api" },
  );
  if (a.status !== "stored" || b.status !== "stored") throw new Error("fixtures not stored");
  dated = a.id;
  undated = b.id;
  await db.article.update({ where: { id: undated }, data: { publishedAt: null } });
  await refreshAnalysis(db);
});
afterAll(async () => db.$disconnect());

describe("a date range and articles without a publication date", () => {
  it("says how many undated articles it leaves out, and includes them on request", async () => {
    const undatedCount = await db.article.count({ where: { publishedAt: null, claims: { some: { issues: { some: { issue: { slug: "ceasefire" } } } } } } });
    expect(undatedCount).toBeGreaterThanOrEqual(1);

    const narrowed = await getIssueBrief("ceasefire", parseBriefFilters({ from: DAY, to: DAY }));
    expect(narrowed!.undatedLeftOut).toBe(undatedCount);
    expect(narrowed!.timeline.days.map((day) => day.day)).toEqual([DAY]);
    const narrowedClaims = await getIssueClaims(narrowed!.issue.id, parseBriefFilters({ from: DAY, to: DAY }));
    expect(narrowedClaims.items.length).toBeGreaterThan(0);
    expect(narrowedClaims.items.every((claim) => claim.articleId === dated)).toBe(true);

    const included = await getIssueBrief("ceasefire", parseBriefFilters({ from: DAY, to: DAY, undated: "include" }));
    expect(included!.undatedLeftOut).toBe(0);
    // Undated articles come last in the issue's list of claims: every page of it.
    const includedFilters = parseBriefFilters({ from: DAY, to: DAY, undated: "include" });
    const first = await getIssueClaims(included!.issue.id, includedFilters);
    const pages = await Promise.all(
      Array.from({ length: Math.ceil(first.total / first.pageSize) }, (_, index) => getIssueClaims(included!.issue.id, includedFilters, { page: index + 1 })),
    );
    expect(pages.flatMap((page) => page.items).some((claim) => claim.articleId === undated)).toBe(true);
    expect(included!.timeline.days.some((day) => (day.ingested ?? 0) > 0)).toBe(true);

    const dashboard = await getDashboard(parseBriefFilters({ from: DAY }));
    expect(dashboard.undatedLeftOut).toBeGreaterThanOrEqual(undatedCount);
    expect((await getDashboard(parseBriefFilters({}))).undatedLeftOut).toBe(0);
  });

  it("places undated articles on the timeline by the day they were ingested, marked as such", async () => {
    const brief = await getIssueBrief("ceasefire", parseBriefFilters({}));
    const ingestDay = (await db.article.findUniqueOrThrow({ where: { id: undated }, select: { ingestedAt: true } })).ingestedAt.toISOString().slice(0, 10);
    const day = brief!.timeline.days.find((entry) => entry.day === ingestDay);
    expect(day?.ingested).toBeGreaterThanOrEqual(1);
    expect(brief!.timeline.days.find((entry) => entry.day === DAY)?.ingested ?? 0).toBe(0);
    expect(brief!.timeline.undated.articles.some((article) => article.id === undated)).toBe(true);
  });
});
