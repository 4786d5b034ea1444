import { describe, expect, it } from "vitest";
import { coversNewerData } from "@/lib/analysis/freshness";

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 5, 12, 0, seconds)).toISOString();

describe("coversNewerData", () => {
  it("is true only while work is queued or running for a change made after the shown analysis read its data", () => {
    const shown = { coveredAt: at(10) };
    expect(coversNewerData(shown, { state: "queued", pendingAt: at(11) })).toBe(true);
    expect(coversNewerData(shown, { state: "running", pendingAt: at(11) })).toBe(true);
    expect(coversNewerData(shown, { state: "running", pendingAt: at(10) })).toBe(false);
    expect(coversNewerData(shown, { state: "queued", pendingAt: at(9) })).toBe(false);
    expect(coversNewerData(shown, { state: "idle", pendingAt: null })).toBe(false);
  });

  it("before any analysis, any pending work is newer", () => {
    expect(coversNewerData({ coveredAt: null }, { state: "queued", pendingAt: at(1) })).toBe(true);
    expect(coversNewerData({ coveredAt: null }, { state: "idle", pendingAt: null })).toBe(false);
  });
});
