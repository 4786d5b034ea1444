import { describe, expect, it } from "vitest";
import { DIFF_MAX_CELLS, diffParagraphs } from "@/lib/text/diff";

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

  it("compares long texts with a change in the middle exactly, past the shared start and end", () => {
    const lines = Array.from({ length: 20_000 }, (_, index) => `Paragraph ${index} of the report.`);
    const after = [...lines.slice(0, 10_000), "A correction was added here.", ...lines.slice(10_001)];
    const changes = diffParagraphs(lines.join("\n"), after.join("\n")).filter((change) => change.type !== "same");
    expect(changes).toEqual([
      { type: "added", text: "A correction was added here." },
      { type: "removed", text: "Paragraph 10000 of the report." },
    ]);
  });

  it("compares texts that differ throughout by presence when the table would be too large", () => {
    const count = Math.ceil(Math.sqrt(DIFF_MAX_CELLS)) + 10;
    const before = Array.from({ length: count }, (_, index) => `Old line ${index}.`);
    const after = Array.from({ length: count }, (_, index) => (index % 2 ? `New line ${index}.` : `Old line ${index}.`));
    after.reverse();
    const changes = diffParagraphs(before.join("\n"), after.join("\n"));
    expect(changes.filter((change) => change.type === "added")).toHaveLength(Math.floor(count / 2));
    expect(changes.filter((change) => change.type === "removed")).toHaveLength(Math.floor(count / 2));
    expect(changes.filter((change) => change.type === "same")).toHaveLength(Math.ceil(count / 2));
  });
});
