import { describe, expect, it } from "vitest";
import { CLUSTER_PAGE, hasClaimFilters, parseBriefFilters, parseClusterPage } from "./briefs";

describe("parseBriefFilters", () => {
  it("reads the filters from search parameters and ignores what it cannot read", () => {
    const filters = parseBriefFilters(new URLSearchParams("outlet=article:abc&speaker=ana-field&kind=quote&from=2026-01-02&to=2026-02-30&issue="));
    expect(filters).toEqual({ outlet: "article:abc", speaker: "ana-field", kind: "quote", issue: undefined, from: "2026-01-02", to: undefined });
    expect(parseBriefFilters({ kind: "opinion", outlet: ["daily-post", "other"], speaker: "x".repeat(500) })).toMatchObject({
      kind: undefined,
      outlet: "daily-post",
      speaker: undefined,
    });
  });

  it("tells claim filters from the issue filter", () => {
    expect(hasClaimFilters(parseBriefFilters({ issue: "ports" }))).toBe(false);
    expect(hasClaimFilters(parseBriefFilters({ from: "2026-01-01" }))).toBe(true);
  });
});

describe("parseClusterPage", () => {
  it("defaults to the first page and reads offset and limit", () => {
    expect(parseClusterPage(new URLSearchParams("")).data).toEqual({ offset: 0, limit: CLUSTER_PAGE.size });
    expect(parseClusterPage(new URLSearchParams("offset=24&limit=5")).data).toEqual({ offset: 24, limit: 5 });
  });

  it("refuses what is not a whole number in range, naming the parameter", () => {
    for (const [query, name] of [
      ["offset=-1", "offset"],
      ["offset=1.5", "offset"],
      ["limit=0", "limit"],
      ["limit=51", "limit"],
      ["limit=ten", "limit"],
    ]) {
      const parsed = parseClusterPage(new URLSearchParams(query));
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual([name]);
      expect(parsed.error?.issues[0]?.message).toMatch(/^must be a whole number from \d+ to \d+$/);
    }
  });
});
