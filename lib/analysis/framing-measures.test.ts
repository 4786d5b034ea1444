import { describe, expect, it } from "vitest";
import { buildFramingMeasures, framingDetail, type FramingClaim } from "./framing-measures";

const claim = (
  id: string,
  kind: FramingClaim["kind"],
  speaker: string | null,
  verb: string | null,
  text: string,
  figures: FramingClaim["figures"] = [],
): FramingClaim => ({ id, kind, speaker, verb, text, figures });

/** A source's counts on an issue, for the measures built from its claims. */
const DAILY_POST = {
  source: { key: "daily-post", kind: "outlet" as const, name: "Daily Post", outletId: "o1", articleId: null },
  articleCount: 3,
  sourceArticleCount: 4,
  issueChars: 250,
  totalChars: 1000,
  issueSentences: 5,
  totalSentences: 20,
  firstParagraphs: [0, 2, 0],
};

describe("buildFramingMeasures", () => {
  it("measures coverage, claims, prominence, voices, attribution, figures and summarizes them", () => {
    const measures = buildFramingMeasures({
      ...DAILY_POST,
      claims: [
        claim("1", "quote", "Ana Field", "insisted", "“It is done,” Field insisted."),
        claim("2", "reported", "Ana Field", "said", "Field said the talks were reportedly over.", [{ value: 90, unit: "%", raw: "90%", about: "the plan" }]),
        claim("3", "quote", "Bo Stone", "said", "“Not yet,” Stone said."),
        claim("4", "narration", null, null, "The plan is 90% agreed.", [{ value: 90, unit: "%", raw: "90 per cent", about: "The plan" }]),
      ],
      terms: [{ term: "plan", z: 2.1, count: 3 }],
    });
    expect(measures).toEqual({
      source: { key: "daily-post", kind: "outlet", name: "Daily Post", articleId: null },
      articleCount: 3,
      sourceArticleCount: 4,
      coverage: { share: 0.25, issueChars: 250, totalChars: 1000, issueSentences: 5, totalSentences: 20 },
      claimCount: 4,
      kinds: { quote: 2, reported: 1, narration: 1 },
      prominence: { firstParagraph: 0, leadShare: 2 / 3 },
      voices: [
        { speaker: "Ana Field", quote: 1, reported: 1, total: 2 },
        { speaker: "Bo Stone", quote: 1, reported: 0, total: 1 },
      ],
      dominantVoice: { speaker: "Ana Field", count: 2, share: 2 / 3 },
      verbs: [
        { verb: "said", lemma: "say", tone: "neutral", count: 2 },
        { verb: "insisted", lemma: "insist", tone: "assertive", count: 1 },
      ],
      hedges: [{ phrase: "reportedly", count: 1 }],
      terms: [{ term: "plan", z: 2.1, count: 3 }],
      figures: [{ value: "90%", raw: "90%", about: "the plan", speaker: "Ana Field", claimId: "2" }],
      summary: "Gives 25% of its text to the issue, mostly in Ana Field’s voice, raising it in the first paragraph, and uses “insisted” and “reportedly”.",
    });
  });

  it("handles a source with no claims on the issue", () => {
    const measures = buildFramingMeasures({
      source: { key: "article:a1", kind: "article", name: "Untitled", outletId: null, articleId: "a1" },
      articleCount: 1,
      sourceArticleCount: 1,
      issueChars: 0,
      totalChars: 0,
      issueSentences: 0,
      totalSentences: 0,
      firstParagraphs: [],
      claims: [],
      terms: [],
    });
    expect(measures).toMatchObject({ coverage: { share: 0 }, claimCount: 0, dominantVoice: null, prominence: { firstParagraph: null, leadShare: 0 } });
    expect(measures.summary).toBe("Touches the issue only in passing (0% of its text), with no claims on it.");
  });
});

describe("framing of claims folded with their copies", () => {
  it("is the framing the claims give one by one", () => {
    // Bo Stone's "warned" claim has three copies: counted one by one he is the dominant voice, with the verb "warned".
    const one = [
      claim("1", "quote", "Ana Field", "insisted", "“It is done,” Field insisted."),
      claim("2", "reported", "Ana Field", "said", "Field said the talks were reportedly over."),
      claim("3", "reported", "Bo Stone", "warned", "Stone warned the deal was allegedly unravelling."),
      claim("3b", "reported", "Bo Stone", "warned", "Stone warned the deal was allegedly unravelling."),
      claim("3c", "reported", "Bo Stone", "warned", "Stone warned the deal was allegedly unravelling."),
      claim("4", "narration", null, null, "The plan is 90% agreed.", [{ value: 90, unit: "%", raw: "90%", about: "The plan" }]),
    ];
    const folded = [...one.slice(0, 3).map((each, index) => (index === 2 ? { ...each, copies: ["3", "3b", "3c"] } : each)), one[5]!];
    const input = { ...DAILY_POST, terms: [] };
    const measures = buildFramingMeasures({ ...input, claims: one });
    expect(measures.dominantVoice).toEqual({ speaker: "Bo Stone", count: 3, share: 3 / 5 });
    expect(buildFramingMeasures({ ...input, claims: folded })).toEqual(measures);
    expect(framingDetail(folded)).toEqual(framingDetail(one));
    expect(framingDetail(one).described[0]).toEqual({ verb: "warned", speakers: ["Bo Stone"] });
  });
});
