import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { extractArticle, MAX_ARTICLE_SENTENCES } from "@/lib/nlp";
import { ingestMany, readIssueLexicons, type IngestItem, type IngestResult } from "@/lib/writes/ingest";
import { seededTestDb } from "./helpers";

let db: Db;

beforeAll(async () => {
  db = await seededTestDb();
});
afterAll(async () => db.$disconnect());

/** A short report of its own on the Harlow tram works, numbered so that no two are near duplicates. */
function report(number: number, subject: string): string {
  return [
    `The Harlow tram works reached stage ${number} on Monday, the transit office said in its ${subject} bulletin.`,
    `"Stage ${number} of the ${subject} works is finished and the crews move on," said project lead Mira Osei, who has run the ${subject} site since spring.`,
    `Osei said ${number * 7} workers on the ${subject} line would move to the next section within ${number + 2} days.`,
    `Shopkeepers on the ${subject} route said the closures had cost them ${number * 3}% of their trade.`,
  ].join("\n");
}

async function ingest(items: IngestItem[], threads: number): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  await ingestMany(db, items, { source: "cli" }, (index, result) => (results[index] = result), { threads, window: 4, batch: 3 });
  return results;
}

async function storedClaims(id: string) {
  const claims = await db.claim.findMany({
    where: { articleId: id },
    orderBy: [{ start: "asc" }, { kind: "asc" }],
    select: { kind: true, start: true, end: true, text: true, speaker: { select: { name: true } }, figures: { select: { raw: true } } },
  });
  return claims.map((claim) => ({
    kind: claim.kind,
    start: claim.start,
    end: claim.end,
    text: claim.text,
    speaker: claim.speaker?.name ?? null,
    figures: claim.figures.length,
  }));
}

describe("ingesting a batch", () => {
  it("stores what extraction on the calling thread derives, with claims derived in worker threads", async () => {
    const subjects = ["north", "south", "east", "west", "river", "harbour", "market"];
    const items = subjects.map((subject, index) => ({ input: { body: report(index + 1, subject), outlet: "Harlow Herald" } }));
    const results = await ingest(items, 2);
    expect(results.map((result) => result.outcome?.status)).toEqual(subjects.map(() => "stored"));
    const issues = await readIssueLexicons(db);
    for (const [index, result] of results.entries()) {
      if (result.outcome?.status !== "stored") throw new Error("not stored");
      const expected = extractArticle(items[index]!.input.body, { issues }).claims;
      const claims = await storedClaims(result.outcome.id);
      expect(claims.map(({ kind, start, end, text, speaker }) => ({ kind, start, end, text, speaker }))).toEqual(
        expected
          .map(({ kind, start, end, text, speaker }) => ({ kind, start, end, text, speaker }))
          .sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind)),
      );
      expect(claims.some((claim) => claim.speaker === "Mira Osei")).toBe(true);
      expect(result.outcome.claims).toBe(claims.length);
    }
    // One person, one speaker row, whichever thread met her first.
    expect(await db.speaker.count({ where: { name: "Mira Osei" } })).toBe(1);
  });

  it("answers each article of a batch on its own: bad input, too long, duplicates in the batch and in the database", async () => {
    const fresh = report(20, "quarry");
    const long = Array.from({ length: MAX_ARTICLE_SENTENCES + 1 }, (_, index) => `Sentence ${index} of a very long report.`).join("\n");
    const stored = await db.article.findFirstOrThrow({ where: { outlet: { name: "Harlow Herald" } }, select: { id: true, originalText: true } });
    const results = await ingest(
      [
        { input: { body: fresh } },
        { input: { body: "   " } },
        { input: { body: long } },
        { input: { body: fresh.replaceAll("  ", " ") } },
        { input: { body: stored.originalText } },
        { input: { body: `${fresh}\nA correction was appended to this report.` } },
      ],
      2,
    );
    const first = results[0]?.outcome;
    if (first?.status !== "stored") throw new Error("the first article was not stored");
    expect(String(results[1]?.error)).toMatch(/body is empty/);
    expect(results[2]?.error).toMatchObject({ code: "too_large", field: "body" });
    expect(String(results[2]?.error)).toMatch(/over the size limit of 5,000 sentences/);
    expect(results[3]?.outcome).toEqual({ status: "duplicate", existingId: first.id });
    expect(results[4]?.outcome).toEqual({ status: "duplicate", existingId: stored.id });
    expect(results[5]?.outcome).toMatchObject({ status: "near_duplicate", existingId: first.id });
  });

  it("loses only the article whose write fails, leaving nothing of it behind, and stores the rest of its batch", async () => {
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_fail_claims() RETURNS trigger AS $$
      BEGIN IF NEW.text LIKE '%explode on purpose%' THEN RAISE EXCEPTION 'simulated failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER test_fail_claims BEFORE INSERT ON "Claim" FOR EACH ROW EXECUTE FUNCTION test_fail_claims()`);
    try {
      const bad = `The board met on Friday.\n"This will explode on purpose," said board member Arno Pick, before the vote.`;
      const counts = async () => [await db.outlet.count({ where: { name: "Pick Weekly" } }), await db.speaker.count({ where: { name: "Arno Pick" } })];
      const before = await db.article.count();
      const results = await ingest(
        [
          { input: { body: report(31, "canal"), outlet: "Harlow Herald" } },
          { input: { body: bad, outlet: "Pick Weekly" } },
          { input: { body: report(32, "bridge"), outlet: "Harlow Herald" } },
        ],
        0,
      );
      expect(results.map((result) => result.outcome?.status ?? "error")).toEqual(["stored", "error", "stored"]);
      expect(String(results[1]?.error)).toMatch(/simulated failure/);
      expect(await db.article.count()).toBe(before + 2);
      expect(await counts()).toEqual([0, 0]);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_fail_claims ON "Claim"`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_fail_claims()`);
    }
  });
});
