import { describe, expect, it } from "vitest";
import { findQuotes } from "./quotes";
import { splitSentences } from "./sentences";

function quotes(text: string): { text: string; closed: boolean; continues: boolean }[] {
  return findQuotes(text, splitSentences(text).paragraphs).map((q) => ({
    text: text.slice(q.start, q.end),
    closed: q.closed,
    continues: q.continues,
  }));
}

describe("findQuotes", () => {
  it("finds straight, curly and mismatched pairs", () => {
    expect(quotes(`"Yes," she said. “No,” he said. ”Maybe," they said.`).map((q) => q.text)).toEqual([`"Yes,"`, "“No,”", `”Maybe,"`]);
  });

  it("finds guillemets in either direction", () => {
    expect(quotes("«Nous sommes prêts», dit-il. »Wir sind bereit«, sagte er.").map((q) => q.text)).toEqual(["«Nous sommes prêts»", "»Wir sind bereit«"]);
  });

  it("keeps quotes within quotes inside the outer quotation", () => {
    expect(quotes(`“They told us, ‘No,’ and left,” she said. “He said "never" twice,” she added.`).map((q) => q.text)).toEqual([
      "“They told us, ‘No,’ and left,”",
      `“He said "never" twice,”`,
    ]);
  });

  it("follows a quotation over paragraphs: each reopens, only the last closes", () => {
    expect(quotes("“Nobody wins a long strike.\n“We must talk,” she said.")).toEqual([
      { text: "“Nobody wins a long strike.", closed: false, continues: false },
      { text: "“We must talk,”", closed: true, continues: true },
    ]);
  });

  it("finds a fragment woven into a sentence", () => {
    expect(quotes("He described the call as “friendly” and left.").map((q) => q.text)).toEqual(["“friendly”"]);
  });
});
