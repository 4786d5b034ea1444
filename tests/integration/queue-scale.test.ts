import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CLAIM_COUNT_CAP, listClaims } from "@/lib/data/claims";
import type { Db } from "@/lib/db";
import { claimFiltersSchema } from "@/lib/validations/claims";
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

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  await run();
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

describe(`the review queue at ${CLAIMS.toLocaleString("en-US")} claims`, () => {
  it("serves the first page, a deep keyset page and a filtered page quickly, in order", async () => {
    const filters = claimFiltersSchema.parse({ limit: "50" });
    const first = await timed(() => listClaims(filters));
    // Past the cap the queue says "more than" instead of counting every claim.
    expect(first.value).toMatchObject({ total: CLAIM_COUNT_CAP, isTotalCapped: true });
    const confidences = first.value.items.map((item) => item.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));

    let cursor = first.value.nextCursor;
    for (let page = 0; page < 20 && cursor; page += 1) cursor = (await listClaims({ ...filters, cursor })).nextCursor;
    const middle = Buffer.from(JSON.stringify([0.9, "m"])).toString("base64url");
    const deep = await timed(() => listClaims({ ...filters, cursor: middle }));
    expect(deep.value.items[0]!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(cursor).toBeTruthy();

    const filtered = await timed(() => listClaims(claimFiltersSchema.parse({ limit: "50", status: "disputed", maxConfidence: "0.5" })));
    expect(filtered.value.items.every((item) => item.status === "disputed" && item.confidence <= 0.5)).toBe(true);
    const few = claimFiltersSchema.parse({ limit: "50", q: "Cloned claim 4242" });
    expect(await listClaims(few)).toMatchObject({ total: await db.claim.count({ where: { text: { contains: "Cloned claim 4242" } } }), isTotalCapped: false });

    // Generous bounds: an offset scan or a sort of the whole table would take far longer on this machine.
    expect(first.ms).toBeLessThan(1500);
    expect(deep.ms).toBeLessThan(1500);
    expect(filtered.ms).toBeLessThan(1500);
    console.log(`queue at ${CLAIMS} claims: first ${first.ms.toFixed(0)} ms, deep ${deep.ms.toFixed(0)} ms, filtered ${filtered.ms.toFixed(0)} ms`);
  });
});
