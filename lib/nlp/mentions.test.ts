import { describe, expect, it } from "vitest";
import { findMentions, type Mention } from "./mentions";
import { findQuotes } from "./quotes";
import { splitSentences } from "./sentences";

function mentions(text: string): Mention[] {
  const { paragraphs, sentences, tokens } = splitSentences(text);
  return findMentions(text, sentences, tokens, findQuotes(text, paragraphs));
}

function names(text: string): [string, string | null, string | null][] {
  return mentions(text)
    .filter((m) => m.type === "name")
    .map((m) => [m.name ?? "", m.kindHint, m.role ? `${m.role.country ?? ""}:${m.role.head}` : null]);
}

describe("findMentions", () => {
  it("separates titles, countries and names", () => {
    expect(names("Ukrainian President Volodymyr Zelensky met UK Prime Minister Sir Keir Starmer.")).toEqual([
      ["Volodymyr Zelensky", "person", "ukraine:president"],
      ["Keir Starmer", "person", "united kingdom:minister"],
    ]);
    expect(names("Secretary of State Marco Rubio spoke.")).toEqual([["Marco Rubio", "person", ":secretary"]]);
  });

  it("reads a role noun set before a name as that person's role", () => {
    const ushakov = mentions("Putin aide Yury Ushakov spoke.").find((m) => m.name === "Yury Ushakov");
    expect(ushakov).toMatchObject({ name: "Yury Ushakov", text: "Putin aide Yury Ushakov" });
    expect(ushakov?.role).toMatchObject({ head: "aide", possessor: "Putin" });
  });

  it("tells organisations and places from people", () => {
    expect(names("The Port Authority and Downing Street replied. Russia and Moscow did not.").map(([n, k]) => [n, k])).toEqual([
      ["Port Authority", "institution"],
      ["Downing Street", "institution"],
      ["Russia", "place"],
      ["Moscow", "place"],
    ]);
  });

  it("reads descriptions, anonymous sources and documents", () => {
    const found = mentions("A senior official and sources familiar with the talks cited Ukraine’s constitution and the Kremlin’s diplomatic adviser.")
      .filter((m) => m.type === "description")
      .map((m) => [m.text, m.kindHint]);
    expect(found).toEqual([
      ["A senior official", "source"],
      ["sources familiar with the talks", "source"],
      ["Ukraine’s constitution", "document"],
      ["the Kremlin’s diplomatic adviser", "person"],
    ]);
  });

  it("links appositions in both orders", () => {
    const a = mentions("Yury Ushakov, the Kremlin’s diplomatic adviser, spoke.");
    expect(a[0]?.apposition).toBe(a.findIndex((m) => m.type === "description"));
    const b = mentions("Tessaly's deputy foreign minister, Irena Vasko, spoke.");
    const vasko = b.find((m) => m.name === "Irena Vasko");
    expect(b[vasko?.apposition ?? -1]?.type).toBe("description");
  });

  it("ignores words inside quotation marks", () => {
    expect(names("“Putin will lose,” she said.")).toEqual([]);
  });
});
