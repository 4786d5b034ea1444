import { describe, expect, it } from "vitest";
import { excerptAround } from "./excerpt";

const TEXT = "First sentence here. He said “we are close” to reporters. Last one.";
const claim = { start: TEXT.indexOf("“we"), end: TEXT.indexOf(" to reporters"), text: "“we are close”" };
const sentence = { start: TEXT.indexOf("He said"), end: TEXT.indexOf(" Last") };

describe("excerptAround", () => {
  it("cuts the sentence around the claim from a window of the text", () => {
    expect(excerptAround(TEXT.slice(5), 5, claim, sentence)).toEqual({ before: "He said ", claim: "“we are close”", after: " to reporters." });
  });

  it("stays exact when the window is shifted (astral characters earlier in the article)", () => {
    expect(excerptAround(`😀😀${TEXT}`, 0, claim, sentence)).toEqual({ before: "He said ", claim: "“we are close”", after: " to reporters." });
  });

  it("falls back to the claim alone when the window does not hold it", () => {
    expect(excerptAround("unrelated", 0, claim, sentence)).toEqual({ before: "", claim: "“we are close”", after: "" });
  });
});
