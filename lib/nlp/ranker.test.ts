import { describe, expect, it } from "vitest";
import { PRIOR, rankCandidates, rankerAccuracy, trainRanker, type RankExample, type RankFeatures } from "./ranker";
import { silverExamples } from "./silver";
import { SpeakerRegistry } from "./speakers";

const base: RankFeatures = { back: 1, breaks: 0, subject: false, order: 0, salience: 1, gender: 0, speaks: false, alone: false };

describe("mention ranker", () => {
  it("prefers the previous sentence's subject, and never a person whose gender clashes", () => {
    const [subject, object] = rankCandidates([
      { ...base, subject: true },
      { ...base, order: 1 },
    ]);
    expect(subject).toBeGreaterThan(object as number);
    const [clash, fit] = rankCandidates([
      { ...base, subject: true, gender: -1 },
      { ...base, back: 2, order: 1, gender: 1 },
    ]);
    expect(fit).toBeGreaterThan(clash as number);
  });

  it("learns from examples what they share, and is deterministic", () => {
    const examples: RankExample[] = Array.from({ length: 30 }, (_, i) => ({
      candidates: [
        { ...base, subject: true },
        { ...base, order: 1, speaks: true, salience: i % 4 },
      ],
      answer: 1,
    }));
    expect(rankerAccuracy(examples, PRIOR)).toBe(0);
    const weights = trainRanker(examples, { l2: 0.01 });
    expect(rankerAccuracy(examples, weights)).toBe(1);
    expect(trainRanker(examples, { l2: 0.01 })).toEqual(weights);
  });

  it("reads silver labels from near-certain speech tags of invented text", () => {
    const text = [
      "Mayor Lisbet Ohm met harbour chief Aldo Venn on Tuesday.",
      "",
      "“We need the ships moving,” Ohm said. Venn listened.",
      "",
      "“The offer stands,” Venn said. Ohm left the hall before the vote.",
    ].join("\n");
    const { examples } = silverExamples(text, new SpeakerRegistry());
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const e of examples) {
      expect(e.candidates.length).toBeGreaterThan(1);
      expect(e.answer).toBeGreaterThanOrEqual(0);
    }
  });
});
