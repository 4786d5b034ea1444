import { describe, expect, it } from "vitest";
import { framingCards } from "@/components/briefs/framing-card";

describe("framingCards", () => {
  it("gives each of a few sources a card", () => {
    expect(framingCards(["a", "b", "c", "d", "e", "f"], { whenMany: 0 })).toEqual(["a", "b", "c", "d", "e", "f"]);
  });

  it("gives cards to the first `whenMany` of many sources only", () => {
    const many = ["a", "b", "c", "d", "e", "f", "g"];
    expect(framingCards(many, { whenMany: 0 })).toEqual([]);
    expect(framingCards(many, { whenMany: 3 })).toEqual(["a", "b", "c"]);
  });
});
