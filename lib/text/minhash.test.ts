import { describe, expect, it } from "vitest";
import { estimateSimilarity, lshBands, minhashSignature, normalizeForComparison } from "./minhash";

const base =
  "The talks ended without a deal on the border question, officials said on Monday, but both delegations agreed to meet again next month in Geneva to continue the discussion of the remaining points of the framework.";

describe("near-duplicate detection", () => {
  it("treats quote styles, case and spacing as the same text", () => {
    expect(normalizeForComparison("“Yes,”  he SAID.")).toBe(normalizeForComparison('"yes," he said'));
  });
  it("scores a lightly edited copy high and an unrelated text low", () => {
    const edited = base.replace("Monday", "Tuesday");
    const other = "A storm closed the harbour for two days and the ferry company cancelled every crossing until the weekend, the port authority said.";
    const a = minhashSignature(normalizeForComparison(base));
    expect(estimateSimilarity(a, minhashSignature(normalizeForComparison(base)))).toBe(1);
    expect(estimateSimilarity(a, minhashSignature(normalizeForComparison(edited)))).toBeGreaterThan(0.6);
    expect(estimateSimilarity(a, minhashSignature(normalizeForComparison(other)))).toBeLessThan(0.2);
  });
  it("gives identical texts identical bands", () => {
    const signature = minhashSignature(normalizeForComparison(base));
    expect(lshBands(signature)).toEqual(lshBands([...signature]));
    expect(lshBands(signature)).toHaveLength(16);
  });
});
