import { describe, expect, it } from "vitest";
import { diffParagraphs } from "@/lib/text/diff";

describe("diffParagraphs", () => {
  it("marks kept, removed and added paragraphs in the newer text's order", () => {
    const before = "Talks began on Monday.\n\nThe minister said little.\n\nMarkets fell.";
    const after = "Talks began on Monday.\n\nThe minister said the deal was close.\n\nMarkets fell.\n\nTalks resume on Friday.";
    expect(diffParagraphs(before, after)).toEqual([
      { type: "same", text: "Talks began on Monday." },
      { type: "added", text: "The minister said the deal was close." },
      { type: "removed", text: "The minister said little." },
      { type: "same", text: "Markets fell." },
      { type: "added", text: "Talks resume on Friday." },
    ]);
  });

  it("ignores changes of spacing alone", () => {
    expect(diffParagraphs("One  line,\n\n spaced.", "One line,\nspaced. ")).toEqual([
      { type: "same", text: "One line," },
      { type: "same", text: "spaced." },
    ]);
  });
});
