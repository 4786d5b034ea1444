import { describe, expect, it } from "vitest";
import { cappedPlural } from "@/lib/format";

describe("cappedPlural", () => {
  it("gives an exact count as it is and one that stopped at its cap as a lower bound", () => {
    expect(cappedPlural({ total: 1, isTotalCapped: false }, "claim")).toBe("1 claim");
    expect(cappedPlural({ total: 1234, isTotalCapped: false }, "claim", { atStart: true })).toBe("1,234 claims");
    expect(cappedPlural({ total: 10_000, isTotalCapped: true }, "article")).toBe("more than 10,000 articles");
    expect(cappedPlural({ total: 10_000, isTotalCapped: true }, "article", { atStart: true })).toBe("More than 10,000 articles");
  });
});
