import { describe, expect, it } from "vitest";
import { carryIssues, compileIssues, isOtherEvent, loadIssueLexicons, matchIssues, type IssueContext } from "./issues";

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

  it("finds exactly the matches of the lookbehind expression, whatever precedes a phrase", () => {
    const texts = [
      "xceasefire, ceasefire.",
      "9truce and truce",
      "éterritory 𝐀territory (territory)",
      "untruce-truce truce",
      "securitysecurity guarantee",
      "ceasefireceasefire",
    ];
    for (const text of texts) {
      const expected = issues.flatMap((issue) =>
        [...text.matchAll(issue.phrases)].map((m) => ({ slug: issue.slug, start: m.index, end: m.index + m[0].length })),
      );
      expect(matchIssues(text, 0, text.length, issues)).toEqual(expected);
    }
    expect(slugs("xceasefire untruce")).toEqual([]);
    expect(slugs("9truce")).toEqual([]);
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

  it("carries issues into a reply that names the sentence before with a demonstrative", () => {
    const out = carryIssues([
      { ...base, issues: ["ceasefire"], body: "Under the proposal, the truce would start on Monday." },
      { ...base, body: "Ambe called that “a trap”." },
      { ...base, issues: ["land"], body: "The land would be leased for 99 years." },
      { ...base, body: "Venn called the harbour café a landmark." },
    ]);
    expect(out).toEqual([["ceasefire"], ["ceasefire"], ["land"], []]);
  });

  it("within a paragraph, carries into a sentence sharing the words before, a quote after narration and every further sentence of a quotation", () => {
    const out = carryIssues([
      { ...base, issues: ["bill"], body: "The bill would bar strikes for 90 days." },
      { ...base, body: "Unions would face fines for strikes in that time." },
      { ...base, paragraph: 1, issues: ["bill"], body: "The ministry published the emergency bill on Friday." },
      { ...base, paragraph: 1, body: "“You can pass a law,” Voss told a rally.", speaker: "voss", quoted: true },
      { ...base, paragraph: 2, issues: ["staffing"], body: "“Our nurses are working double shifts.", speaker: "ohm", quoted: true, quoteGoesOn: true },
      { ...base, paragraph: 2, body: "Nobody has had a day off in ten days.", speaker: "ohm", quoted: true, quoteGoesOn: true },
      { ...base, paragraph: 2, body: "The wards are full,” Ohm said.", speaker: "ohm", quoted: true },
      { ...base, paragraph: 3, issues: ["staffing"], body: "Ohm said the wards were short of nurses." },
      { ...base, paragraph: 3, body: "The hospital opened in 1961." },
      { ...base, paragraph: 4, body: "Ohm then left for the airport." },
    ]);
    expect(out).toEqual([["bill"], ["bill"], ["bill"], ["bill"], ["staffing"], ["staffing"], ["staffing"], ["staffing"], [], []]);
  });

  it("carries into the same speaker's next quote only while it stays on the subject", () => {
    const out = carryIssues([
      { ...base, issues: ["pensions"], body: "“The pension scheme is done,” Ambe said.", speaker: "ambe", quoted: true },
      { ...base, body: "“Now we go home.", speaker: "ambe", quoted: true },
      { ...base, paragraph: 1, issues: ["pensions"], body: "“The pension scheme is done,” Ambe said.", speaker: "ambe", quoted: true },
      { ...base, paragraph: 1, body: "“The scheme still needs a vote,” she added.", speaker: "ambe", quoted: true },
      { ...base, paragraph: 2, issues: ["pensions"], body: "Venn wants the fund topped up over 12 years." },
      { ...base, paragraph: 2, body: "“Twenty would be kinder,” he added.", speaker: "venn", quoted: true },
      { ...base, paragraph: 3, issues: ["pensions"], body: "Ohm asked for a guarantee lasting 50 years." },
      { ...base, paragraph: 3, body: "Venn said 15 years would be too short." },
    ]);
    expect(out).toEqual([["pensions"], [], ["pensions"], ["pensions"], ["pensions"], ["pensions"], ["pensions"], ["pensions"]]);
  });
});

describe("isOtherEvent", () => {
  it("takes a phrase dated by an earlier year, or called previous or last year's, for another event", () => {
    const text = "In 2026 the union called a strike ballot. The 1998 strike ballot split it. Last year's strike ballot failed.";
    expect(isOtherEvent(text, 0, text.indexOf("strike ballot"))).toBe(false);
    expect(isOtherEvent(text, 0, text.indexOf("strike ballot split"))).toBe(true);
    expect(isOtherEvent(text, 0, text.indexOf("strike ballot failed"))).toBe(true);
  });
});

describe("loadIssueLexicons", () => {
  it("validates the issues file shape", () => {
    expect(loadIssueLexicons({ issues: [{ slug: "a", title: "A", description: "", phrases: ["x"], exclusions: [] }] })).toHaveLength(1);
    expect(() => loadIssueLexicons({ issues: [{ slug: "a", phrases: "x" }] })).toThrow();
  });
});
