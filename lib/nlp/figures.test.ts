import { describe, expect, it } from "vitest";
import { findFigures } from "./figures";
import { findQuotes } from "./quotes";
import { findSpeechVerbs } from "./reported";
import { splitSentences } from "./sentences";

function figures(text: string): { raw: string; value: number; unit: string; about: string | null }[] {
  const { paragraphs, sentences, tokens } = splitSentences(text);
  const verbs = findSpeechVerbs(sentences, tokens, findQuotes(text, paragraphs));
  return findFigures(text, sentences, tokens, verbs).map(({ raw, value, unit, about }) => ({ raw, value, unit, about }));
}

describe("findFigures", () => {
  it("reads percentages in any spelling, with what they are about", () => {
    expect(figures("Zelensky said the leaders reached 100% agreement on bilateral security guarantees.")).toEqual([
      { raw: "100%", value: 100, unit: "%", about: "bilateral security guarantees" },
    ]);
    expect(figures("Support rose to 95 per cent.")[0]).toMatchObject({ value: 95, unit: "%" });
    expect(figures("He said the peace framework was “90% agreed upon”.")[0]?.about).toBe("the peace framework");
  });

  it("reads durations, adding up compound ones", () => {
    expect(figures("The call lasted for one hour and 15 minutes.")[0]).toMatchObject({ value: 75, unit: "minutes", about: "The call" });
    expect(figures("It proposed a 60-day pause.")[0]).toMatchObject({ value: 60, unit: "days" });
  });

  it("reads money with scales", () => {
    expect(figures("The fund holds $4.5 million. The club lost £3.2m last season.").map((f) => [f.value, f.unit])).toEqual([
      [4_500_000, "USD"],
      [3_200_000, "GBP"],
    ]);
  });

  it("reads counts with their unit", () => {
    expect(figures("The plan includes around 20 points.")[0]).toMatchObject({ value: 20, unit: "points" });
  });

  it("does not take labels, dates, ages or scores for figures", () => {
    expect(figures("The 20-point plan cites Article 5.")).toEqual([]);
    expect(figures("They met on Dec. 28, 2025, and again in February 2022.")).toEqual([]);
    expect(figures("Treadwell, 64, said the council voted 5-2 on March 1.")).toEqual([]);
    expect(figures("Tickets for under-18s stay frozen until 2028.")).toEqual([]);
  });
});
