import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const run = promisify(execFile);
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

describe("npm run extract", () => {
  it("prints the contract JSON for the given files, from any working directory", async () => {
    const file = path.join(ROOT, "seeds", "003_458abc6eb55bcf0c.txt");
    const { stdout } = await run(TSX, [path.join(ROOT, "scripts", "extract.ts"), file], { cwd: "/" });
    const out = JSON.parse(stdout) as { articles: Record<string, unknown>[] };
    const [article] = out.articles;
    expect(article).toMatchObject({ file, outlet: null, title: null, published: "2026-01-03" });
    const claims = article?.claims as Record<string, unknown>[];
    expect(claims.length).toBeGreaterThan(0);
    for (const key of ["kind", "text", "quote", "partial", "speaker", "start", "end", "issues", "figures", "confidence"]) {
      expect(claims[0]).toHaveProperty(key);
    }
  }, 30_000);

  it("fails with a message on stderr for a missing file", async () => {
    await expect(run(TSX, [path.join(ROOT, "scripts", "extract.ts"), "/nonexistent/file.txt"])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("no such file"),
    });
  }, 30_000);
});
