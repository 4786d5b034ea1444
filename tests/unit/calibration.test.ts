import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SpeakerRegistry, extractArticle, withCanonicalSpeakers, type ArticleExtraction } from "@/lib/nlp";

type GoldQuote = { start: number; end: number; speaker: string | null };
type GoldSet = { articles: { file: string; quotes: GoldQuote[] }[] };

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SETS = [
  { gold: "seeds.gold.json", dir: path.join(ROOT, "seeds") },
  { gold: "unseen.gold.json", dir: path.join(ROOT, "tests", "gold", "unseen") },
];

/** Every gold quote the pipeline finds, with the confidence it gave and whether its speaker is right. */
function foundQuotes(): { confidence: number; right: boolean }[] {
  const rows: { confidence: number; right: boolean }[] = [];
  for (const set of SETS) {
    const gold = JSON.parse(readFileSync(path.join(ROOT, "tests", "gold", set.gold), "utf8")) as GoldSet;
    let registry = new SpeakerRegistry();
    const raw = gold.articles.map((a) => {
      const result = extractArticle(readFileSync(path.join(set.dir, a.file), "utf8"), { issues: [], speakers: registry });
      registry = result.speakers;
      return result;
    });
    const articles: ArticleExtraction[] = raw.map((r) => withCanonicalSpeakers(r, registry));
    gold.articles.forEach((g, i) => {
      const quotes = (articles[i] as ArticleExtraction).claims.filter((c) => c.kind === "quote");
      for (const q of g.quotes) {
        const c = quotes.find((x) => Math.min(x.end, q.end) - Math.max(x.start, q.start) >= 0.9 * Math.max(x.end - x.start, q.end - q.start));
        if (c) rows.push({ confidence: c.confidence, right: c.speaker === q.speaker });
      }
    });
  }
  return rows;
}

describe("confidence is calibrated on the project's own gold", () => {
  const rows = foundQuotes();
  const bands = [0, 0.5, 0.7, 0.9, 1.01].slice(0, -1).map((lo, k, all) => {
    const hi = all[k + 1] ?? 1.01;
    const inBand = rows.filter((r) => r.confidence >= lo && r.confidence < hi);
    return { lo, count: inBand.length, accuracy: inBand.length ? inBand.filter((r) => r.right).length / inBand.length : null };
  });

  it("gives a confidence of 0.9 or more only to speakers right at least 90% of the time", () => {
    const high = rows.filter((r) => r.confidence >= 0.9);
    console.log(`[calibration] ${bands.map((b) => `≥${b.lo}: ${b.accuracy?.toFixed(3) ?? "—"} (${b.count})`).join(" | ")}`);
    expect(high.length).toBeGreaterThan(10);
    expect(high.filter((r) => r.right).length / high.length).toBeGreaterThanOrEqual(0.9);
  });

  it("is no more sure of its low-confidence speakers than of its high-confidence ones", () => {
    const low = rows.filter((r) => r.confidence < 0.7);
    const high = rows.filter((r) => r.confidence >= 0.9);
    const rate = (list: typeof rows) => list.filter((r) => r.right).length / Math.max(1, list.length);
    expect(rate(low)).toBeLessThanOrEqual(rate(high));
  });
});
