import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { IngestValidationError, ingestArticle } from "@/lib/writes/ingest";
import { normalizeForComparison } from "@/lib/text/minhash";
import { seededTestDb } from "./helpers";

let db: Db;

const ARTICLE = `Water rates in Dunmore will rise by 8% from April, the city's utility board decided on Thursday.
"We have put off repairs for too long, and the pipes will not wait," said board chair Ines Vogt.
Vogt said the increase would pay for replacing 30 kilometres of mains over five years.
Residents' groups called the rise "a tax by another name" and said they would ask the council to block it.`;

beforeAll(async () => {
  db = await seededTestDb();
});
afterAll(async () => db.$disconnect());

describe("ingesting an article", () => {
  it("stores the article with its sentences, claims, speakers and figures", async () => {
    const outcome = await ingestArticle(db, { body: ARTICLE, outlet: "Dunmore Courier", title: "Water rates to rise" }, { source: "api" });
    expect(outcome.status).toBe("stored");
    if (outcome.status !== "stored") return;
    const article = await db.article.findUniqueOrThrow({
      where: { id: outcome.id },
      select: { originalText: true, outlet: { select: { name: true } }, _count: { select: { sentences: true, claims: true } } },
    });
    expect(article.originalText).toBe(ARTICLE);
    expect(article.outlet?.name).toBe("Dunmore Courier");
    expect(article._count.sentences).toBeGreaterThanOrEqual(4);
    expect(article._count.claims).toBe(outcome.claims);
    const quote = await db.claim.findFirstOrThrow({
      where: { articleId: outcome.id, kind: "quote" },
      orderBy: { start: "asc" },
      select: { start: true, end: true, text: true, speaker: { select: { name: true } } },
    });
    expect(ARTICLE.slice(quote.start, quote.end)).toBe(quote.text);
    expect(quote.text).toContain("We have put off repairs for too long");
    expect(quote.speaker?.name).toBe("Ines Vogt");
  });

  it("refuses an exact duplicate, even with different spacing and quote marks, and names the existing article", async () => {
    const original = await db.article.findFirstOrThrow({ where: { outlet: { name: "Dunmore Courier" } }, select: { id: true } });
    const respaced = ARTICLE.replaceAll('"', "“").replaceAll("  ", " ").replace("\n", "\n\n");
    expect(await ingestArticle(db, { body: respaced }, { source: "paste" })).toEqual({ status: "duplicate", existingId: original.id });
  });

  it("answers a duplicate, not an error, when the same text is stored by someone else between its check and its write", async () => {
    const body =
      'The ferry timetable changes on Monday, the harbour office said.\n\n"Boats will leave every forty minutes," said Ola Brenn, the office\'s head.';
    const contentHash = crypto.createHash("sha256").update(normalizeForComparison(body)).digest("hex");
    let outcome: Promise<unknown> | undefined;
    // The other writer's row is not committed yet when the ingest checks, so only its own write meets it.
    const winner = await db.$transaction(async (tx) => {
      const row = await tx.article.create({
        data: { originalText: body, cleanedText: body, contentHash, minhash: [], lshBands: [], source: "api", charCount: body.length },
        select: { id: true },
      });
      outcome = ingestArticle(db, { body, force: true }, { source: "paste" });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      return row;
    });
    expect(await outcome).toEqual({ status: "duplicate", existingId: winner.id });
    expect(await db.article.count({ where: { contentHash } })).toBe(1);
  });

  it("flags a near duplicate (a seed with a correction appended) and stores it only when forced", async () => {
    const seed = await db.article.findFirstOrThrow({ where: { sourceFile: "000_bf03e1deb2ef6062.txt" }, select: { id: true, originalText: true } });
    const corrected = `${seed.originalText.trim()}\nCorrection: an earlier version of this article misstated the length of the call.`;
    const before = await db.article.count();
    const flagged = await ingestArticle(db, { body: corrected }, { source: "paste" });
    expect(flagged).toMatchObject({ status: "near_duplicate", existingId: seed.id });
    expect(await db.article.count()).toBe(before);
    const forced = await ingestArticle(db, { body: corrected, force: true }, { source: "paste" });
    expect(forced.status).toBe("stored");
    expect(await db.article.count()).toBe(before + 1);
  });

  it.each([
    ["", "body is empty"],
    ["  \n\t ", "body is empty"],
    ["text with a \u0000 NUL byte", "binary"],
    ["x".repeat(2 * 1024 * 1024 + 1), "size limit"],
  ])("refuses bad input with a message naming the problem (%#)", async (body, message) => {
    const before = await db.article.count();
    await expect(ingestArticle(db, { body }, { source: "api" })).rejects.toThrow(IngestValidationError);
    await expect(ingestArticle(db, { body }, { source: "api" })).rejects.toThrow(message);
    expect(await db.article.count()).toBe(before);
  });

  it("leaves nothing behind when a write inside the transaction fails", async () => {
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_fail_claims() RETURNS trigger AS $$
      BEGIN IF NEW.text LIKE '%explode on purpose%' THEN RAISE EXCEPTION 'simulated failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER test_fail_claims BEFORE INSERT ON "Claim" FOR EACH ROW EXECUTE FUNCTION test_fail_claims()`);
    try {
      const body = `The committee met on Friday.\n"This will explode on purpose," said committee member Arno Pick, before the vote.`;
      const counts = async () => [await db.article.count(), await db.sentence.count(), await db.outlet.count(), await db.speaker.count()];
      const before = await counts();
      await expect(ingestArticle(db, { body, outlet: "Brand New Outlet" }, { source: "api" })).rejects.toThrow(/simulated failure/);
      expect(await counts()).toEqual(before);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_fail_claims ON "Claim"`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_fail_claims()`);
    }
  });

  it("stores the outlet, title, date and byline the text states when the submitter gives none, and the submitter's when given", async () => {
    const body = [
      "Ferry crews vote to end the Orlan strike",
      "By Ana Ruiz, Tom Li, CNN",
      "Published 4 March 2026",
      "(CNN) — Ferry crews on the Orlan river voted on Tuesday to end a nine-day strike, their union said.",
      '"We got most of what we asked for," union organiser Pia Renn told reporters.',
    ].join("\n");
    const stored = async (outcome: Awaited<ReturnType<typeof ingestArticle>>) => {
      if (outcome.status !== "stored") throw new Error(`not stored: ${outcome.status}`);
      const article = await db.article.findUniqueOrThrow({
        where: { id: outcome.id },
        select: { title: true, byline: true, publishedAt: true, outlet: { select: { name: true } } },
      });
      return [article.outlet?.name, article.title, article.publishedAt?.toISOString().slice(0, 10), article.byline];
    };
    expect(await stored(await ingestArticle(db, { body }, { source: "cli" }))).toEqual([
      "CNN",
      "Ferry crews vote to end the Orlan strike",
      "2026-03-04",
      "Ana Ruiz, Tom Li",
    ]);
    const details = { outlet: "Orlan Courier", title: "Strike over", publishedAt: "2026-03-05", byline: "Desk" };
    expect(await stored(await ingestArticle(db, { body: body.replace("nine-day", "ten-day"), ...details }, { source: "api" }))).toEqual([
      "Orlan Courier",
      "Strike over",
      "2026-03-05",
      "Desk",
    ]);
  });

  it("stores a range with its low and high ends", async () => {
    const body = "The Orlan ferry board said one or two berths would reopen on Friday.\nFees will rise between 4.5 percent and 4.75 percent, it said.";
    const outcome = await ingestArticle(db, { body, outlet: "Orlan Courier" }, { source: "api" });
    if (outcome.status !== "stored") throw new Error(`not stored: ${outcome.status}`);
    const figures = await db.claimFigure.findMany({
      where: { claim: { articleId: outcome.id } },
      orderBy: { start: "asc" },
      select: { raw: true, value: true, high: true, unit: true },
    });
    expect(figures).toEqual([
      { raw: "one or two berths", value: 1, high: 2, unit: "berths" },
      { raw: "between 4.5 percent and 4.75 percent", value: 4.5, high: 4.75, unit: "%" },
    ]);
  });
});
