import { describe, expect, it } from "vitest";
import { cleanText, parseDate, toOriginalSpan } from "./clean";

function originalOf(original: string, needle: string): string {
  const c = cleanText(original);
  const at = c.text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const [s, e] = toOriginalSpan(c, at, at + needle.length);
  return original.slice(s, e);
}

describe("cleanText", () => {
  it("strips tags and decodes entities while offsets still point into the original", () => {
    const original = "<p>Profits &amp; losses rose&nbsp;5%.</p><p>&#8220;Fine,&#8221; she said.</p>";
    const c = cleanText(original);
    expect(c.text).toBe("Profits & losses rose 5%.\n“Fine,” she said.");
    expect(originalOf(original, "Profits & losses")).toBe("Profits &amp; losses");
    expect(originalOf(original, "“Fine,”")).toBe("&#8220;Fine,&#8221;");
  });

  it("drops a tag fragment glued to a quote mark", () => {
    const c = cleanText("First line.\n<p“The difficulty lies here,” the source explained.");
    expect(c.text).toBe("First line.\n“The difficulty lies here,” the source explained.");
  });

  it("removes captions, credits, link labels and newsletter prompts", () => {
    const c = cleanText(
      [
        "Photo: Al Jazeera",
        "The minister spoke on Monday.",
        "A protester holds a flag outside parliament. (AP Photo/Jane Roe)",
        "Read more: What the vote means",
        "Sign up for our morning newsletter",
        "She left before noon.",
      ].join("\n"),
    );
    expect(c.text).toBe("The minister spoke on Monday.\nShe left before noon.");
  });

  it("reads a date header and a dateline as metadata, not text", () => {
    const c = cleanText(" date 2026-01-03 PALM BEACH, Florida — The talks began on Dec. 28, 2025.");
    expect(c.text).toBe("The talks began on Dec. 28, 2025.");
    expect(c.meta.published).toBe("2026-01-03");
    expect(c.meta.dateline).toBe("PALM BEACH, Florida");
  });

  it("reads a dateline whose place has letters beyond A to Z", () => {
    for (const [line, place] of [
      ["PORTO VALDÉS — Mira Holt keeps her keys on a string.", "PORTO VALDÉS"],
      ["ŁÓDŹ, Poland — Mira Holt keeps her keys on a string.", "ŁÓDŹ, Poland"],
      ["Ærøskøbing, Denmark, March 4 (ANI): Mira Holt keeps her keys on a string.", "Ærøskøbing, Denmark"],
    ]) {
      const c = cleanText(line as string);
      expect([c.text, c.meta.dateline]).toEqual(["Mira Holt keeps her keys on a string.", place]);
    }
  });

  it("does not take a published date from the prose", () => {
    expect(cleanText("The meeting on March 4, 2026 ended early.\nIt resumed later.").meta.published).toBeNull();
  });

  it("takes the outlet from a present-tense bio, not from a previous employer", () => {
    const c = cleanText(
      [
        "The talks ended.",
        "Julia Roe covers politics for Daily Ledger and is based in Washington, D.C.",
        "Sam Poe is a reporter for Daily Ledger. She previously was a reporter for The Guardian.",
      ].join("\n"),
    );
    expect(c.meta.outlet).toBe("Daily Ledger");
    expect(c.meta.byline).toBe("Julia Roe, Sam Poe");
    expect(c.text).toBe("The talks ended.");
  });

  it("never invents an outlet: a photo credit names the photo's source only", () => {
    expect(cleanText("Photo: Al Jazeera\nThe talks ended.\nBoth sides left.").meta.outlet).toBeNull();
  });

  it("takes the outlet from a wire credit in the dateline", () => {
    const c = cleanText("KYIV, Ukraine (Reuters) - Officials met on Monday.\nThey agreed.");
    expect(c.meta.outlet).toBe("Reuters");
    expect(c.text.startsWith("Officials met")).toBe(true);
  });

  it("treats only a headline-like first line as the title", () => {
    expect(cleanText("Port strike halts traffic\nBy Ana Ruiz and Tom Li\nDockworkers walked out.\nTalks failed.").meta).toMatchObject({
      title: "Port strike halts traffic",
      byline: "Ana Ruiz, Tom Li",
    });
    expect(cleanText("Dockworkers walked out on Tuesday.\nTalks failed.").meta.title).toBeNull();
  });

  it("takes the outlet from a copyright line", () => {
    expect(cleanText("The vote was close.\nIt passed.\n© 2026 Daily Ledger. All rights reserved.").meta.outlet).toBe("Daily Ledger");
  });

  it("drops trailing wire credits", () => {
    const c = cleanText("The vote was close.\nReporting by Ana Ruiz; Editing by Tom Li");
    expect(c.text).toBe("The vote was close.");
    expect(c.meta.byline).toBe("Ana Ruiz");
  });
});

describe("cleanText metadata as newsrooms print it", () => {
  it("reads a wire credit in a dateline, with or without a place", () => {
    expect(cleanText("SANDHAVEN, Valdoria (AP) — Dockers walked out on Tuesday.\nThe port shut.").meta).toMatchObject({
      outlet: "Associated Press",
      dateline: "SANDHAVEN, Valdoria",
    });
    const bare = cleanText("(CNN) — Dockers walked out on Tuesday.\nThe port shut.");
    expect(bare.meta.outlet).toBe("CNN");
    expect(bare.text.startsWith("Dockers walked out")).toBe(true);
  });

  it("reads a place, date and agency dateline, and the year when it gives one", () => {
    const c = cleanText("Sandhaven [Valdoria], March 4, 2026 (ANI): Dockers walked out on Tuesday.\nThe port shut.");
    expect(c.meta).toMatchObject({ outlet: "ANI", dateline: "Sandhaven [Valdoria]", published: "2026-03-04" });
    expect(c.text.startsWith("Dockers walked out")).toBe(true);
    expect(cleanText("Sandhaven [Valdoria], March 4 (ANI): Dockers walked out.\nThe port shut.").meta.published).toBeNull();
  });

  it("takes the outlet named after a byline's people", () => {
    expect(cleanText("By Ana Ruiz, Tom Li, CNN\nDockers walked out.\nThe port shut.").meta).toMatchObject({ outlet: "CNN", byline: "Ana Ruiz, Tom Li" });
    expect(cleanText("By Ana Ruiz | Reuters\nDockers walked out.\nThe port shut.").meta).toMatchObject({ outlet: "Reuters", byline: "Ana Ruiz" });
    expect(cleanText("By Ana Ruiz for the Harbour Courier\nDockers walked out.\nThe port shut.").meta.outlet).toBe("Harbour Courier");
    expect(cleanText("By Ana Ruiz and Tom Li\nDockers walked out.\nThe port shut.").meta.outlet).toBeNull();
    expect(cleanText("Written by Ana Ruiz, Senior Correspondent\nDockers walked out.\nThe port shut.").meta).toMatchObject({
      byline: "Ana Ruiz",
      outlet: null,
    });
  });

  it("takes an outlet's name alone on a line, at the top or the end", () => {
    const top = cleanText("Sky News\nPort strike halts traffic\nDockers walked out.\nThe port shut.");
    expect(top.meta).toMatchObject({ outlet: "Sky News", title: "Port strike halts traffic" });
    expect(top.text.includes("Sky News")).toBe(false);
    expect(cleanText("Dockers walked out.\nThe port shut.\nSource: Reuters").meta.outlet).toBe("Reuters");
    expect(cleanText("Dockers walked out.\nThe port shut.\n— AFP").meta.outlet).toBe("AFP");
    expect(cleanText("Harbour News\nDockers walked out.\nThe port shut.").meta.outlet).toBeNull();
  });

  it("reads a published date from a date line in any common notation", () => {
    expect(cleanText("Port strike halts traffic\nPublished 29 December 2025\nDockers walked out.\nThe port shut.").meta.published).toBe("2025-12-29");
    expect(cleanText("Port strike halts traffic\nDec. 29, 2025\nDockers walked out.\nThe port shut.").meta.published).toBe("2025-12-29");
    expect(cleanText("Mon 29 Dec 2025 14.02 GMT\nDockers walked out.\nThe port shut.").meta.published).toBe("2025-12-29");
    expect(cleanText("December 29, 2025 at 10:32 AM EST\nDockers walked out.\nThe port shut.").meta.published).toBe("2025-12-29");
    const updated = cleanText("Last modified on 30 December 2025\nPublished 29 December 2025\nDockers walked out.\nThe port shut.");
    expect(updated.meta.published).toBe("2025-12-29");
    expect(updated.text.startsWith("Dockers")).toBe(true);
    expect(cleanText("Dockers walked out on Dec. 29, 2025, after the vote.\nThe port shut.").meta.published).toBeNull();
  });

  it("splits a site's name off a page title", () => {
    expect(cleanText("Port strike ends after nine days | Harbour Courier\nDockers walked out.\nThe port shut.").meta).toMatchObject({
      title: "Port strike ends after nine days",
      outlet: "Harbour Courier",
    });
    expect(cleanText("Port strike ends after nine days - BBC News\nDockers walked out.\nThe port shut.").meta).toMatchObject({
      title: "Port strike ends after nine days",
      outlet: "BBC News",
    });
    expect(cleanText("Dockers vote - and the port reopens\nDockers walked out.\nThe port shut.").meta).toMatchObject({
      title: "Dockers vote - and the port reopens",
      outlet: null,
    });
  });

  it("does not take a newsletter prompt for the title", () => {
    const c = cleanText("Unlock the Harbour Brief newsletter for free\nDockers walked out.\nThe port shut.\nTalks resume Monday.");
    expect(c.meta.title).toBeNull();
    expect(c.text.startsWith("Dockers")).toBe(true);
  });
});

describe("parseDate", () => {
  it("reads ISO and written dates", () => {
    expect(parseDate("2026-01-03")).toBe("2026-01-03");
    expect(parseDate("March 4, 2026")).toBe("2026-03-04");
    expect(parseDate("4 March 2026")).toBe("2026-03-04");
    expect(parseDate("soon")).toBeNull();
  });
});
