import { describe, expect, it } from "vitest";
import { claimGroups, clusterClaims, groupFigures, groupStatements, idsOf, sortById, weightOf, type AnalysisClaim } from "./clusters";
import { findFigureDiscrepancies, findStatementDiscrepancies } from "./discrepancies";
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

describe("claims folded with their copies", () => {
  /** `claims` with identical claims (all but the id) folded into the first of them, as the analysis reads them. */
  function fold(claims: readonly AnalysisClaim[]): AnalysisClaim[] {
    const byContent = new Map<string, AnalysisClaim[]>();
    for (const claim of sortById(claims)) {
      const { id: _id, ...content } = claim;
      const key = JSON.stringify(content);
      byContent.set(key, [...(byContent.get(key) ?? []), claim]);
    }
    return [...byContent.values()].map((copies) => (copies.length > 1 ? { ...copies[0]!, copies: copies.map((copy) => copy.id) } : copies[0]!));
  }
  const copy = (claim: AnalysisClaim, id: string): AnalysisClaim => ({ ...claim, id });
  const statement = "The ceasefire talks will resume in Geneva in January, 90% of the text agreed";
  const figure = { value: 90, unit: "%", raw: "90%", about: "the text of the ceasefire agreement" };
  // p and q make one statement; p, u and v cite one figure; both span sources A and B. Counted one by one,
  // the statement (p and q, each with two copies in its source: six claims) is wider than the figure (p's
  // three claims, u and v: five) and takes p; counted as read, two claims against three, the figure would.
  const p: AnalysisClaim = {
    id: "p1",
    source: "A",
    kind: "quote",
    speaker: "Ana Field",
    text: statement,
    quote: null,
    issues: ["ceasefire"],
    figures: [figure],
  };
  const q: AnalysisClaim = { ...p, id: "q1", source: "B", figures: [] };
  const u: AnalysisClaim = { ...p, id: "u1", source: "B", text: "Negotiators said 90% of the ceasefire text was now agreed.", quote: null, kind: "reported" };
  const v: AnalysisClaim = { ...u, id: "v1", source: "A", text: "Some 90% of the ceasefire agreement is settled, officials said." };
  // One statement in two mouths, worded a little differently: the wording with more claims (a's copies) names it.
  const a: AnalysisClaim = {
    id: "a1",
    source: "A",
    kind: "quote",
    speaker: "Ana Field",
    text: "",
    quote: "we will not give up any land in the east under any circumstances",
    issues: ["donbas"],
    figures: [],
  };
  const b: AnalysisClaim = {
    ...a,
    id: "b1",
    source: "B",
    speaker: "Ben Stone",
    quote: "We will not give up any land in the east under any circumstances at all",
  };
  const claims = [
    ...STORY,
    ...STORY.slice(0, 4).map((claim) => copy(claim, `${claim.id}-copy`)),
    ...[p, copy(p, "p2"), copy(p, "p3"), q, copy(q, "q2"), copy(q, "q3"), u, v],
    ...[a, copy(a, "a2"), copy(a, "a3"), b],
  ];

  it("give the clusters and groups the claims give one by one, with every copy in them", () => {
    const folded = fold(claims);
    expect(folded.length).toBeLessThan(claims.length);
    const clusters = clusterClaims(claims);
    expect(clusterClaims(folded)).toEqual(clusters);
    const groups = claimGroups(claims);
    expect(claimGroups(folded)).toEqual(groups);
    // Without copies, each folded claim's own id has the groups its copies have.
    const own = claimGroups(folded, undefined, { copies: false });
    expect([...own.statement.keys()].sort()).toEqual(
      folded
        .filter((claim) => groups.statement.has(claim.id))
        .map((claim) => claim.id)
        .sort(),
    );
    for (const [id, group] of own.statement) expect(group).toBe(groups.statement.get(id));
    expect([...own.figures]).toEqual([...groups.figures].filter(([id]) => folded.some((claim) => claim.id === id)));
    expect(own.statement.size).toBeLessThan(groups.statement.size);
    // Kept folded, each cluster names the folded claims and counts every copy.
    const kept = clusterClaims(folded, { folded: true });
    expect(kept.map((cluster) => cluster.key)).toEqual(clusters.map((cluster) => cluster.key));
    kept.forEach((cluster, index) => {
      const members = folded.filter((claim) => cluster.claimIds.includes(claim.id));
      expect(members).toHaveLength(cluster.claimIds.length);
      expect(members.flatMap((claim) => claim.copies ?? [claim.id]).sort()).toEqual(clusters[index]!.claimIds);
      expect(cluster.claimCount).toBe(clusters[index]!.claimIds.length);
    });
    expect(kept.some((cluster) => cluster.claimCount! > cluster.claimIds.length)).toBe(true);
    // Counted instead of spelled out, the copies weigh the same; their ids are not at hand.
    const counted = folded.map(({ copies, ...claim }) => (copies ? { ...claim, weight: copies.length } : claim));
    expect(clusterClaims(counted, { folded: true })).toEqual(kept);
    expect(claimGroups(counted, undefined, { copies: false })).toEqual(own);
    const heavy = counted.find((claim) => claim.weight)!;
    expect(weightOf(heavy)).toBe(heavy.weight);
    expect(() => idsOf(heavy)).toThrow(/counted, not read/);
    expect(() => clusterClaims(counted)).toThrow(/counted, not read/);
    const byKey = new Map(clusters.map((cluster) => [cluster.key, cluster.claimIds]));
    expect([...byKey.values()]).toContainEqual(["p1", "p2", "p3", "q1", "q2", "q3"]);
    expect([...byKey.values()]).toContainEqual(["u1", "v1"]);
  });

  it("give the figure discrepancies the claims give one by one", () => {
    const figure = (value: number, about: string) => ({ value, unit: "%", raw: `${value}%`, about });
    const g: AnalysisClaim = {
      id: "g1",
      source: "A",
      kind: "reported",
      speaker: "Ana Field",
      text: "Talks on security guarantees are 90% done, Field said.",
      quote: null,
      issues: ["guarantees"],
      figures: [figure(90, "security guarantees")],
    };
    const h: AnalysisClaim = {
      ...g,
      id: "h1",
      source: "B",
      speaker: "Ben Stone",
      text: "Stone put them at 95%.",
      figures: [figure(95, "US security guarantees")],
    };
    // One claim giving two values is no conflict; two copies of it are two claims that do.
    const k: AnalysisClaim = {
      ...g,
      id: "k1",
      source: "C",
      text: "The deal was 60% agreed, then 70% agreed.",
      figures: [figure(60, "the deal"), figure(70, "the deal")],
    };
    const all = [...claims, g, copy(g, "g2"), copy(g, "g3"), h, k, copy(k, "k2")];
    const byKey = (found: ReturnType<typeof findFigureDiscrepancies>) => [...found].sort((a, b) => (a.discrepancy.key < b.discrepancy.key ? -1 : 1));
    const found = byKey(findFigureDiscrepancies(all));
    // The subject most of the claims name: "security guarantees" (three claims) over "US security guarantees" (one).
    expect(found.map(({ discrepancy }) => discrepancy.about)).toEqual(expect.arrayContaining(["security guarantees", "the deal"]));
    expect(byKey(findFigureDiscrepancies(fold(all)))).toEqual(found);
  });

  it("give the statement discrepancies the claims give one by one", () => {
    const folded = fold(claims);
    const sorted = sortById(claims);
    const found = findStatementDiscrepancies(sorted, groupStatements(sorted));
    expect(found.map((discrepancy) => discrepancy.about)).toContain("we will not give up any land in the east under any circumstances");
    expect(findStatementDiscrepancies(sortById(folded), groupStatements(sortById(folded)))).toEqual(found);
  });
});
