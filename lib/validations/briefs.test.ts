import { describe, expect, it } from "vitest";
import { hasClaimFilters, parseBriefFilters } from "./briefs";

describe("parseBriefFilters", () => {
  it("reads the filters from search parameters and ignores what it cannot read", () => {
    const filters = parseBriefFilters(new URLSearchParams("outlet=article:abc&speaker=ana-field&kind=quote&from=2026-01-02&to=2026-02-30&issue="));
    expect(filters).toEqual({ outlet: "article:abc", speaker: "ana-field", kind: "quote", issue: undefined, from: "2026-01-02", to: undefined });
    expect(parseBriefFilters({ kind: "opinion", outlet: ["daily-post", "other"], speaker: "x".repeat(500) })).toMatchObject({ kind: undefined, outlet: "daily-post", speaker: undefined });
  });

  it("tells claim filters from the issue filter", () => {
    expect(hasClaimFilters(parseBriefFilters({ issue: "ports" }))).toBe(false);
    expect(hasClaimFilters(parseBriefFilters({ from: "2026-01-01" }))).toBe(true);
  });
});
