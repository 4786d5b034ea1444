import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import { seededTestDb } from "./helpers";

vi.mock("server-only", () => ({}));

let db: Db;

beforeAll(async () => {
  db = await seededTestDb();
});
afterAll(async () => db.$disconnect());

describe("listing articles", () => {
  it("pages through every article once, dated first, with words, outlet and claim counts", async () => {
    const { listArticles } = await import("@/lib/data/articles");
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listArticles({ limit: 2, cursor });
      expect(page.total).toBe(5);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
    const { items } = await listArticles({ limit: 5 });
    expect(items[0]?.publishedAt?.toISOString().slice(0, 10)).toBe("2026-01-03");
    const msNow = items.find((item) => item.outlet?.name === "MS NOW");
    expect(msNow?.wordCount).toBeGreaterThan(800);
    expect(msNow?.claimCount).toBe(await db.claim.count({ where: { articleId: msNow?.id } }));
    expect(msNow?.label).toMatch(/^President Donald Trump continued/);
  });

  it("searches the text", async () => {
    const { listArticles } = await import("@/lib/data/articles");
    const { items, total } = await listArticles({ query: "Wagner scandal" });
    expect(total).toBe(1);
    expect(items).toHaveLength(1);
  });
});
