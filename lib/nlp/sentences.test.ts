import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";

function sentences(text: string): string[] {
  return splitSentences(text).sentences.map((s) => text.slice(s.start, s.end));
}

describe("splitSentences", () => {
  it("splits text glued after a full stop", () => {
    expect(sentences("It is in the Donbas region.“That’s a tough issue,” Trump said.")).toEqual([
      "It is in the Donbas region.",
      "“That’s a tough issue,” Trump said.",
    ]);
  });

  it("keeps abbreviations inside sentences", () => {
    expect(sentences("Mr. Smith flew to the U.S. on Dec. 28, 2025. He met officials in Washington, D.C. on Monday.")).toEqual([
      "Mr. Smith flew to the U.S. on Dec. 28, 2025.",
      "He met officials in Washington, D.C. on Monday.",
    ]);
  });

  it("ends a sentence at “in.” and “no.” before a capital, but not at inches", () => {
    expect(sentences("The verdict was in. Opposition leaders spoke. He said no. Officials left. The pipe is 12 in. Long pipes cost more.")).toEqual([
      "The verdict was in.",
      "Opposition leaders spoke.",
      "He said no.",
      "Officials left.",
      "The pipe is 12 in. Long pipes cost more.",
    ]);
  });

  it("makes a line without a full stop its own sentence, a heading", () => {
    const text = "Thorny Issues Remain\nThe two leaders met on Sunday.";
    const split = splitSentences(text);
    expect(sentences(text)).toEqual(["Thorny Issues Remain", "The two leaders met on Sunday."]);
    expect(split.sentences.map((s) => [s.paragraph, s.heading])).toEqual([
      [0, true],
      [1, false],
    ]);
  });

  it("keeps a speech tag with its quotation", () => {
    expect(sentences("“Wow!” he said. Then he left.")).toEqual(["“Wow!” he said.", "Then he left."]);
  });

  it("moves a quote mark left dangling before the next sentence", () => {
    expect(sentences('She rejected the figure. ”The debt was paid," she said.')).toEqual(["She rejected the figure.", '”The debt was paid," she said.']);
  });
});
