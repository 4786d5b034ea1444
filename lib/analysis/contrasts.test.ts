import { describe, expect, it } from "vitest";
import { findContrasts, stanceOf, type ContrastClaim } from "./contrasts";

const claim = (id: string, speaker: string, text: string, figures: ContrastClaim["figures"] = []): ContrastClaim => ({
  id,
  speakerId: speaker.toLowerCase(),
  speaker,
  text,
  figures,
});

describe("stanceOf", () => {
  it("finds negation, acceptance, conditions and antonym sides", () => {
    const refusal = stanceOf("We will never withdraw from the valley, and we will not sign unless the harbour stays ours.");
    expect(refusal.negations).toEqual(["never", "will not"]);
    expect(refusal.conditions).toEqual(["unless"]);
    expect([...refusal.antonyms.values()]).toEqual(["withdraw", "stays"]);
    expect(stanceOf("The council agreed to the plan.").acceptances).toEqual(["agreed"]);
    expect(stanceOf("The council met on Tuesday.")).toMatchObject({ negations: [], acceptances: [], conditions: [] });
  });
});

describe("findContrasts", () => {
  const claims = [
    claim("a1", "Mara Quill", "The northern council will never accept the new border through the valley."),
    claim("b1", "Tomas Reede", "The northern council has agreed to the new border through the valley."),
    claim("b2", "Tomas Reede", "Ferries will run on Sundays from March."),
    claim("c1", "Harbour Board", "Troops must withdraw from the valley before any vote."),
    claim("a2", "Mara Quill", "Our troops stay in the valley."),
    claim("d1", "Mara Quill", "The new border runs along the river."),
  ];

  it("pairs rejection with acceptance on the same object first, and says why", () => {
    const pairs = findContrasts(claims);
    expect(pairs[0]).toEqual({
      a: "a1",
      b: "b1",
      why: "Rejection vs acceptance: Mara Quill “never”, Tomas Reede “agreed”; both on “northern”, “council”, “border”",
      shared: ["northern", "council", "border"],
    });
  });

  it("pairs withdraw against stay by different actors on a shared object", () => {
    const pair = findContrasts(claims).find((contrast) => [contrast.a, contrast.b].sort().join() === "a2,c1");
    expect(pair?.why).toMatch(/^Opposite words: Mara Quill “stay”, Harbour Board “withdraw”/);
    expect(pair?.shared).toContain("troops");
  });

  it("never pairs an actor with itself or claims without a stance signal", () => {
    const pairs = findContrasts(claims);
    expect(pairs.some((pair) => pair.a === "a1" && pair.b === "a2")).toBe(false);
    expect(pairs.some((pair) => pair.a === "b2" || pair.b === "b2")).toBe(false);
    expect(pairs.some((pair) => [pair.a, pair.b].includes("d1") && [pair.a, pair.b].includes("b1"))).toBe(false);
  });

  it("pairs different figures about the same thing and gives the same pairs in any order", () => {
    const figures = [
      claim("f1", "Mara Quill", "The toll plan is 90% done.", [{ value: 90, unit: "%", raw: "90%", about: "toll plan" }]),
      claim("f2", "Tomas Reede", "The toll plan is 60% done.", [{ value: 60, unit: "%", raw: "60%", about: "the toll plan" }]),
    ];
    expect(findContrasts(figures)).toEqual([{ a: "f1", b: "f2", why: "Different figures: 90% vs 60%; both on “toll”, “plan”", shared: ["toll", "plan"] }]);
    expect(findContrasts([...claims].reverse())).toEqual(findContrasts(claims));
  });

  it("keeps a condition or a bare negation only when the two share an object", () => {
    const conditional = [
      claim("p", "Mara Quill", "We sign the harbour deal only if tolls fall."),
      claim("q", "Tomas Reede", "The harbour deal is ready for signing."),
    ];
    expect(findContrasts(conditional)[0]?.why).toBe("A condition attached: Mara Quill “only if”; both on “harbour”, “deal”");
    const unrelated = [claim("p", "Mara Quill", "We do not discuss tolls."), claim("q", "Tomas Reede", "The harbour deal is ready for signing.")];
    expect(findContrasts(unrelated)).toEqual([]);
  });
});
