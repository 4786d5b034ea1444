import { describe, expect, it } from "vitest";
import { contentWords, formatFigure, isSameAbout, jaccard, joinSameAbout, mostCommon, OverlapIndex, UnionFind } from "./similarity";

const set = (text: string) => new Set(contentWords(text));

describe("contentWords", () => {
  it("joins dotted initialisms, splits compounds, drops stopwords and stems plurals", () => {
    expect(contentWords("The U.S.-Ukraine security guarantees")).toEqual(["us", "ukraine", "security", "guarantee"]);
  });
});

describe("isSameAbout", () => {
  it("accepts descriptions whose smaller side is mostly inside the larger", () => {
    expect(isSameAbout(set("security guarantee"), set("US-Ukraine security guarantees"))).toBe(true);
    expect(isSameAbout(set("bilateral security guarantees"), set("U.S.-Ukraine security guarantees"))).toBe(true);
    expect(isSameAbout(set("peace plan"), set("20-point plan"))).toBe(false);
    expect(isSameAbout(set("peace framework"), set("security guarantees"))).toBe(false);
    expect(isSameAbout(set(""), set("security guarantees"))).toBe(false);
  });
});

describe("helpers", () => {
  it("jaccard, mostCommon and union-find", () => {
    expect(jaccard(new Set(["a", "b"]), new Set(["b", "c"]))).toBeCloseTo(1 / 3);
    expect(mostCommon(["b", "a", null, "b", "a"])).toBe("a");
    expect(mostCommon([null, undefined])).toBeNull();
    const sets = new UnionFind(5);
    sets.union(0, 3);
    sets.union(3, 4);
    expect(sets.groups()).toEqual([[0, 3, 4]]);
  });

  it("formats figures by unit", () => {
    expect(formatFigure(95, "%")).toBe("95%");
    expect(formatFigure(2_500_000, "USD")).toBe("$2.5m");
    expect(formatFigure(3, "CNY")).toBe("3 CNY");
    expect(formatFigure(75, "minutes")).toBe("75 minutes");
    expect(formatFigure(1, "hours")).toBe("1 hour");
    expect(formatFigure(1200, "")).toBe("1,200");
    expect(formatFigure(20, "points")).toBe("20 points");
  });
});

describe("joinSameAbout", () => {
  it("finds exactly the pairs a comparison of every pair finds", () => {
    let state = 7;
    const next = (n: number) => (state = (state * 48271) % 2147483647) % n;
    const vocabulary = ["troop", "brigade", "guarantee", "security", "zone", "border", "fund", "loan", "vote", "truce", "port", "grain"];
    const sets = Array.from({ length: 300 }, () => new Set(Array.from({ length: 1 + next(4) }, () => vocabulary[next(vocabulary.length)]!)));
    const expected = new Set<string>();
    for (let a = 0; a < sets.length; a += 1) for (let b = a + 1; b < sets.length; b += 1) if (isSameAbout(sets[a]!, sets[b]!)) expected.add(`${a},${b}`);
    const found = new Set<string>();
    joinSameAbout(sets, (a, b) => found.add(`${Math.min(a, b)},${Math.max(a, b)}`));
    expect(expected.size).toBeGreaterThan(100);
    expect([...found].sort()).toEqual([...expected].sort());
  });

  it("indexes a set by its rarest words only, so a common word alone finds nothing", () => {
    const sets = ["border zone", "border port", "border fund", "border loan"].map((text) => new Set(text.split(" ")));
    const index = new OverlapIndex(sets);
    expect(index.candidates(["border"])).toEqual([]);
    expect(index.candidates(["port", "border"])).toEqual([1]);
  });
});
