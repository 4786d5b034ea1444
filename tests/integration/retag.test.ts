import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { ingestArticle } from "@/lib/writes/ingest";
import { retagArticles } from "@/lib/writes/retag";
import { connectTestDb, resetDatabase } from "./helpers";

let db: Db;

const FERRY = `The ferry to Osterby will run twice a day from June, the operator said on Monday.
"Demand has doubled since last year," said operations chief Lene Dahl.
Dahl said the harbour at Osterby would need a new pier within five years.`;

const FARES = `Bus fares in Dunmore will rise by 8% from April, the council decided on Thursday.
"Nobody likes paying more," said council leader Ines Vogt.`;

let ferryId: string;

async function issuesOf(articleId: string, slug: string) {
  const [sentences, claims] = await Promise.all([
    db.sentence.count({ where: { articleId, issues: { has: slug } } }),
    db.claim.count({ where: { articleId, issues: { some: { issue: { slug } } } } }),
  ]);
  return { sentences, claims };
}

beforeAll(async () => {
  db = connectTestDb();
  await resetDatabase(db);
  await db.issue.create({ data: { slug: "ferries", title: "Ferries", phrases: ["ferry"], exclusions: [] } });
  const ferry = await ingestArticle(db, { body: FERRY, outlet: "Island Post" }, { source: "api" });
  const fares = await ingestArticle(db, { body: FARES, outlet: "Dunmore Courier" }, { source: "api" });
  if (ferry.status !== "stored" || fares.status !== "stored") throw new Error("fixtures were not stored");
  ferryId = ferry.id;
});
afterAll(async () => db.$disconnect());

describe("retagArticles", () => {
  it("tags stored articles with a new issue's lexicon and refreshes the framing", async () => {
    await db.issue.create({ data: { slug: "harbours", title: "Harbours", phrases: ["harbour", "pier"], exclusions: [], position: 1 } });
    const result = await retagArticles(db, { changed: ["harbours"] });
    expect(result.articles).toBe(1);
    expect(result.sentencesChanged).toBeGreaterThan(0);
    expect((await issuesOf(ferryId, "harbours")).sentences).toBe(1);
    expect((await issuesOf(ferryId, "harbours")).claims).toBeGreaterThan(0);
    const framing = await db.framingAggregate.findMany({ where: { issue: { slug: "harbours" } }, select: { label: true } });
    expect(framing.map((row) => row.label)).toEqual(["Island Post"]);
  });

  it("removes tags when the lexicon no longer matches, and leaves other issues alone", async () => {
    const ferriesBefore = await issuesOf(ferryId, "ferries");
    expect(ferriesBefore.sentences).toBeGreaterThan(0);
    await db.issue.update({ where: { slug: "harbours" }, data: { phrases: ["lighthouse"] } });
    await retagArticles(db, { changed: ["harbours"] });
    expect(await issuesOf(ferryId, "harbours")).toEqual({ sentences: 0, claims: 0 });
    expect(await issuesOf(ferryId, "ferries")).toEqual(ferriesBefore);
    expect(await db.framingAggregate.count({ where: { issue: { slug: "harbours" } } })).toBe(0);
  });

  it("keeps the issues an editor corrected on a claim", async () => {
    const claim = await db.claim.findFirstOrThrow({ where: { articleId: ferryId, issues: { some: { issue: { slug: "ferries" } } } }, select: { id: true } });
    await db.claim.update({ where: { id: claim.id }, data: { corrections: { issues: ["ferries"] } } });
    await db.issue.update({ where: { slug: "ferries" }, data: { phrases: ["hovercraft"] } });
    await retagArticles(db, { changed: ["ferries"] });
    expect(await db.claimIssue.count({ where: { claimId: claim.id, issue: { slug: "ferries" } } })).toBe(1);
    expect((await issuesOf(ferryId, "ferries")).sentences).toBe(0);
  });
});
