import { describe, expect, it } from "vitest";
import { describeFraming, type FramingWordsInput } from "./framing-words";

const measures = (overrides: Partial<FramingWordsInput["measures"]> = {}): FramingWordsInput["measures"] => ({
  claimCount: 6,
  kinds: { quote: 3, reported: 2, narration: 1 },
  voices: [
    { speaker: "Mara Quill", quote: 3, reported: 1, total: 4 },
    { speaker: "Harbour Board", quote: 0, reported: 1, total: 1 },
  ],
  dominantVoice: { speaker: "Mara Quill", count: 4, share: 0.8 },
  coverage: { share: 0.3, issueChars: 300, totalChars: 1000, issueSentences: 3, totalSentences: 10 },
  prominence: { firstParagraph: 0, leadShare: 1 },
  hedges: [{ phrase: "without evidence", count: 1 }],
  ...overrides,
});

describe("describeFraming", () => {
  it("says whose voice leads, who is absent, which loaded verbs go to whom, and where the issue comes up", () => {
    const claims = [
      { kind: "reported" as const, speaker: "Harbour Board", verb: "claimed" },
      { kind: "quote" as const, speaker: "Mara Quill", verb: "said" },
    ];
    expect(describeFraming({ measures: measures(), claims, absent: ["Tomas Reede", "the Senate"] })).toBe(
      "Leads with Mara Quill’s voice; quotes neither Tomas Reede nor the Senate; uses “claimed” for Harbour Board; distances itself with “without evidence”; raises it in the opening paragraph.",
    );
  });

  it("describes a source that tells the issue in its own voice, late and in passing", () => {
    const text = describeFraming({
      measures: measures({
        kinds: { quote: 0, reported: 0, narration: 2 },
        voices: [],
        dominantVoice: null,
        hedges: [],
        coverage: { share: 0.02, issueChars: 20, totalChars: 1000, issueSentences: 1, totalSentences: 10 },
      }),
      claims: [],
      absent: ["Mara Quill"],
    });
    expect(text).toBe("Tells it in its own voice, quoting no one; does not quote Mara Quill; mentions it only in passing.");
  });

  it("names several voices when none leads", () => {
    const text = describeFraming({
      measures: measures({ dominantVoice: { speaker: "Mara Quill", count: 2, share: 0.4 }, hedges: [], prominence: { firstParagraph: 4, leadShare: 0 } }),
      claims: [],
      absent: [],
    });
    expect(text).toBe("Gives voice to Mara Quill and Harbour Board, Mara Quill most; raises it late (paragraph 5).");
  });
});
