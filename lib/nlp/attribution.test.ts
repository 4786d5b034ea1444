import { describe, expect, it } from "vitest";
import { attributeQuotes, resolveMentions, type AttributionInput } from "./attribution";
import { findMentions } from "./mentions";
import { findQuotes } from "./quotes";
import { findSpeechVerbs } from "./reported";
import { splitSentences } from "./sentences";
import { SpeakerBook, SpeakerRegistry } from "./speakers";

type Row = { quote: string; speaker: string | null; partial: boolean; claim: boolean; confidence: number; method: string };

function attribute(text: string, registry = new SpeakerRegistry()): Row[] {
  const { paragraphs, sentences, tokens } = splitSentences(text);
  const quotes = findQuotes(text, paragraphs);
  const mentions = findMentions(text, sentences, tokens, quotes);
  const verbs = findSpeechVerbs(sentences, tokens, quotes);
  const input: AttributionInput = { text, paragraphs, sentences, quotes, mentions, verbs };
  const book = new SpeakerBook(registry.data);
  const resolutions = resolveMentions(input, book);
  return attributeQuotes(input, resolutions, book).quotes.map((a) => ({
    quote: text.slice(a.quote.start, a.quote.end),
    speaker: a.speakerId ? book.name(a.speakerId) : null,
    partial: a.partial,
    claim: a.isClaim,
    confidence: a.confidence,
    method: a.method,
  }));
}

function speakers(text: string): (string | null)[] {
  return attribute(text).map((r) => r.speaker);
}

describe("stage 1: quote to mention", () => {
  it("reads a tag after the quote, in either order", () => {
    expect(speakers("President Donald Trump spoke. “We are close,” Trump said. “Very close,” said Trump.")).toEqual(["Donald Trump", "Donald Trump"]);
  });

  it("reads a colon tag before the quote and a tag in the middle of one", () => {
    const rows = attribute("Prime Minister Anna Berg spoke first.\nBerg said: “We can win.” “We can,” she said, “move fast.”");
    expect(rows.map((r) => [r.quote, r.speaker, r.partial])).toEqual([
      ["“We can win.”", "Anna Berg", false],
      ["“We can,”", "Anna Berg", false],
      ["“move fast.”", "Anna Berg", false],
    ]);
  });

  it("attributes a fragment woven into a sentence as a partial quote", () => {
    const rows = attribute("Putin aide Yury Ushakov described the call as “friendly, good-natured and business-like.”");
    expect(rows[0]).toMatchObject({ speaker: "Yury Ushakov", partial: true, claim: true });
  });

  it("reads 'according to', 'told reporters' and 'quoted X as saying'", () => {
    expect(speakers("According to Foreign Minister Ana Lima, “the border stays open.”")).toEqual(["Ana Lima"]);
    expect(speakers("“We will wait,” Energy Minister Nurlan Abenov told reporters.")).toEqual(["Nurlan Abenov"]);
    expect(speakers("The agency quoted Deputy Minister Sergei Orlov as saying: “There will be no pause.”")).toEqual(["Sergei Orlov"]);
  });

  it("reads institutions, documents and anonymous sources", () => {
    expect(speakers("The Kremlin said the talks were “useful”.")).toEqual(["Kremlin"]);
    expect(speakers("According to Ukraine’s constitution, borders must be “resolved by referendum.”")).toEqual(["Constitution of Ukraine"]);
    expect(speakers("“Nothing is agreed,” a source familiar with the talks said.")).toEqual(["unnamed source"]);
    expect(speakers("A senior official said the plan was “dead”.")).toEqual(["unnamed source"]);
    expect(speakers("The Port Authority met on Monday. “The offer is final,” the authority said in a statement.")).toEqual(["Port Authority"]);
  });
});

describe("stage 2: mention to speaker", () => {
  it("resolves a pronoun across a paragraph break and past someone of the other gender", () => {
    const text = [
      "Mayor Denise Okafor said her administration had no choice.",
      "Council President Alan Briggs said he saw no alternative.",
      "“We can fix the pipes,” she said.",
    ].join("\n");
    expect(speakers(text)).toEqual(["Denise Okafor"]);
  });

  it("resolves role descriptions through appositions learned from the text", () => {
    const text = [
      "Ukrainian President Volodymyr Zelensky met Putin aide Yury Ushakov.",
      "“We are ready,” the Ukrainian president said.",
      "“Decide now,” Putin's aide said.",
    ].join("\n");
    expect(speakers(text)).toEqual(["Volodymyr Zelensky", "Yury Ushakov"]);
  });

  it("lets a quote paragraph with no tag continue the previous speaker, with lower confidence", () => {
    const rows = attribute(
      "Transport Minister Elin Sandvik urged both sides to talk.\n“Nobody wins a long strike.\n“I have asked the mediators to help,” she said.",
    );
    expect(rows.map((r) => r.speaker)).toEqual(["Elin Sandvik", "Elin Sandvik"]);
    expect(rows[0]?.method).toMatch(/^continuation/u);
  });

  it("keeps an unattributable quote as a claim with no speaker and a low confidence", () => {
    const [row] = attribute("“This cannot go on, and everyone in the building knows it.”");
    expect(row).toMatchObject({ speaker: null, claim: true });
    expect(row?.confidence).toBeLessThan(0.5);
  });
});

describe("scare quotes", () => {
  it("are not claims when nobody is said to have said them", () => {
    expect(attribute("The “rainy day” reserve was created in 2009.")[0]?.claim).toBe(false);
    expect(attribute("Critics dismissed the so-called “peace dividend” as fantasy.")[0]?.claim).toBe(false);
  });
});
