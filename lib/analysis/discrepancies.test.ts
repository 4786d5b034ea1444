import { describe, expect, it } from "vitest";
import type { AnalysisClaim } from "./clusters";
import { findDiscrepancies } from "./discrepancies";
import { STORY } from "./fixtures";

const figureClaim = (id: string, source: string, speaker: string | null, value: number, about: string, unit = "%"): AnalysisClaim => ({
  id,
  source,
  kind: "reported",
  speaker,
  text: `${speaker ?? "It"} put it at ${value}.`,
  quote: null,
  issues: ["topic"],
  figures: [{ value, unit, raw: String(value), about }],
});

describe("findDiscrepancies", () => {
  it("finds one speaker's 95% against another's 100% about the same guarantees, and a statement given to two speakers", () => {
    expect(findDiscrepancies(STORY)).toEqual([
      {
        key: expect.stringMatching(/^figure:percent:[0-9a-f]{16}$/) as string,
        kind: "figure",
        about: "U.S.-Ukraine security guarantees",
        issue: "guarantees",
        items: [
          { value: "95%", raw: "close to 95%", speaker: "Bo Stone", source: "B", claimId: "c4" },
          { value: "100%", raw: "100%", speaker: "Ana Field", source: "A", claimId: "c1" },
          { value: "100%", raw: "100%", speaker: "Ana Field", source: "B", claimId: "c2" },
          { value: "100%", raw: "100%", speaker: "Ana Field", source: "C", claimId: "c3" },
        ],
      },
      {
        key: expect.stringMatching(/^attribution:statement:[0-9a-f]{16}$/) as string,
        kind: "attribution",
        about: "That’s a very tough issue, but one that I think will get resolved",
        issue: "land",
        items: [
          { value: "That’s a very tough issue, but one that I think will get resolved", raw: null, speaker: "Bo Stone", source: "A", claimId: "c7" },
          { value: "a very tough issue, but one that I think will get resolved", raw: null, speaker: "Ana Field", source: "D", claimId: "c8" },
        ],
      },
    ]);
  });

  it("finds the same figure attributed to different speakers by different sources", () => {
    const found = findDiscrepancies([
      figureClaim("x", "A", "Kay Vale", 20, "the 20-point plan", ""),
      figureClaim("y", "B", "Lou Marsh", 20, "20-point plan", ""),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: "attribution",
      about: "20-point plan",
      items: [
        { value: "20", speaker: "Kay Vale", source: "A", claimId: "x" },
        { value: "20", speaker: "Lou Marsh", source: "B", claimId: "y" },
      ],
    });
  });

  it("ignores agreement, different subjects, two values within one claim and unnamed sources", () => {
    const rising: AnalysisClaim = {
      ...figureClaim("r", "A", "Kay Vale", 5, "inflation"),
      figures: [
        { value: 5, unit: "%", raw: "5%", about: "inflation" },
        { value: 10, unit: "%", raw: "10%", about: "inflation" },
      ],
    };
    expect(
      findDiscrepancies([
        figureClaim("a", "A", "Kay Vale", 40, "turnout"),
        figureClaim("b", "B", "Kay Vale", 40, "voter turnout"),
        figureClaim("c", "C", "Kay Vale", 12, "unemployment"),
        figureClaim("d", "A", "unnamed source", 7, "growth"),
        figureClaim("e", "B", "Kay Vale", 7, "growth"),
        rising,
      ]),
    ).toEqual([]);
  });
});

describe("findDiscrepancies at scale", () => {
  it("keeps at most 40 items, every value represented", () => {
    const claims = [
      ...Array.from({ length: 60 }, (_, index) => figureClaim(`a${String(index).padStart(2, "0")}`, `S${index}`, "Kay Vale", 100, "the deal")),
      figureClaim("z", "T", "Lou Marsh", 95, "the deal"),
    ];
    const [found] = findDiscrepancies(claims);
    expect(found?.items).toHaveLength(40);
    expect(new Set(found?.items.map((item) => item.value))).toEqual(new Set(["95%", "100%"]));
  });
});
