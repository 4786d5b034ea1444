import { describe, expect, it } from "vitest";
import { serialRuns } from "./serial-runs";

describe("serialRuns", () => {
  it("never overlaps runs, and calls made while one waits share it", async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const request = serialRuns(async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return ++runs;
    });
    const first = request();
    await new Promise((resolve) => setTimeout(resolve, 1)); // the first run has started
    const second = request();
    const third = request();
    expect(third).toBe(second);
    expect(await Promise.all([first, second, third])).toEqual([1, 2, 2]);
    expect(most).toBe(1);
  });

  it("runs again after a failed run", async () => {
    let calls = 0;
    const request = serialRuns(async () => {
      calls += 1;
      if (calls === 1) throw new Error("first fails");
      return calls;
    });
    await expect(request()).rejects.toThrow("first fails");
    expect(await request()).toBe(2);
  });
});
