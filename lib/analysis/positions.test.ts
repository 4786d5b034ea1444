import { describe, expect, it } from "vitest";
import { buildPositions, type PositionInputClaim } from "./positions";

const DAY = 86_400_000;
const claim = (partial: Partial<PositionInputClaim> & Pick<PositionInputClaim, "id" | "source" | "speakerId" | "text">): PositionInputClaim => ({
  kind: "reported",
  speaker: partial.speakerId ? partial.speakerId.replace(/^\w/, (c) => c.toUpperCase()) : null,
  quote: null,
  verb: "said",
  publishedAt: DAY,
  figures: [],
  statement: null,
  ...partial,
});

const label = (key: string) => ({ slug: key, name: key.toUpperCase() });

const CLAIMS: PositionInputClaim[] = [
  claim({
    id: "q1",
    source: "a",
    speakerId: "mara",
    kind: "quote",
    quote: "We will never give up the valley farms",
    text: "“We will never give up the valley farms,” Mara said.",
    statement: "s1",
    publishedAt: 2 * DAY,
  }),
  claim({
    id: "q2",
    source: "b",
    speakerId: "mara",
    kind: "quote",
    quote: "We will never give up the valley farms",
    text: "“We will never give up the valley farms,” Mara insisted.",
    verb: "insisted",
    statement: "s1",
    publishedAt: DAY,
  }),
  claim({
    id: "r1",
    source: "c",
    speakerId: "mara",
    text: "Mara claimed without evidence that the valley vote was rigged.",
    verb: "claimed",
    publishedAt: 3 * DAY,
  }),
  claim({ id: "t1", source: "a", speakerId: "tomas", text: "Tomas said the valley farms would be handed over by spring.", statement: "s2" }),
  claim({
    id: "t2",
    source: "c",
    speakerId: "tomas",
    text: "Tomas said the valley farms would be handed over by spring.",
    statement: "s2",
    publishedAt: 4 * DAY,
  }),
  claim({ id: "n1", source: "b", speakerId: null, kind: "narration", text: "The valley is quiet." }),
  claim({
    id: "h1",
    source: "c",
    speakerId: "harbour",
    kind: "quote",
    quote: "Tolls will fall",
    text: "“Tolls will fall,” the Harbour Board said.",
    publishedAt: null,
  }),
];

describe("buildPositions", () => {
  const result = buildPositions(CLAIMS, label);

  it("ranks actors by the sources carrying them and groups one statement across sources", () => {
    expect(result.positions.map((position) => [position.speaker.name, position.outletCount, position.claimCount])).toEqual([
      ["Mara", 3, 3],
      ["Tomas", 2, 2],
      ["Harbour", 1, 1],
    ]);
    const [mara] = result.positions;
    expect(mara!.claims.map((entry) => [entry.id, entry.kind, entry.outlets.map((outlet) => outlet.slug), entry.firstReportedAt])).toEqual([
      ["q2", "quote", ["a", "b"], new Date(DAY).toISOString()],
      ["r1", "reported", ["c"], new Date(3 * DAY).toISOString()],
    ]);
    expect(mara!.top).toBe("q2");
    expect(result.positions[2]!.claims[0]!.firstReportedAt).toBeNull();
  });

  it("records how each source characterises a claim several carry", () => {
    expect(result.positions[0]!.claims[0]!.characterisations).toEqual([
      { source: { slug: "a", name: "A" }, verbs: ["said"], hedges: [] },
      { source: { slug: "b", name: "B" }, verbs: ["insisted"], hedges: [] },
    ]);
  });

  it("pairs the actor who refuses with the one who hands over", () => {
    expect(result.contrasts.map((contrast) => [contrast.a, contrast.b])).toContainEqual(["q2", "t1"]);
  });

  it("lists what each source leaves out: actors others carry, and widely reported claims of actors it carries", () => {
    expect(result.omissions.b).toEqual({
      actors: [
        { id: "tomas", name: "Tomas", carriedBy: 2 },
        { id: "harbour", name: "Harbour", carriedBy: 1 },
      ],
      claims: [],
    });
    expect(result.omissions.c).toEqual({ actors: [], claims: ["q2"] });
  });

  it("caps actors and claims per actor, keeping the most reported claim", () => {
    const capped = buildPositions(CLAIMS, label, { actors: 1, claimsPerActor: 1 });
    expect(capped.positions).toHaveLength(1);
    expect(capped.positions[0]!.claims.map((entry) => entry.id)).toEqual(["q2"]);
  });
});

describe("buildPositions with copies folded", () => {
  /** Folds claims as the analysis reads them: same speaker, kind, words, verb and statement, the earliest (then smallest id) standing for the rest. */
  function fold(claims: readonly PositionInputClaim[]): PositionInputClaim[] {
    const groups = new Map<string, PositionInputClaim[]>();
    for (const c of claims) {
      const key = JSON.stringify([c.speakerId, c.statement, c.kind, c.text, c.quote, c.verb]);
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    return [...groups.values()].map((members) => {
      const sorted = [...members].sort((a, b) => (a.publishedAt ?? Infinity) - (b.publishedAt ?? Infinity) || (a.id < b.id ? -1 : 1));
      const sources = new Map<string, number>();
      for (const member of members) sources.set(member.source, (sources.get(member.source) ?? 0) + 1);
      return { ...sorted[0]!, copies: { sources, first: sorted.slice(0, 12).map(({ id, publishedAt }) => ({ id, publishedAt })) } };
    });
  }

  // Every claim copied into other sources on other days, as syndicated copy is (the copies make one statement with it): some
  // statements get more than 12 members.
  const originals = CLAIMS.map((original) => ({ ...original, statement: original.statement ?? `alone-${original.id}` }));
  const copies = originals.flatMap((original, index) =>
    Array.from({ length: 3 + (index % 3) * 6 }, (_, copy) => ({
      ...original,
      id: `${original.id}-copy${String(copy).padStart(2, "0")}`,
      source: ["a", "b", "c", "d", "e"][(index + copy) % 5]!,
      publishedAt: copy % 4 === 3 ? null : (original.publishedAt ?? DAY) + ((copy * 7) % 5) * DAY,
    })),
  );
  const all = [...originals, ...copies];
  // Copies in no cluster: an outlet running one story twice, and a quote whose words another outlet runs too.
  const unclustered = [
    ...CLAIMS,
    ...CLAIMS.filter((original) => original.statement === null).map((original) => ({ ...original, id: `${original.id}-again`, publishedAt: 5 * DAY })),
    { ...CLAIMS.find((original) => original.id === "h1")!, id: "h2", source: "d", text: "“Tolls will fall,” a Harbour Board spokesman said." },
  ];

  it("gives the positions, contrasts and omissions the copies one by one give", () => {
    const folded = fold(all);
    expect(folded.length).toBeLessThan(all.length / 3);
    const limits = { sources: ["a", "b", "c", "d", "e", "f"] };
    expect(buildPositions(folded, label, limits)).toEqual(buildPositions(all, label, limits));
    expect(buildPositions(fold(CLAIMS), label)).toEqual(buildPositions(CLAIMS, label));
    expect(fold(unclustered).length).toBeLessThan(unclustered.length - 1);
    expect(buildPositions(fold(unclustered), label, limits)).toEqual(buildPositions(unclustered, label, limits));
  });

  it("shows a statement in no cluster once, with every claim making it", () => {
    const result = buildPositions(unclustered, label);
    const harbour = result.positions.find((position) => position.speaker.id === "harbour")!;
    expect(harbour.claims).toHaveLength(1);
    expect([...harbour.claims[0]!.claimIds].sort()).toEqual(["h1", "h1-again", "h2"]);
    const mara = result.positions.find((position) => position.speaker.id === "mara")!;
    expect(mara.claims.filter((entry) => entry.claimIds.includes("r1"))).toHaveLength(1);
    expect([...mara.claims.find((entry) => entry.claimIds.includes("r1"))!.claimIds].sort()).toEqual(["r1", "r1-again"]);
  });

  it("counts each copy's attribution verbs in its source's characterisation", () => {
    const result = buildPositions(fold(all), label);
    const quoted = result.positions.flatMap((position) => position.claims).find((entry) => entry.characterisations.length > 0)!;
    expect(quoted.claimIds.length).toBeGreaterThan(0);
    expect(
      buildPositions(all, label)
        .positions.flatMap((position) => position.claims)
        .find((entry) => entry.id === quoted.id),
    ).toEqual(quoted);
  });
});
