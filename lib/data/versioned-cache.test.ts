import { describe, expect, it } from "vitest";
import { VersionedCache } from "./versioned-cache";

describe("VersionedCache", () => {
  it("reuses a value while the version holds and reloads after it changes", async () => {
    const cache = new VersionedCache<number>(4);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get("a", "v1", load)).toBe(1);
    expect(await cache.get("a", "v1", load)).toBe(1);
    expect(await cache.get("a", "v2", load)).toBe(2);
    expect(loads).toBe(2);
  });

  it("loads once for requests that arrive together", async () => {
    const cache = new VersionedCache<string>(4);
    let loads = 0;
    const load = () => new Promise<string>((resolve) => setTimeout(() => resolve(`load ${++loads}`), 5));
    const values = await Promise.all([cache.get("a", "v", load), cache.get("a", "v", load), cache.get("a", "v", load)]);
    expect(values).toEqual(["load 1", "load 1", "load 1"]);
  });

  it("forgets a failed load so the next request tries again", async () => {
    const cache = new VersionedCache<number>(4);
    await expect(cache.get("a", "v", () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(await cache.get("a", "v", async () => 7)).toBe(7);
  });

  it("drops the least recently used entry beyond its capacity", async () => {
    const cache = new VersionedCache<string>(2);
    await cache.get("a", "v", async () => "a1");
    await cache.get("b", "v", async () => "b1");
    await cache.get("a", "v", async () => "a2");
    await cache.get("c", "v", async () => "c1");
    expect(cache.size).toBe(2);
    expect(await cache.get("a", "v", async () => "a3")).toBe("a1");
    expect(await cache.get("b", "v", async () => "b2")).toBe("b2");
  });
});
