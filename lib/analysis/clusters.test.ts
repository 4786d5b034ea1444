import { describe, expect, it } from "vitest";
import { clusterClaims, groupFigures, groupStatements, type AnalysisClaim } from "./clusters";
import { STORY } from "./fixtures";

const ids = (claims: readonly AnalysisClaim[], groups: number[][]) => groups.map((group) => group.map((index) => claims[index]!.id));

describe("groupStatements", () => {
  it("joins the same statement across sources, word for word or nearly, and leaves short fragments alone", () => {
    expect(ids(STORY, groupStatements(STORY))).toEqual([
      ["c5", "c6"],
      ["c7", "c8"],
      ["d2", "d3"],
    ]);
  });

  it("joins quotes, and only quotes, sharing a run of words even when the rest differs", () => {
    const claims: AnalysisClaim[] = [
      {
        id: "q1",
        source: "A",
        kind: "quote",
        speaker: "X",
        text: "",
        quote: "The port will reopen on Monday once the storm has passed and the cranes are checked",
        issues: [],
        figures: [],
      },
      { id: "q2", source: "B", kind: "quote", speaker: "X", text: "", quote: "reopen on Monday once the storm", issues: [], figures: [] },
      {
        id: "q3",
        source: "C",
        kind: "reported",
        speaker: "X",
        text: "Reopen on Monday once the storm clears, the mayor told the council, who doubted it.",
        quote: null,
        issues: [],
        figures: [],
      },
    ];
    expect(ids(claims, groupStatements(claims))).toEqual([["q1", "q2"]]);
  });
});

describe("groupFigures", () => {
  it("joins the same value and unit about the same thing, not a different subject", () => {
    expect(groupFigures(STORY).map((group) => ({ ...group, claims: group.claims.map((index) => STORY[index]!.id) }))).toEqual([
      { value: 100, unit: "%", claims: ["c1", "c2", "c3"] },
    ]);
  });

  it("groups figures of unknown subject by shared issue, and ignores those with neither", () => {
    const claims: AnalysisClaim[] = [
      {
        id: "a",
        source: "A",
        kind: "narration",
        speaker: null,
        text: "",
        quote: null,
        issues: ["ports"],
        figures: [{ value: 2, unit: "count", raw: "two", about: null }],
      },
      {
        id: "b",
        source: "B",
        kind: "narration",
        speaker: null,
        text: "",
        quote: null,
        issues: ["ports"],
        figures: [{ value: 2, unit: "count", raw: "2", about: null }],
      },
      {
        id: "c",
        source: "C",
        kind: "narration",
        speaker: null,
        text: "",
        quote: null,
        issues: [],
        figures: [{ value: 2, unit: "count", raw: "2", about: null }],
      },
    ];
    expect(groupFigures(claims)).toEqual([{ value: 2, unit: "count", claims: [0, 1] }]);
  });

  it("does not take a range for the figure at its low end", () => {
    const claims: AnalysisClaim[] = [
      {
        id: "a",
        source: "A",
        kind: "narration",
        speaker: null,
        text: "",
        quote: null,
        issues: ["ports"],
        figures: [{ value: 1, unit: "berths", raw: "one berth", about: "berths" }],
      },
      {
        id: "b",
        source: "B",
        kind: "narration",
        speaker: null,
        text: "",
        quote: null,
        issues: ["ports"],
        figures: [{ value: 1, high: 2, unit: "berths", raw: "one or two berths", about: "berths" }],
      },
      {
        id: "c",
        source: "C",
        kind: "narration",
        speaker: null,
        text: "",
        quote: null,
        issues: ["ports"],
        figures: [{ value: 1, unit: "berths", raw: "1 berth", about: "berths" }],
      },
    ];
    expect(groupFigures(claims)).toEqual([{ value: 1, unit: "berths", claims: [0, 2] }]);
  });
});

describe("clusterClaims", () => {
  it("returns cross-source clusters widest first, with label, subject, speaker, sources and claims", () => {
    expect(clusterClaims(STORY)).toEqual([
      {
        key: expect.stringMatching(/^figure:percent:100:[0-9a-f]{16}$/) as string,
        type: "figure",
        label: "100% — U.S.-Ukraine security guarantees",
        about: "U.S.-Ukraine security guarantees",
        value: 100,
        unit: "%",
        speaker: "Ana Field",
        issue: "guarantees",
        sources: ["A", "B", "C"],
        claimIds: ["c1", "c2", "c3"],
      },
      {
        key: expect.stringMatching(/^statement:[0-9a-f]{16}$/) as string,
        type: "statement",
        label: "“I do think we’re getting a lot closer, maybe very close”",
        about: null,
        value: null,
        unit: null,
        speaker: "Bo Stone",
        issue: null,
        sources: ["A", "C"],
        claimIds: ["c5", "c6"],
      },
      {
        key: expect.stringMatching(/^statement:[0-9a-f]{16}$/) as string,
        type: "statement",
        label: "“That’s a very tough issue, but one that I think will get resolved”",
        about: null,
        value: null,
        unit: null,
        speaker: "Ana Field",
        issue: "land",
        sources: ["A", "D"],
        claimIds: ["c7", "c8"],
      },
    ]);
  });

  it("gives the same clusters and keys whatever the order of the claims", () => {
    const reversed = clusterClaims([...STORY].reverse());
    expect(reversed).toEqual(clusterClaims(STORY));
  });

  it("puts a claim in one cluster only, and drops a group left within one source", () => {
    const claims: AnalysisClaim[] = [
      {
        id: "1",
        source: "A",
        kind: "quote",
        speaker: "X",
        text: "",
        quote: "the harbour will reopen on monday morning",
        issues: ["ports"],
        figures: [{ value: 3, unit: "count", raw: "three", about: "cranes" }],
      },
      { id: "2", source: "B", kind: "quote", speaker: "X", text: "", quote: "the harbour will reopen on monday morning", issues: ["ports"], figures: [] },
      { id: "3", source: "C", kind: "quote", speaker: "X", text: "", quote: "the harbour will reopen on monday morning", issues: ["ports"], figures: [] },
      {
        id: "4",
        source: "A",
        kind: "narration",
        speaker: null,
        text: "Three cranes were damaged.",
        quote: null,
        issues: ["ports"],
        figures: [{ value: 3, unit: "count", raw: "Three", about: "cranes" }],
      },
    ];
    const clusters = clusterClaims(claims);
    expect(clusters.map((cluster) => [cluster.type, cluster.claimIds])).toEqual([["statement", ["1", "2", "3"]]]);
  });
});
