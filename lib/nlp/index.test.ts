import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractArticle, extractArticles, loadIssueLexicons, SpeakerRegistry } from "./index";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const issues = loadIssueLexicons(JSON.parse(readFileSync(path.join(ROOT, "seeds", "issues.json"), "utf8")));

function corpus(): string[] {
  const dirs = [path.join(ROOT, "seeds"), path.join(ROOT, "tests", "gold", "unseen")];
  return dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => readFileSync(path.join(d, f), "utf8")),
  );
}

describe("extractArticle", () => {
  it("gives every claim and sentence offsets into the original text", () => {
    const junk = "<div><p>By Ana Ruiz</p><p>KYIV &mdash; &ldquo;We are ready,&rdquo; said Foreign Minister Ana Lima.</p>\r\n<p>Photo: AFP</p></div>";
    for (const text of [...corpus(), junk]) {
      const out = extractArticle(text, { issues });
      for (const c of out.claims) {
        expect(text.slice(c.start, c.end)).toBe(c.text);
        for (const f of c.figures) expect(text.slice(f.start, f.end)).toBe(f.raw);
      }
      for (const s of out.sentences) expect(s.end).toBeGreaterThan(s.start);
    }
  });

  it("spans a quote claim over the quoted words with their marks", () => {
    const text = "Prime Minister Ana Lima spoke. “We are ready,” Lima said.";
    const quote = extractArticle(text, { issues }).claims.find((c) => c.kind === "quote");
    expect(quote).toMatchObject({ text: "“We are ready,”", quote: "We are ready,", speaker: "Ana Lima", partial: false });
  });

  it("keeps narration that bears on an issue or carries a figure, with no speaker", () => {
    const out = extractArticle("The ceasefire held overnight. The sky was grey. Prices rose 4% in May.", { issues });
    expect(out.claims.map((c) => [c.kind, c.speaker, c.text])).toEqual([
      ["narration", null, "The ceasefire held overnight."],
      ["narration", null, "Prices rose 4% in May."],
    ]);
  });

  it("does not change the registry it is given, and returns the extended one", () => {
    const registry = new SpeakerRegistry();
    const out = extractArticle("Foreign Minister Ana Lima said talks would resume.", { issues, speakers: registry });
    expect(registry.list()).toEqual([]);
    expect(out.speakers.list().map((s) => s.name)).toContain("Ana Lima");
    expect(out.speakersLearned.map((s) => s.name)).toContain("Ana Lima");
  });
});

describe("extractArticles", () => {
  it("names one person alike across articles with different spellings", () => {
    const { articles } = extractArticles(
      [
        "Ukrainian President Volodymyr Zelenskyy arrived. “We are ready,” Zelenskyy said.",
        "Volodymyr Zelensky spoke later. “We are close,” Zelensky said.",
        "“It is done,” Zelenskiy said, according to Zelenskyy’s office.",
      ],
      { issues },
    );
    const names = articles.flatMap((a) => a.claims.filter((c) => c.kind === "quote").map((c) => c.speaker));
    expect(new Set(names)).toEqual(new Set(["Volodymyr Zelenskyy"]));
  });
});
