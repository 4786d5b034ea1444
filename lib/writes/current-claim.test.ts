import { describe, expect, it } from "vitest";
import { currentClaim, quotedWords, type PipelineClaim } from "@/lib/writes/current-claim";

const TEXT = "The minister said “we will not sign this” on Friday. Talks resume next week.";
const QUOTE: PipelineClaim = { kind: "quote", start: 0, end: 52, text: TEXT.slice(0, 52), quote: "we will not sign this", speakerId: "s1" };

describe("currentClaim", () => {
  it("is the pipeline's output when nothing was corrected", () => {
    expect(currentClaim(QUOTE, {}, TEXT)).toEqual(QUOTE);
  });

  it("takes a corrected speaker and kind; a claim that is no longer a quote has no quoted words", () => {
    expect(currentClaim(QUOTE, { speakerId: "s2", kind: "reported" }, TEXT)).toEqual({ ...QUOTE, speakerId: "s2", kind: "reported", quote: null });
  });

  it("reads the text at a corrected span and the quoted words inside it", () => {
    const start = TEXT.indexOf("“");
    const end = TEXT.indexOf("”") + 1;
    expect(currentClaim(QUOTE, { start, end }, TEXT)).toMatchObject({ start, end, text: "“we will not sign this”", quote: "we will not sign this" });
    const narration: PipelineClaim = { ...QUOTE, kind: "narration", quote: null, start: 53, end: TEXT.length, text: TEXT.slice(53) };
    expect(currentClaim(narration, { kind: "quote" }, TEXT)).toMatchObject({ kind: "quote", quote: "Talks resume next week." });
  });

  it("keeps a span inside the article", () => {
    expect(currentClaim(QUOTE, { start: 70, end: 500 }, TEXT)).toMatchObject({ start: 70, end: TEXT.length, text: TEXT.slice(70) });
  });
});

describe("quotedWords", () => {
  it("takes the words between the outer quotation marks, or the whole text", () => {
    expect(quotedWords('He said "no deal" twice.')).toBe("no deal");
    expect(quotedWords("  plain words ")).toBe("plain words");
  });
});
