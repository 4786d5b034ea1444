import { describe, expect, it } from "vitest";
import { dismissContrastSchema, parseIssueClaimList } from "./positions";

describe("issue claim list parameters", () => {
  it("reads a status and a page, and falls back to any status and the first page on anything else", () => {
    expect(parseIssueClaimList({ status: "confirmed", page: "3" })).toEqual({ status: "confirmed", page: 3 });
    expect(parseIssueClaimList({ status: "not_a_claim", page: "0" })).toEqual({ status: undefined, page: 1 });
    expect(parseIssueClaimList({ status: ["disputed", "false"], page: "-2" })).toEqual({ status: "disputed", page: 1 });
    expect(parseIssueClaimList({ page: "1e9" })).toEqual({ status: undefined, page: 1 });
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
