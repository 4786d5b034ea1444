import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apiRoute } from "@/lib/api/respond";

// The guard module only stops client bundles from importing server code; this test is server code.
vi.mock("server-only", () => ({}));

function readBriefSlug(brief: { issue?: { slug: string } }): string {
  return brief.issue!.slug;
}

describe("the API's unexpected errors", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "briefing-log-"));
  const file = path.join(dir, "server.log");
  const saved = process.env.LOG_FILE;
  beforeAll(() => {
    process.env.LOG_FILE = file;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.LOG_FILE;
    else process.env.LOG_FILE = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("are answered 500 without their details and logged as one JSON line with the stack", async () => {
    const handler = apiRoute(async (_request: Request) => Response.json({ slug: readBriefSlug({}) }));
    const response = await handler(new Request("http://localhost/api/briefs/donbas"));

    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("internal");
    expect(JSON.stringify(body)).not.toMatch(/slug|readBriefSlug|undefined/);

    const lines = fs.readFileSync(file, "utf8").trim().split("\n");
    expect(lines).toHaveLength(1);
    const event = JSON.parse(lines[0]!);
    expect(event).toMatchObject({ level: 50, msg: "Unexpected error answering an API request" });
    expect(event.err.type).toBe("TypeError");
    expect(event.err.stack).toMatch(/^TypeError: .*slug/);
    expect(event.err.stack).toMatch(/at readBriefSlug .*error-logging\.test\.ts/);
  });

  it("expected errors are answered with their status and not logged", async () => {
    const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    const response = await apiRoute(async (_request: Request) => Response.json({}))(new Request("http://localhost/api/x%00"));
    expect(response.status).toBe(400);
    expect(fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "").toBe(before);
  });
});
