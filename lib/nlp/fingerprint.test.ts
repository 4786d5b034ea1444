import { describe, expect, it } from "vitest";
import { claimFingerprint } from "./fingerprint";

describe("claimFingerprint", () => {
  it("is stable across quote styles, case, spacing and entities", () => {
    const a = claimFingerprint({ speaker: "Donald Trump", text: "“We are getting a lot closer,”" });
    expect(claimFingerprint({ speaker: "donald trump", text: '"We are  getting a lot CLOSER,"' })).toBe(a);
    expect(claimFingerprint({ speaker: "Donald Trump", text: "&ldquo;We are getting a lot closer,&rdquo;" })).toBe(a);
    expect(a).toMatch(/^c1_[0-9a-f]{28}$/u);
  });

  it("changes with the speaker or the words", () => {
    const a = claimFingerprint({ speaker: "Donald Trump", text: "We are close" });
    expect(claimFingerprint({ speaker: "Volodymyr Zelensky", text: "We are close" })).not.toBe(a);
    expect(claimFingerprint({ speaker: null, text: "We are close" })).not.toBe(a);
    expect(claimFingerprint({ speaker: "Donald Trump", text: "We are not close" })).not.toBe(a);
  });
});
