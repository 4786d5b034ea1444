import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./log";

function collect() {
  const lines: string[] = [];
  let pending = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending += chunk.toString("utf8");
      const parts = pending.split("\n");
      pending = parts.pop()!;
      lines.push(...parts);
      done();
    },
  });
  return { lines, stream };
}

function failDeepInside(): never {
  throw new Error("the analysis process failed", { cause: new Error("connection refused") });
}

describe("logger", () => {
  it("writes one JSON line per event, keeping the error's stack and cause", async () => {
    const { lines, stream } = collect();
    const log = createLogger(stream);
    let caught: unknown;
    try {
      failDeepInside();
    } catch (error) {
      caught = error;
    }
    log.error({ err: caught }, "Could not refresh the analysis");
    log.warn("A second event");
    await new Promise((resolve) => setImmediate(resolve));

    expect(lines).toHaveLength(2);
    const event = JSON.parse(lines[0]!);
    expect(event.level).toBe(50);
    expect(event.msg).toBe("Could not refresh the analysis");
    expect(event.err.type).toBe("Error");
    expect(event.err.message).toMatch(/the analysis process failed/);
    expect(event.err.stack).toMatch(/^Error: the analysis process failed\n\s+at failDeepInside/);
    expect(event.err.stack).toContain("log.test.ts");
    expect(event.err.message).toMatch(/connection refused/);
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 40, msg: "A second event" });
  });

  it("leaves out events below LOG_LEVEL", async () => {
    const saved = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = "error";
    try {
      const { lines, stream } = collect();
      const log = createLogger(stream);
      log.warn("not written");
      log.error("written");
      await new Promise((resolve) => setImmediate(resolve));
      expect(lines.map((line) => JSON.parse(line).msg)).toEqual(["written"]);
    } finally {
      if (saved === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = saved;
    }
  });
});
