import { describe, expect, it } from "vitest";
import { handleOf, mentionHandles } from "./notes";

describe("mentions", () => {
  it("finds @handles once each, case-folded, and ignores email addresses and trailing punctuation", () => {
    expect(mentionHandles("@Ada and @e2e-editor, see x@ada.example and @ada.")).toEqual(["ada", "e2e-editor"]);
    expect(mentionHandles("(@vera.v) please")).toEqual(["vera.v"]);
    expect(mentionHandles("no mentions @ all")).toEqual([]);
  });

  it("takes a teammate's handle from the email before the @", () => {
    expect(handleOf("Vera.V@Briefing.test")).toBe("vera.v");
  });
});
