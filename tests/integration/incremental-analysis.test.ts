import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { ANALYSIS_SETTING, refreshAnalysis, type AnalysisScope, type AnalysisSummary } from "@/lib/analysis/run/refresh";
import { POSITIONS_SETTING } from "@/lib/analysis/run/positions";
import { SEEDS_DIR } from "@/lib/seeds";
import { newArticleVersion } from "@/lib/writes/article-versions";
import { ingestArticle } from "@/lib/writes/ingest";
import { updateClaim } from "@/lib/writes/review";
import { createUser } from "@/lib/writes/users";
import { seededTestDb } from "./helpers";

let db: Db;
let editor: { id: string; email: string; name: string | null; role: "editor" };

beforeAll(async () => {
  db = await seededTestDb();
  editor = {
    ...(await createUser(db, { email: "incremental-editor@briefing.test", name: "Ines Incremental", role: "editor", password: "a long enough password" })),
    role: "editor",
  };
});
afterAll(async () => db.$disconnect());

function paragraphs(file: string): string[] {
  return fs
    .readFileSync(path.join(SEEDS_DIR, file), "utf8")
    .split(/\n+/)
    .filter((line) => line.trim().length > 0);
}

/** Everything the analysis stores, in an order that does not depend on how it was written. */
async function storedAnalysis() {
  const [clusters, members, discrepancies, framing, settings, counts, keys, positionGroups, copies] = await Promise.all([
    db.claimCluster.findMany({
      select: { key: true, issueId: true, label: true, about: true, value: true, unit: true, speakerName: true, outletCount: true, claimCount: true },
      orderBy: { key: "asc" },
    }),
    db.claim.findMany({ where: { clusterId: { not: null } }, select: { id: true, cluster: { select: { key: true } } }, orderBy: { id: "asc" } }),
    db.discrepancy.findMany({ select: { key: true, issueId: true, about: true, items: true, scope: true }, orderBy: { key: "asc" } }),
    db.framingAggregate.findMany({
      select: { issueId: true, sourceKey: true, articleId: true, label: true, measures: true, detail: true },
      orderBy: [{ issueId: "asc" }, { sourceKey: "asc" }],
    }),
    db.appSetting.findMany({ where: { key: { in: [ANALYSIS_SETTING, POSITIONS_SETTING] } }, select: { key: true, value: true }, orderBy: { key: "asc" } }),
    db.analysisCount.findMany({ orderBy: [{ scope: "asc" }, { issue: "asc" }, { source: "asc" }, { key: "asc" }] }),
    db.analysisClaim.findMany({ select: { claimId: true, statementGroup: true, figureGroups: true, positionKey: true }, orderBy: { claimId: "asc" } }),
    db.positionGroup.findMany({ orderBy: [{ key: "asc" }, { issueId: "asc" }] }),
    db.analysisCopy.findMany({ orderBy: { copyKey: "asc" } }),
  ]);
  const stable = settings.map(({ key, value }) => {
    if (key !== ANALYSIS_SETTING) return { key, value };
    const { refreshedAt, durationMs, scope, ...rest } = value as AnalysisSummary;
    void refreshedAt;
    void durationMs;
    void scope;
    return { key, value: rest };
  });
  return {
    clusters,
    members: members.map((claim) => [claim.id, claim.cluster?.key]),
    discrepancies,
    framing,
    settings: stable,
    counts,
    keys: keys.map((row) => ({ ...row, figureGroups: [...row.figureGroups].sort() })),
    positionGroups,
    copies: copies.map((row) => ({
      ...row,
      claimIds: [...row.claimIds].sort(),
      figureGroups: [...row.figureGroups].sort(),
      figureUnits: [...row.figureUnits].sort(),
    })),
  };
}

/** Runs the analysis for `articleIds` alone, then everything, and expects both to have stored the same. */
async function expectIncrementalEqualsFull(articleIds: string[]) {
  const incremental = await refreshAnalysis(db, { kind: "articles", articleIds });
  expect(incremental.scope).toBe("articles");
  const afterIncremental = await storedAnalysis();
  expect(afterIncremental.positionGroups.length).toBeGreaterThan(0);
  const full = await refreshAnalysis(db);
  expect(full.scope).toBe("full");
  const afterFull = await storedAnalysis();
  expect(afterIncremental.clusters).toEqual(afterFull.clusters);
  expect(afterIncremental.members).toEqual(afterFull.members);
  expect(afterIncremental.discrepancies).toEqual(afterFull.discrepancies);
  expect(afterIncremental.framing).toEqual(afterFull.framing);
  expect(afterIncremental.settings).toEqual(afterFull.settings);
  expect(afterIncremental.counts).toEqual(afterFull.counts);
  expect(afterIncremental.keys).toEqual(afterFull.keys);
  expect(afterIncremental.positionGroups).toEqual(afterFull.positionGroups);
  return afterFull;
}

describe("the article-scoped analysis", () => {
  let addedId = "";

  it("takes in an added article (joining clusters and discrepancies of other outlets) exactly as a full run would", async () => {
    const before = await storedAnalysis();
    const body = [
      ...paragraphs("000_bf03e1deb2ef6062.txt").slice(1, 4),
      "Officials in Kyiv told the Harbour Ledger that talks on security guarantees were 90% complete, while the 20-point plan was still being drafted.",
      ...paragraphs("003_458abc6eb55bcf0c.txt").slice(2, 4),
    ].join("\n\n");
    const outcome = await ingestArticle(db, { body, outlet: "Harbour Ledger", title: "Talks edge forward at Mar-a-Lago", force: true }, { source: "api" });
    expect(outcome.status).toBe("stored");
    addedId = outcome.status === "stored" ? outcome.id : "";
    const after = await expectIncrementalEqualsFull([addedId]);
    // The article changed what is stored: new framing rows for its outlet, claims of it in clusters.
    expect(after.framing.length).toBeGreaterThan(before.framing.length);
    expect(after.members.some(([id]) => before.members.every(([old]) => old !== id))).toBe(true);
  });

  it("takes in a word-for-word copy of a stored article under another outlet: its claims join the stored clusters", async () => {
    const before = await storedAnalysis();
    const seed = await db.article.findFirstOrThrow({ where: { sourceFile: "003_458abc6eb55bcf0c.txt" }, select: { originalText: true } });
    const body = `${seed.originalText}\n\nRepublished in full by the Copy Desk Weekly.`;
    const outcome = await ingestArticle(db, { body, outlet: "Copy Desk Weekly", title: "Republished: talks at Mar-a-Lago", force: true }, { source: "api" });
    expect(outcome.status).toBe("stored");
    const copyId = outcome.status === "stored" ? outcome.id : "";
    const after = await expectIncrementalEqualsFull([copyId]);
    const copied = new Set((await db.claim.findMany({ where: { articleId: copyId }, select: { id: true } })).map((claim) => claim.id));
    const storedKeys = new Set(before.clusters.map((cluster) => cluster.key));
    const joined = after.members.filter(([id, key]) => copied.has(id as string) && storedKeys.has(key as string));
    expect(joined.length).toBeGreaterThan(0);
    await db.article.delete({ where: { id: copyId } });
    await expectIncrementalEqualsFull([copyId]);
  });

  it("takes in copies of a stored article in its own outlet, which the run reads folded into one: every copy joins the clusters", async () => {
    const seed = await db.article.findFirstOrThrow({
      where: { sourceFile: "000_bf03e1deb2ef6062.txt" },
      select: { id: true, originalText: true, outlet: { select: { name: true } } },
    });
    const copyIds: string[] = [];
    // The second copy is dated before every stored article: its claims come first in their position groups.
    for (const [edition, publishedAt] of [
      ["morning", undefined],
      ["early", new Date("2025-12-01T06:00:00Z")],
    ] as const) {
      const body = `${seed.originalText}\n\nThis story ran again in the ${edition} edition.`;
      const outcome = await ingestArticle(
        db,
        { body, outlet: seed.outlet!.name, title: `Talks at Mar-a-Lago (${edition})`, publishedAt, force: true },
        { source: "api" },
      );
      expect(outcome.status).toBe("stored");
      copyIds.push(outcome.status === "stored" ? outcome.id : "");
      await expectIncrementalEqualsFull([copyIds.at(-1)!]);
    }
    const early = new Set((await db.claim.findMany({ where: { articleId: copyIds[1] }, select: { id: true } })).map((claim) => claim.id));
    const groups = await db.positionGroup.findMany({ select: { first: true } });
    expect(groups.some((group) => early.has((group.first as { id: string }[])[0]!.id))).toBe(true);
    // Each claim of the seed and its two copies share a cluster where the seed's claim has one.
    const claimsOf = async (articleId: string) =>
      db.claim.findMany({ where: { articleId, status: { not: "not_a_claim" } }, select: { text: true, clusterId: true }, orderBy: { text: "asc" } });
    const [original, ...copies] = await Promise.all([seed.id, ...copyIds].map(claimsOf));
    const clustered = original!.filter((claim) => claim.clusterId);
    expect(clustered.length).toBeGreaterThan(0);
    for (const copy of copies) {
      for (const claim of clustered) expect(copy!.find((other) => other.text === claim.text)?.clusterId).toBe(claim.clusterId);
    }
    // Another outlet runs the story word for word: the claims no other outlet had now form clusters, and every
    // stored copy of them (the seed's and its two copies, read as one) moves to those clusters.
    const alone = new Set(original!.filter((claim) => !claim.clusterId).map((claim) => claim.text));
    expect(alone.size).toBeGreaterThan(0);
    const wire = await ingestArticle(
      db,
      { body: `${seed.originalText}\n\nRun in full by the Ferry Gazette.`, outlet: "Ferry Gazette", title: "Talks at Mar-a-Lago", force: true },
      { source: "api" },
    );
    expect(wire.status).toBe("stored");
    const wireId = wire.status === "stored" ? wire.id : "";
    await expectIncrementalEqualsFull([wireId]);
    const [seedNow, ...copiesNow] = await Promise.all([seed.id, ...copyIds].map(claimsOf));
    const joined = seedNow!.filter((claim) => alone.has(claim.text) && claim.clusterId);
    expect(joined.length).toBeGreaterThan(0);
    for (const copy of copiesNow) {
      for (const claim of joined) expect(copy!.find((other) => other.text === claim.text)?.clusterId).toBe(claim.clusterId);
    }
    await db.article.deleteMany({ where: { id: { in: [...copyIds, wireId] } } });
    await expectIncrementalEqualsFull([...copyIds, wireId]);
  });

  it("takes in a new version of a seed article", async () => {
    const article = await db.article.findFirstOrThrow({ where: { sourceFile: "000_bf03e1deb2ef6062.txt" }, select: { id: true, originalText: true } });
    const kept = article.originalText.split(/\n+/).filter((line) => line.trim().length > 0);
    const text = [
      "Update: the meeting ended without a signed agreement, aides said on Monday.",
      ...kept.slice(0, 3),
      "“We are 97% of the way there on guarantees,” an aide to Zelenskyy said later.",
      ...kept.slice(6),
    ].join("\n");
    await newArticleVersion(db, editor.id, article.id, text);
    await expectIncrementalEqualsFull([article.id]);
  });

  it("takes in a claim's correction (another speaker, another kind)", async () => {
    const claim = await db.claim.findFirstOrThrow({
      where: { clusterId: { not: null }, speakerId: { not: null }, kind: "quote" },
      select: { id: true, articleId: true, version: true, speakerId: true },
      orderBy: { id: "asc" },
    });
    const other = await db.speaker.findFirstOrThrow({ where: { id: { not: claim.speakerId! }, kind: "person" }, select: { id: true } });
    await updateClaim(db, editor, claim.id, { corrections: { speakerId: other.id, kind: "reported" }, version: claim.version });
    await expectIncrementalEqualsFull([claim.articleId]);
  });

  it('takes out a claim marked "not a claim" from its cluster, and puts it back when restored', async () => {
    // A cluster with three outlets or more outlives one of its claims leaving.
    const cluster = await db.claimCluster.findFirstOrThrow({
      where: { outletCount: { gte: 3 } },
      select: { id: true, key: true, claimCount: true },
      orderBy: [{ claimCount: "desc" }, { key: "asc" }],
    });
    const claim = await db.claim.findFirstOrThrow({
      where: { clusterId: cluster.id },
      select: { id: true, articleId: true, version: true },
      orderBy: { id: "asc" },
    });
    const scopes: AnalysisScope[] = [];
    const onAnalysisChange = (scope: AnalysisScope) => scopes.push(scope);

    const marked = await updateClaim(db, editor, claim.id, { status: "not_a_claim", version: claim.version }, { onAnalysisChange });
    // The write asks for the analysis of the claim's article alone, which is what runs here.
    expect(scopes).toEqual([{ kind: "articles", articleIds: [claim.articleId] }]);
    const after = await expectIncrementalEqualsFull([claim.articleId]);
    expect(after.members.some(([id]) => id === claim.id)).toBe(false);
    const left = after.clusters.find((row) => row.key === cluster.key);
    expect(left?.claimCount).toBe(cluster.claimCount - 1);

    await updateClaim(db, editor, claim.id, { status: "unreviewed", version: marked.version }, { onAnalysisChange });
    expect(scopes.at(-1)).toEqual({ kind: "articles", articleIds: [claim.articleId] });
    const restored = await expectIncrementalEqualsFull([claim.articleId]);
    expect(restored.members.find(([id]) => id === claim.id)?.[1]).toBe(cluster.key);
    expect(restored.clusters.find((row) => row.key === cluster.key)?.claimCount).toBe(cluster.claimCount);
  });

  it("takes in an article moved to another outlet", async () => {
    const outlet = await db.outlet.findFirstOrThrow({ where: { slug: { not: "harbour-ledger" }, articles: { some: {} } }, select: { id: true } });
    await db.article.update({ where: { id: addedId }, data: { outletId: outlet.id } });
    await expectIncrementalEqualsFull([addedId]);
  });

  it("takes out a removed article: its claims leave their clusters, and clusters left with one outlet go", async () => {
    const before = await storedAnalysis();
    await db.article.delete({ where: { id: addedId } });
    const after = await expectIncrementalEqualsFull([addedId]);
    expect(after.counts.length).toBeLessThan(before.counts.length);
  });

  it("keeps a statement's attribution discrepancy when one of the sources putting it in another mouth goes", async () => {
    const quote = "“The northern ferry will stay open all winter, whatever the weather brings,”";
    const speakers = [
      ["Quill Gazette", "said Mara Lindqvist, the harbour director."],
      ["Tide Post", "said Tomas Bergman, the transport minister."],
      ["Dock Herald", "said Ilse Varga, the mayor of the port town."],
    ] as const;
    const ids: string[] = [];
    for (const [outlet, attribution] of speakers) {
      const body = `Ferry crews prepared for a long season on Tuesday.\n\n${quote} ${attribution}\n\nPassengers queued at the pier.`;
      const outcome = await ingestArticle(db, { body, outlet, title: `Ferry season: ${outlet}`, force: true }, { source: "api" });
      expect(outcome.status).toBe("stored");
      if (outcome.status === "stored") ids.push(outcome.id);
    }
    const three = await expectIncrementalEqualsFull(ids);
    const conflict = (analysis: typeof three) => analysis.discrepancies.find((row) => row.scope === "statement" && row.about.includes("northern ferry"));
    expect(conflict(three)?.items).toHaveLength(3);
    await db.article.delete({ where: { id: ids[2]! } });
    const two = await expectIncrementalEqualsFull([ids[2]!]);
    expect(conflict(two)?.items).toHaveLength(2);
    // A source putting it in a fourth mouth comes in: the discrepancy, which names only stored claims, is found again.
    const body = `Ferry crews prepared for a long season on Tuesday.\n\n${quote} said Piet Olsen, a ferry captain.\n\nPassengers queued at the pier.`;
    const fourth = await ingestArticle(db, { body, outlet: "Harbour Times", title: "Ferry season: Harbour Times", force: true }, { source: "api" });
    expect(fourth.status).toBe("stored");
    if (fourth.status === "stored") ids.push(fourth.id);
    const again = await expectIncrementalEqualsFull(ids.slice(-1));
    expect(conflict(again)?.items).toHaveLength(3);
    await db.article.deleteMany({ where: { id: { in: ids } } });
    await expectIncrementalEqualsFull(ids);
  });

  it("keeps an issue's latest claims when the article holding all of them comes and goes", async () => {
    // Seventy dated claims on one issue, newer than any other: the stored list of latest claims is then all theirs.
    const body = Array.from(
      { length: 70 },
      (_, index) => `“The Donbas front line near checkpoint ${index + 1} will hold through the winter,” said Mara Lindqvist, a regional governor.`,
    ).join("\n\n");
    const outcome = await ingestArticle(
      db,
      { body, outlet: "Quill Gazette", title: "Seventy checkpoints", publishedAt: "2031-05-01T09:00:00Z", force: true },
      { source: "api" },
    );
    expect(outcome.status).toBe("stored");
    const id = outcome.status === "stored" ? outcome.id : "";
    const added = await expectIncrementalEqualsFull([id]);
    const summary = (analysis: typeof added) =>
      (analysis.settings.find((row) => row.key === ANALYSIS_SETTING)!.value as Omit<AnalysisSummary, "refreshedAt">).issues.donbas!;
    const own = new Set((await db.claim.findMany({ where: { articleId: id }, select: { id: true } })).map((claim) => claim.id));
    expect(summary(added).recentClaims.length).toBe(60);
    expect(summary(added).recentClaims.every((claimId) => own.has(claimId))).toBe(true);
    // Every listed claim goes with the article: the list is found again from the claims left.
    await db.article.delete({ where: { id } });
    const removed = await expectIncrementalEqualsFull([id]);
    expect(summary(removed).recentClaims.some((claimId) => own.has(claimId))).toBe(false);
  });

  it("keeps an issue's undated articles with the most claims when one of them comes and goes", async () => {
    const ingestUndated = async (title: string, quotes: number) => {
      const body = Array.from(
        { length: quotes },
        (_, index) => `“The Donbas road past ${title} mile ${index + 1} stays open to convoys,” said Orla Brennan, a district engineer.`,
      ).join("\n\n");
      const outcome = await ingestArticle(db, { body, outlet: "Quill Gazette", title, force: true }, { source: "api" });
      expect(outcome.status).toBe("stored");
      return outcome.status === "stored" ? outcome.id : "";
    };
    // Twenty-one undated articles with one to three claims each: more than the list names.
    for (let index = 0; index < 21; index += 1) await ingestUndated(`Undated dispatch ${index + 1}`, (index % 3) + 1);
    await refreshAnalysis(db);
    const undated = (analysis: Awaited<ReturnType<typeof storedAnalysis>>) =>
      (analysis.settings.find((row) => row.key === ANALYSIS_SETTING)!.value as Omit<AnalysisSummary, "refreshedAt">).issues.donbas!.undated;
    const before = undated(await storedAnalysis());
    expect(before.articles.length).toBe(20);
    // One with more claims than any: it heads the list, merged into the stored one.
    const most = before.articles[0]!.claims + 1;
    const id = await ingestUndated("Undated long dispatch", most);
    const added = undated(await expectIncrementalEqualsFull([id]));
    expect(added.articles[0]).toMatchObject({ id, claims: most });
    expect(added.articleCount).toBe(before.articleCount + 1);
    // It goes again: the list was full, so the article after the last it named is found again.
    await db.article.delete({ where: { id } });
    const removed = undated(await expectIncrementalEqualsFull([id]));
    expect(removed.articles).toEqual(before.articles);
    expect(removed.claims).toBe(before.claims);
  });

  it("runs in full when the stored analysis predates the issues", async () => {
    await db.issue.update({ where: { slug: "referendum" }, data: { status: "resolved" } });
    const article = await db.article.findFirstOrThrow({ select: { id: true } });
    const summary = await refreshAnalysis(db, { kind: "articles", articleIds: [article.id] });
    expect(summary.scope).toBe("full");
    await db.issue.update({ where: { slug: "referendum" }, data: { status: "open" } });
  });
});

describe("the stored analysis", () => {
  it("stays as it was when a run fails part way", async () => {
    const before = await storedAnalysis();
    const article = await db.article.findFirstOrThrow({ select: { id: true } });
    // A missing table makes the run fail inside its transaction, after it has started writing.
    await db.$executeRawUnsafe(`ALTER TABLE "AnalysisCount" RENAME TO "AnalysisCountAway"`);
    try {
      await expect(refreshAnalysis(db, { kind: "articles", articleIds: [article.id] })).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "AnalysisCountAway" RENAME TO "AnalysisCount"`);
    }
    expect(await storedAnalysis()).toEqual(before);
  });
});
