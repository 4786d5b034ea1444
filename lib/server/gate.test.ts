import { describe, expect, it, vi } from "vitest";
import { GateFullError, RequestGate, type Release } from "./gate";

const settled = async <T>(promise: Promise<T>) => {
  let state: "pending" | "resolved" | "rejected" = "pending";
  promise.then(
    () => (state = "resolved"),
    () => (state = "rejected"),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return state;
};

describe("RequestGate", () => {
  it("runs up to the limit at once, queues the rest in arrival order and refuses only beyond the queue", async () => {
    const gate = new RequestGate({ concurrency: 2, queueLimit: 3 });
    const running = [await gate.enter(), await gate.enter()];
    const queued = [gate.enter(), gate.enter(), gate.enter()];
    expect(gate.stats).toEqual({ active: 2, waiting: 3 });
    await expect(gate.enter()).rejects.toEqual(new GateFullError("queue_full"));
    expect(await settled(queued[0]!)).toBe("pending");

    running[0]!();
    expect(await settled(queued[0]!)).toBe("resolved");
    expect(await settled(queued[1]!)).toBe("pending");
    expect(gate.stats).toEqual({ active: 2, waiting: 2 });

    running[0]!(); // releasing twice frees one place only
    expect(gate.stats).toEqual({ active: 2, waiting: 2 });
    running[1]!();
    const releases: Release[] = [await queued[0]!, await queued[1]!];
    for (const release of releases) release();
    (await queued[2]!)();
    expect(gate.stats).toEqual({ active: 0, waiting: 0 });
  });

  it("drops a waiting request whose client went away, and refuses one that waited too long", async () => {
    vi.useFakeTimers();
    try {
      const gate = new RequestGate({ concurrency: 1, queueLimit: 5, maxWaitMs: 1000 });
      const release = await gate.enter();
      const controller = new AbortController();
      const gone = gate.enter(controller.signal);
      const late = gate.enter();
      controller.abort();
      await expect(gone).rejects.toThrow(/went away/);
      expect(gate.stats.waiting).toBe(1);
      vi.advanceTimersByTime(1001);
      await expect(late).rejects.toEqual(new GateFullError("waited_too_long"));
      expect(gate.stats).toEqual({ active: 1, waiting: 0 });
      release();
      expect(gate.stats).toEqual({ active: 0, waiting: 0 });
    } finally {
      vi.useRealTimers();
    }
  });
});
