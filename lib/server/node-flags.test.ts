import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { jobNodeFlags, SERVER_ENV_PREFIX, SERVER_NODE_FLAGS } from "./node-flags";

describe("the server's Node flags", () => {
  it("are the ones `npm start` runs the app with", () => {
    const { scripts } = JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(scripts.start).toBe(`${SERVER_ENV_PREFIX} node ${SERVER_NODE_FLAGS.join(" ")} --import tsx scripts/start.ts`);
  });
});

describe("a job's Node flags", () => {
  const GB = 1024 ** 3;
  it("give the job half the machine's memory, and never less than V8's default", () => {
    expect(jobNodeFlags(24 * GB)).toEqual(["--max-old-space-size=12288"]);
    expect(jobNodeFlags(4 * GB)).toEqual(["--max-old-space-size=4096"]);
  });
});
