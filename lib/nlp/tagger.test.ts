import { describe, expect, it } from "vitest";
import { extractArticles, type IssueLexicon } from "./index";
import { contentStems, lexiconHash, scoreSentences, stem, tagSentences, trainIssueTagger, type TaggerSentence } from "./tagger";

/** An invented story: a dock strike in the port city of Sandhaven, country Valdoria. */
const ISSUES: IssueLexicon[] = [
  {
    slug: "night-shifts",
    title: "Night shifts",
    description: "Whether crews keep working through the night.",
    phrases: ["night shift", "overnight rota"],
    exclusions: [],
  },
  { slug: "pensions", title: "Pensions", description: "What crews get when they retire.", phrases: ["pension scheme", "retirement fund"], exclusions: [] },
  {
    slug: "strike-ballot",
    title: "Strike ballot",
    description: "The union's vote on the strike.",
    phrases: ["strike ballot", "vote on the strike"],
    exclusions: [],
  },
];

const STORY = [
  `Dockers in Sandhaven walked out on Monday over the overnight rota, which crews call the after-dark roster.
The night shift starts at ten and ends after midnight, when the last buses have gone.
"Nobody should work the night shift three weeks running," said deputy secretary Oona Brackley.
Operators said the pension scheme was generous.`,
  `The union will hold a strike ballot in March, organiser Pilar Ambe said.
The overnight rota keeps crews on the quays past midnight, she added.
Harbour chief Aldo Venn wants the retirement fund topped up over 12 years.
Crane drivers said the night shift roster was posted without notice.`,
  `Members backed a vote on the strike at a meeting on the quays.
The overnight rota was the first grievance raised; the after-dark roster, they said, wrecks family life.
Ships queued outside the harbour for a second day.
The retirement fund was not discussed.`,
  `Sandhaven port handled fewer containers this week.
The mayor, Lisbet Ohm, opened a new ferry terminal on Wednesday.
Fuel prices at the harbour rose again.
A strike ballot needs a majority of members to pass.`,
];

function tagsOf(texts: string[], issues: IssueLexicon[] = ISSUES): Map<string, string[]> {
  const { articles } = extractArticles(texts, { issues });
  const out = new Map<string, string[]>();
  articles.forEach((a, i) => {
    for (const s of a.sentences) out.set((texts[i] as string).slice(s.start, s.end), s.issues);
  });
  return out;
}

describe("the story's issue tagger", () => {
  it("ISS-1: a bare head noun of a lexicon phrase counts alone", () => {
    const tags = tagsOf([...STORY, "Members will hold the ballot next week.\nThe fund question is still open, Brackley said."]);
    expect(tags.get("Members will hold the ballot next week.")).toEqual(["strike-ballot"]);
    expect(tags.get("The fund question is still open, Brackley said.")).toEqual(["pensions"]);
  });

  it("ISS-1: a head the story uses bare as often as in the lexicon's phrases still counts", () => {
    const tags = tagsOf([
      ...STORY,
      "Crews were pushed to breaking point by the rota, the union said.\nThe operators say the rota keeps the port competitive.\nDrivers hate the rota.",
    ]);
    expect(tags.get("Drivers hate the rota.")).toEqual(["night-shifts"]);
  });

  it("ISS-1: a head as generic in the story as it is in the issue's phrases does not", () => {
    const generic = [...STORY, "The port's fund for new cranes is empty.\nThe harbour fund paid for the dredging.\nA fund for the ferry was set up."];
    expect(tagsOf(generic).get("A fund for the ferry was set up.")).toEqual([]);
  });

  it("ISS-1: a head the lexicon ends several phrases with counts alone before any of them matched, unless the story uses it often", () => {
    const quays: IssueLexicon = {
      slug: "quays",
      title: "Quays",
      description: "",
      phrases: ["their berth", "our berth", "cede berth", "quay rights"],
      exclusions: [],
    };
    const issues = [...ISSUES, quays];
    const rare = tagsOf([...STORY, "Venn said the dispute was about a berth or two."], issues);
    expect(rare.get("Venn said the dispute was about a berth or two.")).toEqual(["quays"]);
    const common = tagsOf([...STORY, "Venn said the dispute was about a berth or two.\nThe ferry berth was painted.\nA berth costs more in summer."], issues);
    expect(common.get("Venn said the dispute was about a berth or two.")).toEqual([]);
  });

  it("ISS-2: a phrase's head after another modifier is a synonym phrase", () => {
    const tags = tagsOf([...STORY, "A ballot of the membership on industrial action is planned."]);
    expect(tags.get("A ballot of the membership on industrial action is planned.")).toEqual(["strike-ballot"]);
  });

  it("ISS-2/ISS-3: words that keep the lexicon company in the story tag a synonym or a paraphrase", () => {
    const more = [
      `The overnight rota sends dockers home after midnight, the union said.\nThe night shift, the after-dark roster in the crews' words, was imposed in May.`,
      `Dockers on the overnight rota say the after-dark roster keeps them out past midnight.\nA ferry left for Porto Alva on time.`,
      `The night shift ends at midnight, and the after-dark roster repeats every week.\nThe harbour cafe closed early.`,
    ];
    const tags = tagsOf([...STORY, ...more, "Crews want the after-dark roster scrapped.\nDockers say they just want to be home before midnight again."]);
    expect(tags.get("Crews want the after-dark roster scrapped.")).toEqual(["night-shifts"]);
    expect(tags.get("Dockers say they just want to be home before midnight again.")).toEqual(["night-shifts"]);
    expect(tags.get("Ships queued outside the harbour for a second day.")).toEqual([]);
  });

  it("ISS-3: a sentence in the paragraph of one the lexicon matched is unlabelled, not a sign against the issue", () => {
    // Each article names the pension scheme's annuity and goes on about the annuity: in the same paragraph that is
    // probably the issue in other words (positive and unlabelled learning); in a paragraph of its own, a reliable negative.
    const filler = ["The ferry left on time.", "Cranes stood idle at the quay.", "The harbour cafe reopened.", "Ships queued offshore overnight."];
    const modelWithAnnuityIn = (paragraph: number) =>
      trainIssueTagger(
        Array.from({ length: 6 }, (_, d) =>
          [
            {
              body: `The pension scheme's annuity was discussed on day ${d}.`,
              masked: `The               's annuity was discussed on day ${d}.`,
              paragraph: 0,
              heading: false,
              lexicon: ["pensions"],
            },
            { body: "Crews want the annuity indexed to prices.", paragraph, heading: false, lexicon: [] },
            ...filler.map((body, i) => ({ body, paragraph: i + 1, heading: false, lexicon: [] })),
          ].sort((x, y) => x.paragraph - y.paragraph),
        ),
        ISSUES,
      );
    const sentence = { body: "Will the annuity rise this year?", paragraph: 0, heading: false, lexicon: [] };
    const sameParagraph = scoreSentences(modelWithAnnuityIn(0), [sentence])[0]!.pensions!;
    const ownParagraph = scoreSentences(modelWithAnnuityIn(9), [sentence])[0]!.pensions!;
    expect(sameParagraph).toBeGreaterThan(ownParagraph + 0.1);
  });

  it("ISS-1: a head used alone beside the lexicon's own matches is not taken for a generic word", () => {
    // Every article names the mask mandate once and goes on about "the mandate" in the same paragraph: those bare
    // uses are unlabelled, so "mandate" still counts alone; in paragraphs of their own they would make it generic.
    const lexicon: IssueLexicon = { slug: "masks", title: "Masks", description: "", phrases: ["mask mandate", "face coverings"], exclusions: [] };
    const filler = ["The ferry left on time.", "Cranes stood idle at the quay.", "The harbour cafe reopened."];
    const modelWithBareUsesIn = (paragraph: number) =>
      trainIssueTagger(
        Array.from({ length: 6 }, (_, d) =>
          [
            {
              body: `The mask mandate was debated on day ${d}.`,
              masked: `The              was debated on day ${d}.`,
              paragraph: 0,
              heading: false,
              lexicon: ["masks"],
            },
            { body: "A mandate could start on Monday.", paragraph, heading: false, lexicon: [] },
            { body: "The mandate divides the council.", paragraph, heading: false, lexicon: [] },
            ...filler.map((body, i) => ({ body, paragraph: i + 1, heading: false, lexicon: [] })),
          ].sort((x, y) => x.paragraph - y.paragraph),
        ),
        [lexicon],
      );
    const sentence = { body: "She said a mandate was on the table.", paragraph: 0, heading: false, lexicon: [] };
    expect(modelWithBareUsesIn(0).issues[0]!.cues).toContain(stem("mandate"));
    expect(tagSentences(modelWithBareUsesIn(0), [sentence])).toEqual([["masks"]]);
    expect(modelWithBareUsesIn(9).issues[0]!.cues).not.toContain(stem("mandate"));
    expect(tagSentences(modelWithBareUsesIn(9), [sentence])).toEqual([[]]);
  });

  it("ISS-7: a sentence naming an issue's phrase only for an earlier event is not tagged with it either", () => {
    const tags = tagsOf([
      ...STORY,
      "The 1998 strike ballot, which split the union, is still remembered on the quays.\nMembers who voted then recall a split union on the quays.",
    ]);
    expect(tags.get("The 1998 strike ballot, which split the union, is still remembered on the quays.")).toEqual([]);
  });

  it("ISS-7: a phrase naming an earlier, dated event is not the issue", () => {
    const tags = tagsOf([...STORY, "The 1998 strike ballot, which split the union, is still remembered on the quays.\nThe strike ballot of 2026 is next."]);
    expect(tags.get("The 1998 strike ballot, which split the union, is still remembered on the quays.")).toEqual([]);
    expect(tags.get("The strike ballot of 2026 is next.")).toEqual(["strike-ballot"]);
  });

  it("ISS-4: a sentence that goes on about the issue carries it", () => {
    const first = "The operators said the pension scheme was agreed. Ambe called that premature: only the outline of such an arrangement exists, she said.";
    const second = "Venn wants the retirement fund topped up over 12 years. “Twenty would be kinder to the older crews,” he added.";
    const tags = tagsOf([...STORY, first, second]);
    expect(tags.get("Ambe called that premature: only the outline of such an arrangement exists, she said.")).toEqual(["pensions"]);
    expect(tags.get("“Twenty would be kinder to the older crews,” he added.")).toEqual(["pensions"]);
  });

  it("ISS-5: carrying an issue to the same speaker's next sentences stops when the subject changes", () => {
    const text = "“The pension scheme is done,” Ambe said. “Now we go home. Our kids missed us,” she added.";
    const tags = tagsOf([...STORY, text]);
    expect(tags.get("“The pension scheme is done,” Ambe said.")).toEqual(["pensions"]);
    expect(tags.get("“Now we go home.")).toEqual([]);
    expect(tags.get("Our kids missed us,” she added.")).toEqual([]);
  });

  it("ISS-6: both sentences of a quotation on the issue carry it", () => {
    const text = "Talks on the night shift broke up on Friday.\n“It isn't settled. The rota gap is wide,” Ambe said.";
    const tags = tagsOf([...STORY, text]);
    expect(tags.get("“It isn't settled.")).toEqual(["night-shifts"]);
    expect(tags.get("The rota gap is wide,” Ambe said.")).toEqual(["night-shifts"]);
  });

  it("ISS-6: every sentence of a quotation that opens on the issue carries it", () => {
    const text = "“The night shift is broken. Nobody sleeps. Families pay the price,” Ambe said.";
    const tags = tagsOf([...STORY, text]);
    expect(tags.get("Nobody sleeps.")).toEqual(["night-shifts"]);
    expect(tags.get("Families pay the price,” Ambe said.")).toEqual(["night-shifts"]);
  });

  it("trains deterministically, and a model of other lexicons is ignored", () => {
    const docs: TaggerSentence[][] = Array.from({ length: 300 }, (_, d) =>
      Array.from({ length: 30 }, (_, i) => ({
        body: `Sentence ${i} of article ${d} about the night shift and the quays ${i % 7}.`,
        paragraph: i,
        heading: false,
        lexicon: i % 5 ? [] : ["night-shifts"],
      })),
    );
    const model = trainIssueTagger(docs, ISSUES);
    expect(trainIssueTagger(docs, ISSUES)).toEqual(model);
    expect(model.lexiconHash).toBe(lexiconHash(ISSUES));
    const other = [{ ...ISSUES[0]!, phrases: ["night shift"] }];
    expect(lexiconHash(other)).not.toBe(model.lexiconHash);
    const sentence = { body: "Nothing at all.", paragraph: 0, heading: false, lexicon: [] };
    expect(scoreSentences(model, [sentence])[0]).toHaveProperty("night-shifts");
    expect(tagSentences(model, [{ ...sentence, heading: true }])).toEqual([[]]);
  });

  it("reads content stems without stop words", () => {
    expect(contentStems("The crews were working the night shifts")).toEqual(["crew", "work", "night", "shift"]);
  });
});
