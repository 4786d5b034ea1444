import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { onRequestError } from "@/instrumentation";

const saved = { runtime: process.env.NEXT_RUNTIME, logFile: process.env.LOG_FILE };
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  for (const [name, value] of [
    ["NEXT_RUNTIME", saved.runtime],
    ["LOG_FILE", saved.logFile],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** Reports a render error the way Next.js does, with the log written to a file of its own; returns its lines. */
async function report(runtime: string | undefined): Promise<Record<string, unknown>[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "briefing-log-"));
  dirs.push(dir);
  const file = path.join(dir, "server.log");
  process.env.LOG_FILE = file;
  if (runtime === undefined) delete process.env.NEXT_RUNTIME;
  else process.env.NEXT_RUNTIME = runtime;
  const error = Object.assign(new Error("the cache went away"), { digest: "123456" });
  await onRequestError(
    error,
    { path: "/s/secret-token/claims", method: "GET", headers: {} },
    { routerKind: "App Router", routePath: "/s/[token]", routeType: "render", revalidateReason: undefined },
  );
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  return text
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("onRequestError", () => {
  it("logs a request's error on the Node.js runtime, with its digest and the share token left out", async () => {
    const [line, ...rest] = await report("nodejs");
    expect(rest).toEqual([]);
    expect(line).toMatchObject({ msg: "Unexpected error serving a request", digest: "123456", path: "/s/[token]/claims", route: "/s/[token]" });
    expect((line!.err as { message: string }).message).toBe("the cache went away");
  });

  it("logs nothing in the Edge build, which the app does not serve from", async () => {
    expect(await report("edge")).toEqual([]);
  });
});
