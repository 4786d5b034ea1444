import { describe, expect, it } from "vitest";
import { dismissContrastSchema, parseIssueClaimList } from "./positions";

describe("issue claim list parameters", () => {
  it("reads a status and a page, and falls back to any status and the first page on anything else", () => {
    const firstFew = { pairs: false, figures: false };
    expect(parseIssueClaimList({ status: "confirmed", page: "3" })).toEqual({ status: "confirmed", page: 3, ...firstFew });
    expect(parseIssueClaimList({ status: "not_a_claim", page: "0" })).toEqual({ status: undefined, page: 1, ...firstFew });
    expect(parseIssueClaimList({ status: ["disputed", "false"], page: "-2" })).toEqual({ status: "disputed", page: 1, ...firstFew });
    expect(parseIssueClaimList({ page: "1e9" })).toEqual({ status: undefined, page: 1, ...firstFew });
  });

  it("shows every contrasting pair or disagreeing figure only when asked with all", () => {
    expect(parseIssueClaimList({ pairs: "all", figures: "all" })).toMatchObject({ pairs: true, figures: true });
    expect(parseIssueClaimList({ pairs: ["all", "x"], figures: "some" })).toMatchObject({ pairs: true, figures: false });
    expect(parseIssueClaimList({ pairs: "ALL" })).toMatchObject({ pairs: false, figures: false });
  });
});

describe("dismissing a contrast", () => {
  it("needs an issue and two different claims, and says which is missing", () => {
    expect(dismissContrastSchema.safeParse({ issue: "tolls", a: "x", b: "y" }).success).toBe(true);
    expect(dismissContrastSchema.safeParse({ issue: " ", a: "x", b: "y" }).error?.issues[0]?.message).toBe("Name the issue (its slug).");
    expect(dismissContrastSchema.safeParse({ issue: "tolls", a: "x" }).error?.issues[0]?.message).toBe("Name the second claim of the pair.");
    expect(dismissContrastSchema.safeParse({ issue: "tolls", a: "x", b: "x" }).error?.issues[0]?.message).toBe("A pair needs two different claims.");
  });
});
