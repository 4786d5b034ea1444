import { describe, expect, it } from "vitest";
import { carryIssues, compileIssues, loadIssueLexicons, matchIssues, type IssueContext } from "./issues";

const issues = compileIssues([
  { slug: "ceasefire", title: "Ceasefire", description: "", phrases: ["ceasefire", "cease-fire", "truce"], exclusions: ["hamas", "middle east"] },
  { slug: "guarantees", title: "Guarantees", description: "", phrases: ["security guarantee", "withdraw troops"], exclusions: [] },
  { slug: "land", title: "Land", description: "", phrases: ["that land", "territory"], exclusions: [] },
]);

function slugs(text: string): string[] {
  return [...new Set(matchIssues(text, 0, text.length, issues).map((m) => m.slug))];
}

describe("matchIssues", () => {
  it("matches phrases case-insensitively on word boundaries, with plural and inflection tolerance", () => {
    expect(slugs("A CEASEFIRE now.")).toEqual(["ceasefire"]);
    expect(slugs("Security guarantees were agreed.")).toEqual(["guarantees"]);
    expect(slugs("Russia is withdrawing troops.")).toEqual(["guarantees"]);
    expect(slugs("Russia seized territories.")).toEqual(["land"]);
    expect(slugs("The cease fire held.")).toEqual(["ceasefire"]);
    expect(slugs("They try to land a deal in a truckload.")).toEqual([]);
  });

  it("lets an exclusion veto a match in the same clause only", () => {
    expect(slugs("He brokered the ceasefire between Israel and Hamas.")).toEqual([]);
    expect(slugs("The shaky truce in the Middle East holds.")).toEqual([]);
    expect(slugs("Kyiv wants a ceasefire; Hamas was not discussed.")).toEqual(["ceasefire"]);
  });
});

describe("carryIssues", () => {
  const base: IssueContext = { paragraph: 0, heading: false, issues: [], body: "", speaker: null, quoted: false };
  it("carries issues into a quotation that refers back with a pronoun, and into a demonstrative", () => {
    const out = carryIssues([
      { ...base, issues: ["land"], body: "“Some of that land has been taken,” he said.", speaker: "a", quoted: true },
      { ...base, body: "“That’s an issue to iron out.”", speaker: "a", quoted: true },
      { ...base, paragraph: 1, issues: ["ceasefire"], body: "Talks on a truce resumed." },
      { ...base, paragraph: 1, body: "Progress on this front was slow." },
      { ...base, paragraph: 1, body: "It was written by three economists." },
    ]);
    expect(out).toEqual([["land"], ["land"], ["ceasefire"], ["ceasefire"], []]);
  });
});

describe("loadIssueLexicons", () => {
  it("validates the issues file shape", () => {
    expect(loadIssueLexicons({ issues: [{ slug: "a", title: "A", description: "", phrases: ["x"], exclusions: [] }] })).toHaveLength(1);
    expect(() => loadIssueLexicons({ issues: [{ slug: "a", phrases: "x" }] })).toThrow();
  });
});
