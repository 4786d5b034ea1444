import { describe, expect, it } from "vitest";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PIPELINE_SOURCES, PIPELINE_VERSION } from "./version";

/** The pipeline's own files: everything in `lib/nlp` but its tests, its training data and the version record. */
function pipelineFiles(dir: string, base = dir): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "training" ? [] : pipelineFiles(full, base);
      if (/\.test\.ts$/u.test(entry.name) || entry.name === "version.ts") return [];
      return /\.(?:ts|json)$/u.test(entry.name) ? [path.relative(base, full).split(path.sep).join("/")] : [];
    })
    .sort();
}

/** A SHA-256 of the pipeline's files (paths and contents, line endings made LF), in `dir` (default `lib/nlp`). */
function pipelineSourcesFingerprint(dir = path.join(process.cwd(), "lib", "nlp")): string {
  const hash = crypto.createHash("sha256");
  for (const file of pipelineFiles(dir)) {
    hash.update(`${file}\n`);
    hash.update(fs.readFileSync(path.join(dir, file), "utf8").replace(/\r\n/gu, "\n"));
    hash.update("\n");
  }
  return hash.digest("hex").slice(0, 16);
}

describe("the pipeline's version", () => {
  it("was recorded for the pipeline's files as they are", () => {
    const fingerprint = pipelineSourcesFingerprint();
    // A failure here means lib/nlp changed: bump PIPELINE_VERSION in lib/nlp/version.ts if what the pipeline
    // derives changed (stored articles are then derived again), and set PIPELINE_SOURCES to the fingerprint below.
    expect(`${PIPELINE_SOURCES} (version ${PIPELINE_VERSION})`).toBe(`${fingerprint} (version ${PIPELINE_VERSION})`);
  });

  it("fingerprints the pipeline's files, not its tests, training data or version record", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pipeline-"));
    try {
      fs.mkdirSync(path.join(dir, "lexicon"));
      fs.mkdirSync(path.join(dir, "training"));
      fs.writeFileSync(path.join(dir, "a.ts"), "export const a = 1;\n");
      fs.writeFileSync(path.join(dir, "lexicon", "words.ts"), "export const words = [];\n");
      const before = pipelineSourcesFingerprint(dir);
      fs.writeFileSync(path.join(dir, "a.test.ts"), "test");
      fs.writeFileSync(path.join(dir, "training", "t01.txt"), "text");
      fs.writeFileSync(path.join(dir, "version.ts"), "export const PIPELINE_VERSION = 3;\n");
      fs.writeFileSync(path.join(dir, "notes.md"), "notes");
      expect(pipelineSourcesFingerprint(dir)).toBe(before);
      fs.writeFileSync(path.join(dir, "a.ts"), "export const a = 1;\r\n");
      expect(pipelineSourcesFingerprint(dir)).toBe(before);
      fs.writeFileSync(path.join(dir, "lexicon", "words.ts"), "export const words = ['x'];\n");
      expect(pipelineSourcesFingerprint(dir)).not.toBe(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
