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

describe("listing articles at scale", () => {
  it("pages on the list index, newest publication first and undated last, without skipping or repeating", async () => {
    const { ARTICLE_COUNT_CAP, listArticles } = await import("@/lib/data/articles");
    await db.$executeRaw`
      INSERT INTO "Article" (id, title, "originalText", "cleanedText", "contentHash", minhash, "lshBands", source, "charCount", "publishedAt", "ingestedAt", "updatedAt")
      SELECT 'bulk-' || lpad(n::text, 6, '0'), 'Bulk article ' || n, 'Text ' || n, 'Text ' || n, 'bulk-hash-' || n, '{}', '{}', 'cli', 10,
        CASE WHEN n % 7 = 0 THEN NULL ELSE timestamp '2025-06-01' + (n % 500) * interval '1 hour' END, timestamp '2025-06-01' + (n / 3) * interval '1 second', now()
      FROM generate_series(1, 20000) AS n`;
    await db.$executeRawUnsafe(`ANALYZE "Article"`);
    const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN SELECT id FROM "Article" a WHERE (a."listOrder", a."ingestedAt", a.id) > (-1.7e9::float8, now()::timestamp, 'x') ORDER BY a."listOrder", a."ingestedAt", a.id LIMIT 51`,
    );
    expect(plan.map((line) => line["QUERY PLAN"]).join("\n")).toMatch(/Index (Only )?Scan using "Article_listOrder_ingestedAt_id_idx"/);

    const seen = new Set<string>();
    let previous: { time: number; undated: boolean } | null = null;
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listArticles({ limit: 200, cursor });
      // Past the cap the list says "more than" instead of counting every article.
      expect(page).toMatchObject({ total: ARTICLE_COUNT_CAP, isTotalCapped: true });
      for (const item of page.items) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
        const current = { time: item.publishedAt?.getTime() ?? 0, undated: !item.publishedAt };
        if (previous) {
          if (previous.undated) expect(current.undated).toBe(true);
          else if (!current.undated) expect(current.time).toBeLessThanOrEqual(previous.time);
        }
        previous = current;
      }
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(seen.size).toBe(20_005);
    expect(pages).toBe(101);
    await db.$executeRaw`DELETE FROM "Article" WHERE id LIKE 'bulk-%'`;
  });
});
