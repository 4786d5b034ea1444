import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { ANALYSIS_SETTING, refreshAnalysis, type AnalysisSummary, type StoredDiscrepancyItem } from "@/lib/analysis/run/refresh";
import type { FramingMeasures } from "@/lib/analysis/framing-measures";
import { connectTestDb, resetDatabase } from "./helpers";

let db: Db;

type SentenceSpec = { text: string; issues?: string[] };
type ClaimSpec = {
  sentence: number;
  kind: "quote" | "reported" | "narration";
  speaker?: string;
  verb?: string;
  quote?: string;
  issues?: string[];
  figures?: { value: number; unit: string; raw: string; about: string | null }[];
};
type ArticleSpec = { outlet?: string; title?: string; publishedAt?: string; paragraphs: SentenceSpec[][]; claims: ClaimSpec[] };

const speakerIds = new Map<string, string>();

async function createArticle(spec: ArticleSpec, issueIds: Map<string, string>) {
  const sentences: { start: number; end: number; paragraph: number; issues: string[] }[] = [];
  let text = "";
  spec.paragraphs.forEach((paragraph, paragraphIndex) => {
    if (paragraphIndex > 0) text += "\n\n";
    paragraph.forEach((sentence, index) => {
      if (index > 0) text += " ";
      sentences.push({ start: text.length, end: text.length + sentence.text.length, paragraph: paragraphIndex, issues: sentence.issues ?? [] });
      text += sentence.text;
    });
  });
  const outlet = spec.outlet
    ? await db.outlet.upsert({
        where: { slug: spec.outlet.toLowerCase() },
        create: { slug: spec.outlet.toLowerCase(), name: spec.outlet },
        update: {},
        select: { id: true },
      })
    : null;
  const article = await db.article.create({
    data: {
      outletId: outlet?.id,
      title: spec.title,
      publishedAt: spec.publishedAt ? new Date(spec.publishedAt) : undefined,
      originalText: text,
      cleanedText: text,
      contentHash: `${Math.random()}`,
      source: "api",
      charCount: text.length,
      sentences: { create: sentences.map((sentence, index) => ({ ...sentence, index })) },
    },
    select: { id: true },
  });
  const claimIds: string[] = [];
  for (const [index, claim] of spec.claims.entries()) {
    const sentence = sentences[claim.sentence]!;
    let speakerId: string | undefined;
    if (claim.speaker) {
      speakerId = speakerIds.get(claim.speaker);
      if (!speakerId) {
        speakerId = (await db.speaker.create({ data: { slug: claim.speaker.toLowerCase().replace(/\s+/g, "-"), name: claim.speaker }, select: { id: true } }))
          .id;
        speakerIds.set(claim.speaker, speakerId);
      }
    }
    const created = await db.claim.create({
      data: {
        articleId: article.id,
        kind: claim.kind,
        start: sentence.start,
        end: sentence.end,
        text: text.slice(sentence.start, sentence.end),
        quote: claim.quote,
        speakerId,
        pipelineKind: claim.kind,
        pipelineStart: sentence.start,
        pipelineEnd: sentence.end,
        pipelineText: text.slice(sentence.start, sentence.end),
        pipelineQuote: claim.quote,
        pipelineSpeakerId: speakerId,
        verb: claim.verb,
        confidence: 0.9,
        fingerprint: `f${index}`,
        issues: { create: (claim.issues ?? []).map((slug) => ({ issueId: issueIds.get(slug)! })) },
        figures: { create: (claim.figures ?? []).map((figure) => ({ ...figure, start: sentence.start, end: sentence.end })) },
      },
      select: { id: true },
    });
    claimIds.push(created.id);
  }
  return { id: article.id, claimIds };
}

let alpha: { id: string; claimIds: string[] };
let beta: { id: string; claimIds: string[] };
let unknownOne: { id: string; claimIds: string[] };
let unknownTwo: { id: string; claimIds: string[] };

beforeAll(async () => {
  db = connectTestDb();
  await resetDatabase(db);
  const issues = await Promise.all(
    [
      { slug: "harbour", title: "Harbour", phrases: ["harbour"], position: 0 },
      { slug: "fares", title: "Fares", phrases: ["fares"], position: 1 },
    ].map((issue) => db.issue.create({ data: issue, select: { id: true, slug: true } })),
  );
  const issueIds = new Map(issues.map((issue) => [issue.slug, issue.id]));
  alpha = await createArticle(
    {
      outlet: "Alpha",
      publishedAt: "2026-03-01",
      paragraphs: [
        [{ text: "The harbour reopened on Monday after the storm.", issues: ["harbour"] }, { text: "Crews worked through the night." }],
        [{ text: "“Repairs are 90% done,” said the harbour master.", issues: ["harbour"] }],
      ],
      claims: [
        { sentence: 0, kind: "narration", issues: ["harbour"] },
        {
          sentence: 2,
          kind: "quote",
          speaker: "Mara Lind",
          verb: "said",
          quote: "Repairs are 90% done",
          issues: ["harbour"],
          figures: [{ value: 90, unit: "%", raw: "90%", about: "harbour repairs" }],
        },
      ],
    },
    issueIds,
  );
  beta = await createArticle(
    {
      outlet: "Beta",
      publishedAt: "2026-03-02",
      paragraphs: [
        [{ text: "Bus fares will rise in April.", issues: ["fares"] }],
        [{ text: "The harbour master insisted repairs were complete, reportedly 100% done.", issues: ["harbour"] }],
      ],
      claims: [
        { sentence: 0, kind: "narration", issues: ["fares"] },
        {
          sentence: 1,
          kind: "reported",
          speaker: "Mara Lind",
          verb: "insisted",
          issues: ["harbour"],
          figures: [{ value: 100, unit: "%", raw: "100%", about: "harbour repairs" }],
        },
      ],
    },
    issueIds,
  );
  unknownOne = await createArticle(
    {
      paragraphs: [[{ text: "Storm damage closed the harbour for two days, officials said.", issues: ["harbour"] }, { text: "Ferries were cancelled." }]],
      claims: [
        {
          sentence: 0,
          kind: "reported",
          speaker: "Port officials",
          verb: "said",
          issues: ["harbour"],
          figures: [{ value: 90, unit: "%", raw: "90%", about: "repairs to the harbour" }],
        },
      ],
    },
    issueIds,
  );
  unknownTwo = await createArticle(
    {
      title: "Fares row deepens",
      paragraphs: [[{ text: "Riders protested the fares.", issues: ["fares"] }]],
      claims: [{ sentence: 0, kind: "narration", issues: ["fares"] }],
    },
    issueIds,
  );
});
afterAll(async () => db.$disconnect());

async function framing(slug: string) {
  const rows = await db.framingAggregate.findMany({
    where: { issue: { slug } },
    select: { sourceKey: true, label: true, articleId: true, measures: true },
    orderBy: { sourceKey: "asc" },
  });
  return rows.map((row) => ({ ...row, measures: row.measures as unknown as FramingMeasures }));
}

describe("refreshAnalysis", () => {
  it("stores framing per issue × source, each unknown-outlet article its own source", async () => {
    await refreshAnalysis(db);
    const harbour = await framing("harbour");
    expect(harbour.map((row) => [row.sourceKey, row.label])).toEqual([
      ["alpha", "Alpha"],
      [`article:${unknownOne.id}`, "Storm damage closed the harbour for two days…"],
      ["beta", "Beta"],
    ]);
    const alphaRow = harbour.find((row) => row.sourceKey === "alpha")!;
    const alphaChars = "The harbour reopened on Monday after the storm.".length + "“Repairs are 90% done,” said the harbour master.".length;
    const alphaTotal = alphaChars + "Crews worked through the night.".length;
    expect(alphaRow.articleId).toBeNull();
    expect(alphaRow.measures).toMatchObject({
      source: { key: "alpha", kind: "outlet", name: "Alpha" },
      articleCount: 1,
      claimCount: 2,
      kinds: { quote: 1, reported: 0, narration: 1 },
      coverage: { share: alphaChars / alphaTotal, issueSentences: 2, totalSentences: 3 },
      prominence: { firstParagraph: 0, leadShare: 1 },
      voices: [{ speaker: "Mara Lind", quote: 1, reported: 0, total: 1 }],
      dominantVoice: { speaker: "Mara Lind", count: 1, share: 1 },
      figures: [{ value: "90%", about: "harbour repairs", speaker: "Mara Lind" }],
    });
    expect(alphaRow.measures.summary).toMatch(/^Gives \d+% of its text to the issue, mostly in Mara Lind’s voice/);
    const betaRow = harbour.find((row) => row.sourceKey === "beta")!;
    expect(betaRow.measures.prominence.firstParagraph).toBe(1);
    expect(betaRow.measures.verbs).toEqual([{ verb: "insisted", lemma: "insist", tone: "assertive", count: 1 }]);
    expect(betaRow.measures.hedges).toEqual([{ phrase: "reportedly", count: 1 }]);
    const unknownRow = harbour.find((row) => row.sourceKey === `article:${unknownOne.id}`)!;
    expect(unknownRow.articleId).toBe(unknownOne.id);

    const fares = await framing("fares");
    expect(fares.map((row) => [row.sourceKey, row.label])).toEqual([
      [`article:${unknownTwo.id}`, "Fares row deepens"],
      ["beta", "Beta"],
    ]);
  });

  it("stores clusters with their claims, and discrepancies with items naming source and claim", async () => {
    const clusters = await db.claimCluster.findMany({
      select: {
        key: true,
        label: true,
        outletCount: true,
        claimCount: true,
        issue: { select: { slug: true } },
        claims: { select: { id: true }, orderBy: { id: "asc" } },
      },
    });
    expect(clusters).toEqual([
      {
        key: expect.stringMatching(/^figure:percent:90:/) as string,
        label: "90% — harbour repairs",
        outletCount: 2,
        claimCount: 2,
        issue: { slug: "harbour" },
        claims: [alpha.claimIds[1]!, unknownOne.claimIds[0]!].sort().map((id) => ({ id })),
      },
    ]);
    const discrepancies = await db.discrepancy.findMany({ select: { about: true, items: true, issue: { select: { slug: true } } } });
    expect(discrepancies).toHaveLength(1);
    expect(discrepancies[0]!.issue?.slug).toBe("harbour");
    const items = discrepancies[0]!.items as StoredDiscrepancyItem[];
    expect(items.map((item) => [item.value, item.speaker, item.outlet, item.claimId, item.articleId])).toEqual(
      expect.arrayContaining([
        ["90%", "Mara Lind", "Alpha", alpha.claimIds[1], alpha.id],
        ["100%", "Mara Lind", "Beta", beta.claimIds[1], beta.id],
      ]),
    );
  });

  it("stores a summary with rankings and timelines", async () => {
    const setting = await db.appSetting.findUniqueOrThrow({ where: { key: ANALYSIS_SETTING } });
    const summary = setting.value as unknown as AnalysisSummary;
    expect(summary.counts).toMatchObject({ articles: 4, claims: 6, sources: 4, clusters: 1, discrepancies: 1 });
    expect(summary.issues.harbour).toMatchObject({
      claimCount: 4,
      articleCount: 3,
      sourceCount: 3,
      // The undated article sits on the day it was ingested, marked as such.
      timeline: [
        { day: "2026-03-01", claims: 2, articles: 1, sources: 1, ingested: 0 },
        { day: "2026-03-02", claims: 1, articles: 1, sources: 1, ingested: 0 },
        { day: new Date().toISOString().slice(0, 10), claims: 1, articles: 1, sources: 1, ingested: 1 },
      ],
      undated: { claims: 1, articleCount: 1, articles: [{ id: unknownOne.id, claims: 1 }] },
    });
    expect(summary.issues.harbour!.sources[0]).toEqual({ key: "alpha", name: "Alpha" });
    expect(summary.speakers.map((speaker) => [speaker.slug, speaker.claimCount])).toEqual([
      ["mara-lind", 2],
      ["port-officials", 1],
    ]);
    expect(summary.attention).toHaveLength(1);
  });

  it("keeps cluster ids across runs and is safe to run concurrently", async () => {
    const before = await db.claimCluster.findMany({ select: { id: true, key: true } });
    const other = connectTestDb();
    try {
      await Promise.all([refreshAnalysis(db), refreshAnalysis(db), refreshAnalysis(other), refreshAnalysis(db)]);
    } finally {
      await other.$disconnect();
    }
    expect(await db.claimCluster.findMany({ select: { id: true, key: true } })).toEqual(before);
    expect(await db.framingAggregate.count()).toBe(5);
    expect(await db.discrepancy.count()).toBe(1);
    expect(await db.claim.count({ where: { clusterId: before[0]!.id } })).toBe(2);
  });

  it("follows changes: a claim marked not a claim leaves its cluster", async () => {
    await db.claim.update({ where: { id: unknownOne.claimIds[0]! }, data: { status: "not_a_claim" } });
    await refreshAnalysis(db);
    expect(await db.claimCluster.count()).toBe(0);
    expect(await db.claim.count({ where: { clusterId: { not: null } } })).toBe(0);
  });
  it("vacuums the tables a full run rewrote once it has committed, and not after an article's run", async () => {
    const vacuums = async () => {
      const rows = await db.$queryRaw<{ table: string; count: number }[]>`
        SELECT relname AS table, vacuum_count::int AS count FROM pg_stat_user_tables WHERE relname IN ('AnalysisClaim', 'AnalysisCount')`;
      return Object.fromEntries(rows.map((row) => [row.table, row.count]));
    };
    const before = await vacuums();
    await refreshAnalysis(db);
    const afterFull = await vacuums();
    expect(afterFull.AnalysisClaim).toBe(before.AnalysisClaim! + 1);
    expect(afterFull.AnalysisCount).toBe(before.AnalysisCount! + 1);
    const summary = await refreshAnalysis(db, { kind: "articles", articleIds: [alpha.id] });
    expect(summary.scope).toBe("articles");
    expect(await vacuums()).toEqual(afterFull);
  });

  it("sums an issue's undated articles and names the twenty with the most claims, most first", async () => {
    const issueIds = new Map((await db.issue.findMany({ select: { id: true, slug: true } })).map((issue) => [issue.slug, issue.id]));
    const made: { id: string; claims: number }[] = [];
    for (let index = 0; index < 22; index += 1) {
      const claims = (index % 3) + 1;
      const article = await createArticle(
        {
          outlet: "Gamma",
          title: `Fares note ${index}`,
          paragraphs: [[{ text: `Fares went up again, note ${index}.`, issues: ["fares"] }]],
          claims: Array.from({ length: claims }, () => ({ sentence: 0, kind: "narration" as const, issues: ["fares"] })),
        },
        issueIds,
      );
      made.push({ id: article.id, claims });
    }
    await refreshAnalysis(db);
    const summary = (await db.appSetting.findUniqueOrThrow({ where: { key: ANALYSIS_SETTING } })).value as unknown as AnalysisSummary;
    const all = [...made, { id: unknownTwo.id, claims: 1 }];
    const undated = summary.issues.fares!.undated;
    expect(undated.claims).toBe(all.reduce((sum, article) => sum + article.claims, 0));
    expect(undated.articleCount).toBe(all.length);
    const expected = [...all].sort((a, b) => b.claims - a.claims || (a.id < b.id ? -1 : 1)).slice(0, 20);
    expect(undated.articles.map((article) => [article.id, article.claims])).toEqual(expected.map((article) => [article.id, article.claims]));
  });
});
