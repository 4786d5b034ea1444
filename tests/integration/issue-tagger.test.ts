import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { lexiconHash } from "@/lib/nlp";
import { ingestArticle, ingestMany, readIssueLexicons } from "@/lib/writes/ingest";
import { retagArticles } from "@/lib/writes/retag";
import { loadIssueTagger, retrainIssueTagger } from "@/lib/analysis/run/tagger";
import { runJob } from "@/lib/jobs/run";
import { connectTestDb, resetDatabase } from "./helpers";

let db: Db;

const DOCK_TALKS = [
  `The Sandhaven dock strike entered its third week on Monday.
Union negotiators said the retirement fund must be topped up before crews return.
"The retirement fund is the heart of this," said deputy secretary Oona Brackley.`,
  `Operators in Sandhaven offered a new deal on Tuesday.
Their offer leaves the retirement fund untouched for two years, a spokesman said.
Crane drivers rejected it within the hour.`,
  `Harbour chief Aldo Venn met both sides on Wednesday.
Venn wants the retirement fund topped up over 12 years.
Talks resume on Friday.`,
];

const LATER = `Talks in Sandhaven stalled again on Thursday.
The fund question is still open, Brackley said.
Ships waited outside the harbour.`;

async function sentenceIssues(articleId: string): Promise<Record<string, string[]>> {
  const [article, sentences] = await Promise.all([
    db.article.findUniqueOrThrow({ where: { id: articleId }, select: { originalText: true } }),
    db.sentence.findMany({ where: { articleId }, orderBy: { index: "asc" }, select: { start: true, end: true, issues: true } }),
  ]);
  return Object.fromEntries(sentences.map((s) => [article.originalText.slice(s.start, s.end), s.issues]));
}

beforeAll(async () => {
  db = connectTestDb();
  await resetDatabase(db);
  await db.issue.create({
    data: {
      slug: "pensions",
      title: "Pensions",
      description: "What the crews get when they retire.",
      phrases: ["retirement fund", "pension scheme"],
      exclusions: [],
    },
  });
});
afterAll(async () => db.$disconnect());

/** What the worker does with the `tagger` job the app queues after articles are stored. */
const trainingJob = () => runJob(db, "tagger", {}, "test", () => undefined);

describe("the story's issue tagger", () => {
  it("is trained by its job on the stored articles, not inside ingest, and stored with the lexicons' hash", async () => {
    expect(await db.issueTagger.count()).toBe(0);
    const outcomes: string[] = [];
    await ingestMany(
      db,
      DOCK_TALKS.map((body) => ({ input: { body, outlet: "Sandhaven Gazette" } })),
      { source: "cli" },
      (_i, { outcome }) => outcomes.push(outcome?.status ?? "error"),
    );
    expect(outcomes).toEqual(["stored", "stored", "stored"]);
    expect(await db.issueTagger.count()).toBe(0);
    expect((await trainingJob()).summary).toMatch(/^Trained the issue tagger on \d+ sentences\.$/);
    const row = await db.issueTagger.findUniqueOrThrow({ where: { id: "story" } });
    expect(row.articles).toBe(3);
    expect(row.lexiconHash).toBe(lexiconHash(await readIssueLexicons(db)));
    const model = await loadIssueTagger(db, await readIssueLexicons(db));
    expect(model?.issues.find((issue) => issue.slug === "pensions")?.cues).toContain("fund");
  });

  it("tags a new article's sentence the lexicon misses (a bare head noun) with the stored tagger, and is retrained with it", async () => {
    const outcome = await ingestArticle(db, { body: LATER, outlet: "Valdoria Radio" }, { source: "api" });
    if (outcome.status !== "stored") throw new Error(`not stored: ${outcome.status}`);
    const tags = await sentenceIssues(outcome.id);
    expect(tags["The fund question is still open, Brackley said."]).toEqual(["pensions"]);
    expect(tags["Ships waited outside the harbour."]).toEqual([]);
    const claim = await db.claim.findFirst({
      where: { articleId: outcome.id, text: { contains: "fund question" } },
      select: { issues: { select: { issue: { select: { slug: true } } } } },
    });
    expect(claim?.issues.map((link) => link.issue.slug)).toEqual(["pensions"]);
    expect((await db.issueTagger.findUniqueOrThrow({ where: { id: "story" } })).articles).toBe(3);
    await trainingJob();
    expect((await db.issueTagger.findUniqueOrThrow({ where: { id: "story" } })).articles).toBe(4);
  });

  it("keeps one stored tagger when articles arrive at the same time", async () => {
    const lexicons = await readIssueLexicons(db);
    await db.issueTagger.deleteMany();
    await Promise.all([retrainIssueTagger(db, lexicons), retrainIssueTagger(db, lexicons), retrainIssueTagger(db, lexicons)]);
    expect(await db.issueTagger.count()).toBe(1);
  });

  it("is retrained when a lexicon changes, and the retag uses it", async () => {
    await db.issue.update({ where: { slug: "pensions" }, data: { phrases: ["pension scheme"] } });
    const lexicons = await readIssueLexicons(db);
    expect(await loadIssueTagger(db, lexicons)).toBeNull();
    await retagArticles(db, { changed: ["pensions"], refresh: async () => undefined });
    const model = await loadIssueTagger(db, lexicons);
    expect(model?.lexiconHash).toBe(lexiconHash(lexicons));
    // Without "retirement fund" in the lexicon nothing teaches the tagger that a fund is a pension matter.
    expect(model?.issues.find((issue) => issue.slug === "pensions")?.cues).not.toContain("fund");
    const later = await db.article.findFirstOrThrow({ where: { originalText: LATER }, select: { id: true } });
    expect((await sentenceIssues(later.id))["The fund question is still open, Brackley said."]).toEqual([]);
  });
});
