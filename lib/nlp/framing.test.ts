import { describe, expect, it } from "vitest";
import { countAttribution, distinctiveTerms, fightinWords, summarizeFraming, tokenize, verbLemma } from "./framing";

const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe("tokenize", () => {
  it("keeps content words, drops stopwords, numbers and possessives", () => {
    expect(tokenize("Trump’s “security guarantees” were 95% agreed, he said.")).toEqual(["trump", "security", "guarantees", "agreed"]);
  });

  it("keeps hyphenated words whole and leaves attribution verbs to their own measure", () => {
    expect(tokenize("A NATO-like guarantee and a cease-fire, he insisted and stated")).toEqual(["nato-like", "guarantee", "cease-fire"]);
  });

  it("defaults the prior's strength to the corpus size, capped", () => {
    const a = counts({ peace: 4, war: 1 });
    const all = counts({ peace: 5, war: 5 });
    expect(distinctiveTerms(a, all, { minCount: 1 })).toEqual(distinctiveTerms(a, all, { minCount: 1, priorStrength: 10 }));
  });
});

describe("distinctiveTerms (weighted log-odds, informative Dirichlet prior)", () => {
  it("scores a word by its log-odds against the rest, over its standard error", () => {
    const a = counts({ peace: 4, war: 1 });
    const b = counts({ peace: 1, war: 4 });
    const all = counts({ peace: 5, war: 5 });
    // α0 = 10, α_w = 5: δ = log(9/6) − log(6/9) = 0.8109, σ² = 1/9 + 1/6, z = 1.5386.
    expect(distinctiveTerms(a, all, { priorStrength: 10, minCount: 1, minZ: -Infinity })).toEqual([
      { term: "peace", z: 1.54, count: 4 },
      { term: "war", z: -1.54, count: 1 },
    ]);
    expect(distinctiveTerms(b, all, { priorStrength: 10, minCount: 1 })).toEqual([{ term: "war", z: 1.54, count: 4 }]);
  });

  it("weighs evidence: the same 2:1 ratio is more distinctive for a frequent word than for a rare one", () => {
    const sources = new Map([
      ["a", counts({ common: 40, rare: 4, filler: 56 })],
      ["b", counts({ common: 20, rare: 2, filler: 78 })],
    ]);
    const terms = fightinWords(sources, { priorStrength: 100, minCount: 1, minZ: -Infinity }).get("a") ?? [];
    expect(terms.map((term) => term.term)).toEqual(["common", "rare", "filler"]);
    const [common, rare, filler] = terms;
    expect(rare!.z).toBeGreaterThan(0);
    expect(common!.z).toBeGreaterThan(rare!.z);
    expect(filler!.z).toBeLessThan(0);
  });

  it("leaves out words the source uses fewer than minCount times and caps the list", () => {
    const source = counts({ alpha: 3, beta: 1, gamma: 2 });
    const all = counts({ alpha: 3, beta: 5, gamma: 4, delta: 10 });
    const terms = distinctiveTerms(source, all, { minCount: 2, limit: 1 });
    expect(terms.map((term) => term.term)).toEqual(["alpha"]);
  });

  it("returns nothing when there is no rest to compare with", () => {
    const only = counts({ alpha: 3 });
    expect(distinctiveTerms(only, only)).toEqual([]);
  });
});

describe("verbLemma", () => {
  it.each([
    ["insisted", "insist"],
    ["conceded", "concede"],
    ["claims", "claim"],
    ["denies", "deny"],
    ["slammed", "slam"],
    ["said", "say"],
    ["suggesting", "suggest"],
    ["walked", null],
  ])("%s → %s", (verb, lemma) => {
    expect(verbLemma(verb)).toBe(lemma);
  });
});

describe("countAttribution", () => {
  it("counts verbs as written with their tone, and hedges in the claims' text", () => {
    const result = countAttribution([
      { verb: "insisted", text: "He insisted, without proof, that the deal was done." },
      { verb: "Insisted", text: "She insisted it was reportedly close." },
      { verb: "said", text: "The ministry offered no evidence for the figure." },
      { verb: null, text: "Reportedly, talks resumed." },
      { verb: "walked", text: "He walked out." },
    ]);
    expect(result.verbs).toEqual([
      { verb: "insisted", lemma: "insist", tone: "assertive", count: 2 },
      { verb: "said", lemma: "say", tone: "neutral", count: 1 },
    ]);
    expect(result.hedges).toEqual([
      { phrase: "reportedly", count: 2 },
      { phrase: "offered no evidence", count: 1 },
      { phrase: "without proof", count: 1 },
    ]);
  });
});

describe("summarizeFraming", () => {
  it("builds the line from the measures", () => {
    expect(
      summarizeFraming({
        coverageShare: 0.184,
        claimCount: 9,
        voicedCount: 6,
        dominantVoice: { speaker: "Jane Doe", count: 4 },
        firstParagraph: 0,
        verbs: [
          { verb: "said", lemma: "say", tone: "neutral", count: 3 },
          { verb: "insisted", lemma: "insist", tone: "assertive", count: 1 },
        ],
        hedges: [{ phrase: "without proof", count: 1 }],
      }),
    ).toBe("Gives 18% of its text to the issue, mostly in Jane Doe’s voice, raising it in the first paragraph, and uses “insisted” and “without proof”.");
  });

  it("says when no one voice dominates, when the issue comes late and when nothing is loaded", () => {
    expect(
      summarizeFraming({
        coverageShare: 0.05,
        claimCount: 4,
        voicedCount: 4,
        dominantVoice: { speaker: "Agnes", count: 2 },
        firstParagraph: 12,
        verbs: [],
        hedges: [],
      }),
    ).toBe("Gives 5% of its text to the issue, quoting Agnes most (2 of 4 attributed claims), not raising it until paragraph 13.");
  });

  it("describes passing mentions and narration-only coverage", () => {
    expect(summarizeFraming({ coverageShare: 0.004, claimCount: 1, voicedCount: 0, dominantVoice: null, firstParagraph: 2, verbs: [], hedges: [] })).toBe(
      "Touches the issue only in passing (under 1% of its text), entirely in its own voice, raising it in the third paragraph.",
    );
  });
});
