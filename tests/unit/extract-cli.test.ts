import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

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

describe("npm run extract --issues", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "extract-issues-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const extract = (...args: string[]) => run(TSX, [path.join(ROOT, "scripts", "extract.ts"), ...args], { cwd: "/" });

  it("tags another story's sentences with that story's issues", async () => {
    const issues = write(
      "reservoir-issues.json",
      JSON.stringify({
        issues: [
          { slug: "water-rationing", title: "Water rationing", phrases: ["water rationing", "hosepipe ban"] },
          { slug: "dam-safety", title: "Safety of the dam", phrases: ["dam wall", "spillway"] },
        ],
      }),
    );
    const text = [
      "Orlan Valley reservoir falls to record low",
      "",
      "The Orlan Valley water board extended the hosepipe ban on Tuesday as the reservoir fell again.",
      "Engineers said cracks in the dam wall were being monitored daily.",
      "The board's chair, Ilse Varga, said: “Nobody enjoys water rationing, but the summer has been dry.”",
      "",
    ].join("\n");
    const article = write("orlan.txt", text);
    const { stdout } = await extract("--issues", issues, article);
    const [out] = (JSON.parse(stdout) as { articles: { sentences: { start: number; end: number; issues: string[] }[] }[] }).articles;
    const tagged = (out?.sentences ?? []).map((s) => [text.slice(s.start, s.end), s.issues] as const).filter(([, i]) => i.length);
    expect(tagged).toEqual(
      expect.arrayContaining([
        [expect.stringContaining("extended the hosepipe ban"), ["water-rationing"]],
        [expect.stringContaining("cracks in the dam wall"), ["dam-safety"]],
        [expect.stringContaining("Nobody enjoys water rationing"), ["water-rationing"]],
      ]),
    );
    expect(tagged.flatMap(([, i]) => i)).not.toContain("donbas");
    // without --issues the seeds' issues apply, and this story's words tag nothing of it
    const seeded = JSON.parse((await extract(article)).stdout) as { articles: { sentences: { issues: string[] }[] }[] };
    expect(seeded.articles[0]?.sentences.flatMap((s) => s.issues)).not.toContain("water-rationing");
  }, 60_000);

  it("refuses an unreadable or invalid issues file, naming it and the problem", async () => {
    const article = write("short.txt", "The board met on Tuesday.\n");
    const missing = path.join(dir, "nope.json");
    await expect(extract("--issues", missing, article)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`${missing}: cannot read the issues file: no such file`),
    });
    const broken = write("broken.json", "{ issues: ");
    await expect(extract("--issues", broken, article)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`${broken}: the issues file is not valid JSON`),
    });
    const wrong = write("wrong.json", JSON.stringify({ issues: [{ slug: "Water Rationing", title: "x", phrases: ["water"] }] }));
    await expect(extract("--issues", wrong, article)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/wrong\.json: not an issues file like seeds\/issues\.json: issues\.0\.slug: slug must be/u),
    });
    await expect(extract(article, "--issues")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("--issues needs a file") });
  }, 60_000);
});
