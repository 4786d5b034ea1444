import { describe, expect, it } from "vitest";
import { describeAttribution } from "./attribution-reason";

describe("describeAttribution", () => {
  it("says which stage found the speaker and what kind of mention it came from", () => {
    expect(describeAttribution("tag:after-quote:pronoun", "he", "Jonas Ferrell")).toBe(
      "Credited to Jonas Ferrell through the speech tag right after the quote: “he” is a pronoun, resolved to the likeliest person mentioned before it (gender, distance, subject position, salience).",
    );
    expect(describeAttribution("nested:outer-reporter:description", "The ministry", "ministry")).toContain("the outer reporter of a reported statement");
    expect(describeAttribution("clause:noun-phrase", null, "operators")).toBe("Credited to operators through the subject of the clause the quote sits in.");
  });

  it("says when nobody is credited", () => {
    expect(describeAttribution("narration", null, null)).toBe("The outlet's own narration: no speaker is credited.");
    expect(describeAttribution("unattributed", null, null)).toMatch(/^No speaker could be found/u);
    expect(describeAttribution(null, null, null)).toBeNull();
  });
});
