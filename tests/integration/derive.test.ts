import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { deriveArticle } from "@/lib/writes/derive";
import { loadSpeakerRegistry, readIssueLexicons } from "@/lib/writes/ingest";
import { seededTestDb } from "./helpers";

let db: Db;

beforeAll(async () => {
  db = await seededTestDb();
});
afterAll(async () => db.$disconnect());

async function context() {
  const issues = await db.issue.findMany({ select: { id: true, slug: true } });
  return { issues: await readIssueLexicons(db), speakers: await loadSpeakerRegistry(db), issueIds: new Map(issues.map((issue) => [issue.slug, issue.id])) };
}

describe("deriving claims again", () => {
  it("keeps every claim's identity and an editor's review, and changes nothing when nothing changed", async () => {
    const article = await db.article.findFirstOrThrow({ where: { sourceFile: "001_21be471139b793da.txt" }, select: { id: true } });
    const before = await db.claim.findMany({ where: { articleId: article.id }, select: { id: true, fingerprint: true }, orderBy: { id: "asc" } });
    const reviewed = before[0]!;
    await db.claim.update({ where: { id: reviewed.id }, data: { status: "confirmed", version: { increment: 1 }, corrections: { kind: "reported" } } });

    const outcome = await deriveArticle(db, article.id, await context());
    expect(outcome).toEqual({ updated: before.length, added: 0, removed: 0, kept: 0 });
    const after = await db.claim.findMany({ where: { articleId: article.id }, select: { id: true, fingerprint: true }, orderBy: { id: "asc" } });
    expect(after).toEqual(before);
    const kept = await db.claim.findUniqueOrThrow({ where: { id: reviewed.id }, select: { status: true, version: true, corrections: true } });
    expect(kept).toEqual({ status: "confirmed", version: 2, corrections: { kind: "reported" } });
  });

  it("after a lexicon change, re-tags claims and removes only untouched claims that are no longer derived", async () => {
    const article = await db.article.findFirstOrThrow({ where: { sourceFile: "004_221375d7cb411d64.txt" }, select: { id: true } });
    const referendum = await db.issue.findUniqueOrThrow({ where: { slug: "referendum" }, select: { id: true } });
    const tagged = await db.claimIssue.count({ where: { issueId: referendum.id, claim: { articleId: article.id } } });
    expect(tagged).toBeGreaterThan(0);

    const orphanReviewed = await db.claim.create({
      data: {
        articleId: article.id,
        kind: "narration",
        start: 0,
        end: 10,
        text: "US Preside",
        pipelineKind: "narration",
        pipelineStart: 0,
        pipelineEnd: 10,
        pipelineText: "US Preside",
        confidence: 0.5,
        fingerprint: "gone-reviewed",
        status: "disputed",
      },
    });
    const orphanUntouched = await db.claim.create({
      data: {
        articleId: article.id,
        kind: "narration",
        start: 0,
        end: 10,
        text: "US Preside",
        pipelineKind: "narration",
        pipelineStart: 0,
        pipelineEnd: 10,
        pipelineText: "US Preside",
        confidence: 0.5,
        fingerprint: "gone-untouched",
      },
    });
    await db.issue.update({ where: { id: referendum.id }, data: { phrases: ["a phrase no article uses"] } });
    const outcome = await deriveArticle(db, article.id, await context());
    expect(outcome.removed).toBeGreaterThanOrEqual(1);
    expect(outcome.kept).toBe(1);
    expect(await db.claim.findUnique({ where: { id: orphanReviewed.id } })).not.toBeNull();
    expect(await db.claim.findUnique({ where: { id: orphanUntouched.id } })).toBeNull();
    expect(await db.claimIssue.count({ where: { issueId: referendum.id, claim: { articleId: article.id } } })).toBe(0);
    const sentences = await db.sentence.findMany({ where: { articleId: article.id }, select: { issues: true } });
    expect(sentences.some((sentence) => sentence.issues.includes("referendum"))).toBe(false);
    expect(sentences.some((sentence) => sentence.issues.includes("donbas"))).toBe(true);
  });
});
