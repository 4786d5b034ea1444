import { describe, expect, it } from "vitest";
import { firstInOrder } from "./first";

type Item = { time: number | null; id: string };
const newestFirst = (a: Item, b: Item) => (b.time ?? -Infinity) - (a.time ?? -Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe("firstInOrder", () => {
  it("gives what sorting everything and taking the first would, for any length and limit", () => {
    let state = 7;
    // A small linear congruential generator: the same items on every run.
    const random = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let round = 0; round < 200; round += 1) {
      const items: Item[] = Array.from({ length: Math.floor(random() * 120) }, (_, index) => ({
        time: random() < 0.3 ? null : Math.floor(random() * 6),
        id: `claim-${Math.floor(random() * 1e6)}-${index}`,
      }));
      const limit = Math.floor(random() * 70);
      expect(firstInOrder(items, limit, newestFirst)).toEqual([...items].sort(newestFirst).slice(0, limit));
    }
  });

  it("keeps nothing for a limit of zero and everything when the limit exceeds the items", () => {
    const items: Item[] = [
      { time: 1, id: "b" },
      { time: null, id: "a" },
      { time: 3, id: "c" },
    ];
    expect(firstInOrder(items, 0, newestFirst)).toEqual([]);
    expect(firstInOrder(items, 10, newestFirst).map((item) => item.id)).toEqual(["c", "b", "a"]);
  });
});
