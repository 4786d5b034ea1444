import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { claimFingerprint, extractArticle, loadIssueLexicons } from "@/lib/nlp";
import { claimRows } from "@/lib/writes/derived-writes";

const SEEDS = path.join(process.cwd(), "seeds");
const issues = loadIssueLexicons(JSON.parse(fs.readFileSync(path.join(SEEDS, "issues.json"), "utf8")));
const text = fs.readFileSync(
  path.join(
    SEEDS,
    fs
      .readdirSync(SEEDS)
      .filter((file) => file.endsWith(".txt"))
      .sort()[0]!,
  ),
  "utf8",
);

describe("claimRows", () => {
  const { speakers: _registry, ...extraction } = extractArticle(text, { issues });
  const attributed = extraction.claims.filter((claim) => claim.speakerId);

  it("fingerprints each claim over its stored speaker's name, whether or not the pipeline spelled it alike", () => {
    expect(attributed.length).toBeGreaterThan(1);
    const [renamed, ...same] = extraction.speakersLearned;
    // One speaker is stored under another spelling (a name an editor or an earlier article gave it).
    const stored = new Map([
      [renamed!.id, { id: "row-renamed", name: `${renamed!.name} Jr.` }],
      ...same.map((speaker): [string, { id: string; name: string }] => [speaker.id, { id: `row-${speaker.id}`, name: speaker.name }]),
    ]);
    const rows = claimRows(extraction, stored);
    expect(rows.some((row) => row.speakerId === "row-renamed")).toBe(true);
    for (const row of rows) {
      const name = row.claim.speakerId ? stored.get(row.claim.speakerId)!.name : row.claim.speaker;
      expect(row.fingerprint).toBe(claimFingerprint({ speaker: name, text: row.claim.text }));
    }
  });
});
