import { describe, expect, it } from "vitest";
import {
  claimGroups,
  clusterClaims,
  expandToGroups,
  groupFigures,
  similarityProbe,
  sortById,
  statementKeys,
  type AnalysisClaim,
  type Cluster,
} from "./clusters";
import { articleCounts, countScope, diffCounts, firstParagraphs } from "./counts";
import { buildFramingMeasures, framingDetail, withSourceTotals, type FramingInput } from "./framing-measures";
import { jaccard } from "./similarity";
import { STORY } from "./fixtures";

/** The stored groups of a corpus, as the analysis keeps them per claim. */
function storedGroups(claims: readonly AnalysisClaim[]) {
  const groups = claimGroups(claims);
  const of = new Map<string, string[]>();
  for (const claim of claims) {
    const statement = groups.statement.get(claim.id);
    of.set(claim.id, [...(statement ? [`s:${statement}`] : []), ...(groups.figures.get(claim.id) ?? []).map((group) => `f:${group}`)]);
  }
  return of;
}

/**
 * The incremental procedure on plain data: the changed claims' old groups, the stored claims their new
 * versions may join (looked up by their keys, as the database does), closed over groups; then only those
 * claims are clustered again, and the other clusters are kept.
 */
async function reclusterIncrementally(before: readonly AnalysisClaim[], after: readonly AnalysisClaim[], changed: readonly string[]): Promise<Cluster[]> {
  const oldGroups = storedGroups(before);
  const changedSet = new Set(changed);
  const stored = after.filter((claim) => !changedSet.has(claim.id));
  const fresh = after.filter((claim) => changedSet.has(claim.id));
  const seeds = new Set<string>(fresh.map((claim) => claim.id));
  for (const claim of fresh) {
    const keys = statementKeys(claim);
    const probe = similarityProbe(keys.content);
    for (const other of stored) {
      const theirs = statementKeys(other);
      const isSameText = keys.text !== null && keys.text === theirs.text;
      const isSimilar =
        probe !== null &&
        theirs.content.some((word) => probe.words.includes(word)) &&
        theirs.content.length >= probe.min &&
        theirs.content.length <= probe.max &&
        jaccard(new Set(keys.content), new Set(theirs.content)) >= 0.6;
      const isQuoted = keys.grams.some((gram) => theirs.grams.includes(gram));
      if (isSameText || isSimilar || isQuoted) seeds.add(other.id);
    }
  }
  const figureClaims = sortById(after);
  for (const group of groupFigures(figureClaims)) {
    const members = group.claims.map((index) => figureClaims[index]!.id);
    if (members.some((id) => changedSet.has(id))) for (const id of members) seeds.add(id);
  }
  const newGroups = new Map([...oldGroups].filter(([id]) => !changedSet.has(id)));
  const scope = await expandToGroups(
    seeds,
    changed.flatMap((id) => oldGroups.get(id) ?? []),
    async (ids) => ids.flatMap((id) => newGroups.get(id) ?? []),
    async (groups) => [...newGroups].filter(([, list]) => list.some((group) => groups.includes(group))).map(([id]) => id),
  );
  const rest = clusterClaims(before).filter((cluster) => !cluster.claimIds.some((id) => scope.has(id) || changedSet.has(id)));
  const redone = clusterClaims(after.filter((claim) => scope.has(claim.id)));
  return [...rest, ...redone].sort((a, b) => (a.key < b.key ? -1 : 1));
}

const sorted = (clusters: Cluster[]) => [...clusters].sort((a, b) => (a.key < b.key ? -1 : 1));

describe("incremental cluster assignment", () => {
  const added: AnalysisClaim = {
    id: "e1",
    source: "E",
    kind: "quote",
    speaker: "Bo Stone",
    text: "“Talks are 95% done,” Stone said.",
    quote: "Talks are 95% done",
    issues: ["guarantees"],
    figures: [{ value: 95, unit: "%", raw: "95%", about: "talks" }],
  };

  it("gives the same clusters as clustering every claim when claims are added", async () => {
    const after = [...STORY, added, { ...added, id: "e2", source: "F" }];
    expect(await reclusterIncrementally(STORY, after, ["e1", "e2"])).toEqual(sorted(clusterClaims(after)));
  });

  it("finds the stored claims a new claim joins: a lone statement, a quote's words, a figure", async () => {
    const joining: AnalysisClaim[] = [
      // The same words as d2/d3, from another source: their group becomes a cluster.
      { ...STORY.find((claim) => claim.id === "d2")!, id: "f1", source: "E" },
      // A run of c9's quoted words from another source.
      { id: "f2", source: "F", kind: "quote", speaker: "Ana Field", text: "", quote: "the peace framework was 90% agreed upon", issues: [], figures: [] },
      // c4's figure from another source.
      {
        id: "f3",
        source: "G",
        kind: "reported",
        speaker: "Bo Stone",
        text: "Talks were nearly there.",
        quote: null,
        issues: ["guarantees"],
        figures: [{ value: 95, unit: "%", raw: "95%", about: null }],
      },
    ];
    const after = [...STORY, ...joining];
    const expected = sorted(clusterClaims(after));
    expect(await reclusterIncrementally(STORY, after, ["f1", "f2", "f3"])).toEqual(expected);
    expect(expected.filter((cluster) => cluster.claimIds.some((id) => id.startsWith("f"))).length).toBeGreaterThanOrEqual(2);
  });

  it("gives the same clusters when a clustered claim is removed or changes speaker and words", async () => {
    const clustered = clusterClaims(STORY).flatMap((cluster) => cluster.claimIds);
    const [gone, edited] = [clustered[0]!, clustered.at(-1)!];
    const after = STORY.filter((claim) => claim.id !== gone).map((claim) =>
      claim.id === edited ? { ...claim, speaker: "Someone Else", text: "A different sentence about harbour fees entirely.", quote: null } : claim,
    );
    const expected = sorted(clusterClaims(after));
    expect(await reclusterIncrementally(STORY, after, [gone, edited])).toEqual(expected);
    // A cluster left with one source goes.
    expect(expected.length).toBeLessThan(clusterClaims(STORY).length);
  });
});

describe("similarityProbe", () => {
  it("finds every statement similar enough: each shares a probe word and has a size in range", () => {
    const vocabulary = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima".split(" ");
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const sets = Array.from({ length: 300 }, () => [
      ...new Set(Array.from({ length: 3 + Math.floor(random() * 6) }, () => vocabulary[Math.floor(random() * 12)]!)),
    ]);
    let pairs = 0;
    for (const a of sets) {
      const probe = similarityProbe(a);
      for (const b of sets) {
        if (!probe || b.length < 3 || jaccard(new Set(a), new Set(b)) < 0.6) continue;
        pairs += 1;
        expect(b.some((word) => probe.words.includes(word))).toBe(true);
        expect(b.length).toBeGreaterThanOrEqual(probe.min);
        expect(b.length).toBeLessThanOrEqual(probe.max);
      }
    }
    expect(pairs).toBeGreaterThan(300);
  });

  it("leaves statements too short for the Jaccard test to word-for-word matching", () => {
    expect(similarityProbe(["ceasefire", "now"])).toBeNull();
    expect(statementKeys({ kind: "quote", text: "", quote: "Yes." })).toEqual({ text: null, content: [], grams: [] });
  });
});

describe("articleCounts and diffCounts", () => {
  const article = {
    id: "a1",
    source: "harbour-ledger",
    publishedAt: new Date("2026-03-02T23:30:00Z") as Date | null,
    ingestedAt: new Date("2026-03-05T08:00:00Z"),
    text: "Harbour fees rise. Fees rise again at the harbour.\n\nUnrelated.",
    sentences: [
      { start: 0, end: 18, paragraph: 0, issues: ["fees"] },
      { start: 19, end: 50, paragraph: 0, issues: ["fees"] },
      { start: 52, end: 62, paragraph: 1, issues: [] },
    ],
    claims: [
      { speakerId: "s1", issues: ["fees"] },
      { speakerId: null, issues: ["closed"] },
    ],
    openIssues: new Set(["fees"]),
  };

  it("counts an article's share: totals, coverage, words, speakers and claims on open issues", () => {
    const counts = articleCounts(article);
    expect(counts[countScope.source("harbour-ledger")]).toEqual({ articles: 1, sentences: 3, chars: 59, openClaims: 1 });
    expect(counts[countScope.coverage("fees", "harbour-ledger")]).toEqual({ articles: 1, sentences: 2, chars: 49, p0: 1 });
    expect(counts[countScope.words("fees", "harbour-ledger")]).toEqual({ harbour: 2, fees: 2, rise: 2 });
    expect(counts[countScope.speakers]).toEqual({ s1: 1 });
    expect(counts[countScope.issue("closed")]).toEqual({ articles: 1, claims: 1 });
    expect(counts[countScope.issue("fees")]).toEqual({ articles: 1, claims: 1 });
    expect(firstParagraphs({ articles: 3, p0: 2, p3: 1 })).toEqual([0, 0, 3]);
  });

  it("places its claims on each issue on the day it was published, or ingested when undated", () => {
    const dated = articleCounts({ ...article, claims: [...article.claims, { speakerId: "s2", issues: ["fees", "fees"] }] });
    expect(dated[countScope.timeline("fees", "harbour-ledger")]).toEqual({ "claims:2026-03-02": 2, "articles:2026-03-02": 1 });
    expect(dated[countScope.undated("fees")]).toBeUndefined();
    const undated = articleCounts({ ...article, publishedAt: null });
    expect(undated[countScope.timeline("closed", "harbour-ledger")]).toEqual({ "claims:2026-03-05": 1, "articles:2026-03-05": 1, "ingested:2026-03-05": 1 });
    expect(undated[countScope.undated("closed")]).toEqual({ a1: 1 });
  });

  it("takes out what an article no longer has and adds what it now has", () => {
    const before = articleCounts(article);
    const after = articleCounts({ ...article, source: "other", claims: [] });
    const delta = diffCounts(before, after);
    expect(delta).toContainEqual({ scope: countScope.source("harbour-ledger"), key: "articles", value: -1 });
    expect(delta).toContainEqual({ scope: countScope.source("other"), key: "articles", value: 1 });
    expect(delta).toContainEqual({ scope: countScope.speakers, key: "s1", value: -1 });
    expect(delta.some((row) => row.scope === countScope.all)).toBe(true);
    expect(diffCounts(before, before)).toEqual([]);
  });
});

describe("withSourceTotals", () => {
  it("restates measures for new source totals exactly as building them again would", () => {
    const input: FramingInput = {
      source: { key: "a", kind: "outlet", name: "Alpha", outletId: "o1", articleId: null },
      articleCount: 2,
      sourceArticleCount: 5,
      issueChars: 400,
      totalChars: 5000,
      issueSentences: 6,
      totalSentences: 80,
      firstParagraphs: [0, 2],
      claims: [
        { id: "1", kind: "quote", speaker: "Ana Field", verb: "claimed", text: "Repairs are done, she claimed without evidence.", figures: [] },
        { id: "2", kind: "reported", speaker: "Bo Stone", verb: "said", text: "Stone said repairs were late.", figures: [] },
      ],
      terms: [],
    };
    const measures = buildFramingMeasures(input);
    const totals = { sourceArticleCount: 9, totalChars: 50_000, totalSentences: 700 };
    expect(withSourceTotals(measures, framingDetail(input.claims), totals)).toEqual(
      buildFramingMeasures({ ...input, sourceArticleCount: 9, totalChars: 50_000, totalSentences: 700 }),
    );
  });
});
