import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { loadSeeds } from "@/lib/seeds";
import { connectTestDb, resetDatabase } from "./helpers";

let db: Db;

beforeAll(async () => {
  db = connectTestDb();
  await resetDatabase(db);
});
afterAll(async () => db.$disconnect());

describe("loading the seeds", () => {
  it("stores the five articles and four issues once, however often it runs", async () => {
    const first = await loadSeeds(db);
    expect(first).toEqual({ issues: 4, articles: 5 });
    const second = await loadSeeds(db);
    expect(second).toEqual({ issues: 0, articles: 0 });
    expect(await db.article.count()).toBe(5);
    expect((await db.issue.findMany({ select: { slug: true }, orderBy: { position: "asc" } })).map((issue) => issue.slug)).toEqual([
      "donbas",
      "referendum",
      "ceasefire",
      "security-guarantees",
    ]);
  });

  it("keeps the manifest's metadata and never invents an outlet", async () => {
    const articles = await db.article.findMany({
      select: { sourceFile: true, byline: true, publishedAt: true, outlet: { select: { name: true } } },
      orderBy: { sourceFile: "asc" },
    });
    expect(articles.map((article) => article.outlet?.name ?? null)).toEqual(["MS NOW", null, null, null, null]);
    expect(articles[0]?.byline).toBe("Julia Jester, Erum Salam");
    expect(articles[3]?.publishedAt?.toISOString().slice(0, 10)).toBe("2026-01-03");
  });

  it("does not bring back a seed article an editor deleted", async () => {
    const article = await db.article.findFirstOrThrow({ where: { sourceFile: "004_221375d7cb411d64.txt" } });
    await db.article.delete({ where: { id: article.id } });
    await loadSeeds(db);
    expect(await db.article.count()).toBe(4);
  });

  it("keeps an editor's change to a seeded issue", async () => {
    await db.issue.update({ where: { slug: "referendum" }, data: { title: "Referendum on territory" } });
    await loadSeeds(db);
    expect((await db.issue.findUniqueOrThrow({ where: { slug: "referendum" } })).title).toBe("Referendum on territory");
  });
});
