import { describe, expect, it } from "vitest";
import { extractArticle } from "./index";

/** The quote claims of an invented article: quoted words (start) and speaker. */
function quotes(text: string): [string, string | null][] {
  return extractArticle(text, { issues: [] })
    .claims.filter((c) => c.kind === "quote")
    .map((c) => [(c.quote ?? "").slice(0, 24), c.speaker]);
}

const LEAD = "The dock strike in Sandhaven entered its third week.\n\n";

/** The speakers of the reported-speech claims of an invented article (after the lead paragraph). */
function reportedSpeakers(text: string): (string | null)[] {
  return extractArticle(`${LEAD}${text}`, { issues: [] })
    .claims.filter((c) => c.kind === "reported")
    .map((c) => c.speaker);
}

describe("quoted fragments someone is reported to say (QTE)", () => {
  it("QTE-1: keeps a fragment whose verb is outside the speech verbs, with its subject", () => {
    expect(quotes(`${LEAD}Mayor Lisbet Ohm thanked the crews for their “remarkable patience” during the stoppage.`)).toEqual([
      ["remarkable patience", "Lisbet Ohm"],
    ]);
    expect(quotes(`${LEAD}Harbour chief Aldo Venn swiftly dismissed the leaked memo as “pure invention”.`)).toEqual([["pure invention", "Aldo Venn"]]);
    expect(quotes(`${LEAD}Corvane Lines questioned the “timing and motive” of the audit.`)).toEqual([["timing and motive", "Corvane Lines"]]);
  });

  it("QTE-1: a fragment after “reckons” is the reckoner's", () => {
    expect(quotes(`${LEAD}Port lawyer Dara Quinn reckons a fine of “somewhere between two and five million” is likely.`)).toEqual([
      ["somewhere between two an", "Dara Quinn"],
    ]);
  });

  it("QTE-1: credits a passive framing verb's agent", () => {
    expect(quotes(`${LEAD}The offer was labelled “balanced” by the union and “ruinous” by the operators' federation.`)).toEqual([
      ["balanced", "union"],
      ["ruinous", "federation"],
    ]);
  });

  it("QTE-1: does not take a passive agent of the quoted verb itself for the speaker", () => {
    const [row] = quotes(`${LEAD}The union's members insist the berths were “seized” by the operators.`);
    expect(row?.[1]).not.toBe("operators");
  });

  it("QTE-2: an untagged clause-length fragment belongs to the sentence's subject", () => {
    expect(
      quotes(
        `${LEAD}The Sandhaven Port Authority met on Tuesday. The authority left fees unchanged as it watches fuel prices that are "too volatile to plan around."`,
      ),
    ).toEqual([["too volatile to plan aro", "Sandhaven Port Authority"]]);
  });

  it("drops true scare quotes: a name in a prepositional phrase, a quoted label, a title", () => {
    expect(quotes(`${LEAD}Delegates met at a summit of the “friends of the harbour” in the old customs hall.`)).toEqual([]);
    expect(quotes(`${LEAD}Officials expect the “Phase Two” talks to start in May.`)).toEqual([]);
    expect(quotes(`${LEAD}The company launched its “Blue Sky” programme last year.`)).toEqual([]);
    expect(quotes(`${LEAD}The report, titled “Sea Change”, was published by the ministry.`)).toEqual([]);
  });

  it("a fragment in a later clause belongs to that clause's subject, not the sentence's first", () => {
    expect(quotes(`${LEAD}Ferry operator Ida Wenlock said passengers would see “no change” to timetables, while unions warned of “chaos”.`)).toEqual([
      ["no change", "Ida Wenlock"],
      ["chaos", "unions"],
    ]);
  });
});

describe("speakers by structure (SPK)", () => {
  it("SPK-1: reads a tag past an apposition between the name and the verb", () => {
    expect(quotes(`${LEAD}“We will not sign away the night shifts,” Oona Brackley, deputy secretary at the Harbour Workers' Union, said.`)).toEqual([
      ["We will not sign away th", "Oona Brackley"],
    ]);
  });

  it("SPK-1: a name after a lower-case job description in an inverted tag", () => {
    expect(quotes(`${LEAD}“I gave this port 35 years,” said crane driver Tomas Weller, 58.`)).toEqual([["I gave this port 35 year", "Tomas Weller"]]);
  });

  it("SPK-1: an apposition that ends on a body's name, between the name and the verb", () => {
    expect(quotes(`${LEAD}Pilar Ambe, the leader of the opposition Valdorian Civic Alliance, called that “a cheap alibi”.`)).toEqual([
      ["a cheap alibi", "Pilar Ambe"],
    ]);
    expect(quotes(`${LEAD}The union's leader, Pilar Ambe, called it “a trap”.`)).toEqual([["a trap", "Pilar Ambe"]]);
  });

  it("SPK-1: a link label between the name and the verb", () => {
    expect(quotes(`${LEAD}“The numbers speak for themselves,” the Sandhaven Port Authority, opens in new window said.`)).toEqual([
      ["The numbers speak for th", "Sandhaven Port Authority"],
    ]);
  });

  it("SPK-2: a tag at the end of the quote's sentence, and a block quote introduced by a colon", () => {
    expect(
      quotes(
        `${LEAD}The crews will return on Monday so that "the cruise season is not lost", plus a wage review in March, union organiser Pilar Ambe told local radio.`,
      ),
    ).toEqual([["the cruise season is not", "Pilar Ambe"]]);
    expect(quotes(`${LEAD}The operators rejected the demand, writing:\n“Our offer stands and will not be improved.”`)).toEqual([
      ["Our offer stands and wil", "operators"],
    ]);
  });

  it("SPK-2: a block quote after a colon whose sentence has no speech verb is its subject's, a person or a named body", () => {
    expect(
      quotes(
        `${LEAD}Pilar Ambe has led the night crews for a decade. She remembers the first strike most clearly:\n\n“We had 300 people and one kettle.\n\n“By Thursday we had two.”\n\nCorvane Lines has issued a statement about the walkout:\n\n“We respect the right to strike.”\n\nThe inquiry heard from the drivers on Monday:\n\n“Nobody told us.”`,
      ),
    ).toEqual([
      ["We had 300 people and on", "Pilar Ambe"],
      ["By Thursday we had two.", "Pilar Ambe"],
      ["We respect the right to ", "Corvane Lines"],
      ["Nobody told us.", null],
    ]);
  });

  it("SPK-2: a quote after a colon in its own sentence, with no speech verb, is the sentence's subject's", () => {
    expect(quotes(`${LEAD}Union leader Pilar Ambe was blunter in a post on X: “Twenty-one days and not one offer.”`)).toEqual([
      ["Twenty-one days and not ", "Pilar Ambe"],
    ]);
    // Not a capitalised first word read as a name, nor whoever the sentence names last.
    expect(quotes(`${LEAD}Moments later comes the line everyone shared: “Two per cent, and no tender.”`)).toEqual([["Two per cent, and no ten", null]]);
    expect(quotes(`${LEAD}On the tape a man can be heard telling port boss Aldo Venn: “The quay gets built either way.”`)).toEqual([
      ["The quay gets built eith", null],
    ]);
  });

  it("SPK-2: a quote paragraph with no tag, after a paragraph that ends on a person as its subject, is that person's", () => {
    expect(
      quotes(
        `${LEAD}The crews want an inquiry. Their leader, Pilar Ambe, wants it set up now, with a judge in charge.\n\n“We are not asking anyone to decide who is guilty. We are asking how this happened.”`,
      ),
    ).toEqual([["We are not asking anyone", "Pilar Ambe"]]);
  });

  it("SPK-2: two fragments joined by “and” share the tag after the second", () => {
    expect(quotes(`${LEAD}Pilar Ambe spoke to crews. Crews have "mostly returned" and "the backlog is clearing fast," she said.`)).toEqual([
      ["mostly returned", "Pilar Ambe"],
      ["the backlog is clearing ", "Pilar Ambe"],
    ]);
  });

  it("SPK-3: a pronoun after a long quotation goes to the quotation's speaker", () => {
    const text = `${LEAD}“We came in good faith,” said mediator Jonas Ferrell.\n\n“Nobody wanted this to drag on. The crews have families. The firms have contracts. Tempers are short.\n\n“Still, there is a path. We can find it by Friday,” he concluded.`;
    expect(quotes(text).map((r) => r[1])).toEqual(["Jonas Ferrell", "Jonas Ferrell", "Jonas Ferrell"]);
  });

  it("SPK-3: once “she” is one person, “he” is the other", () => {
    expect(
      quotes(`${LEAD}Lena Ostrova met Marek Dunn in Corran.\n\n“We agreed on the basics,” she said after the meeting. He called the talks “frank”.`),
    ).toEqual([
      ["We agreed on the basics,", "Lena Ostrova"],
      ["frank", "Marek Dunn"],
    ]);
  });

  it("SPK-4: the main clause's subject, not a pronoun of a fronted clause", () => {
    const text = `${LEAD}Lisbet Ohm chaired the session. On his way out of the hall, as he waved to the crews, Aldo Venn said the mayor had been warned about costs. “She knew the bill would double,” he added.`;
    expect(quotes(text)).toEqual([["She knew the bill would ", "Aldo Venn"]]);
  });

  it("SPK-5: a surname that is a common word, first in its sentence", () => {
    expect(quotes(`${LEAD}Mira Banks leads the crane drivers.\n\nBanks said the crews had shown "real discipline". “We have what we need,” she said.`)).toEqual(
      [
        ["real discipline", "Mira Banks"],
        ["We have what we need,", "Mira Banks"],
      ],
    );
    expect(quotes(`${LEAD}Hunt said the ballot was “a formality”.`)).toEqual([["a formality", "Hunt"]]);
  });

  it("SPK-6: a title such as Skipper is not part of the name", () => {
    expect(quotes(`${LEAD}Skipper Dara Quinn said the tugs would “stay in port”.`)).toEqual([["stay in port", "Dara Quinn"]]);
  });

  it("SPK-6: a surname with its particle, capitalised at a sentence's start, is the person named in full before", () => {
    expect(
      quotes(
        `${LEAD}Harbour chief Joost van Riemsdijk met the crews.\n\n“We are not moving,” Van Riemsdijk said.\n\nVan Riemsdijk added: “Not this week.”\n\nDeputy Orla Ní Bhraonáin agreed. “Nor next week,” Ní Bhraonáin said.`,
      ),
    ).toEqual([
      ["We are not moving,", "Joost van Riemsdijk"],
      ["Not this week.", "Joost van Riemsdijk"],
      ["Nor next week,", "Orla Ní Bhraonáin"],
    ]);
  });

  it("SPK-7: a firm's name joined by an ampersand is one name, also first in its sentence", () => {
    expect(
      quotes(`${LEAD}Dunne & Hart said on Monday it was “considering all options”. Shares in Brask & Sons fell, and Brask & Sons called it “noise”.`),
    ).toEqual([
      ["considering all options", "Dunne & Hart"],
      ["noise", "Brask & Sons"],
    ]);
  });

  it("SPK-7: an institution by a shorter form of the name the article gave it", () => {
    expect(
      quotes(
        `${LEAD}The National Port Safety Unit opened an inquiry.\n\nThe Port Safety Unit said the cranes were “sound”.\n\nHalvik Harbour Holdings owns the quays. Halvik Harbour called the strike “regrettable”.`,
      ),
    ).toEqual([
      ["sound", "National Port Safety Unit"],
      ["regrettable", "Halvik Harbour Holdings"],
    ]);
  });

  it("SPK-7: “the company”, “a club spokesman” and “a party spokeswoman” are the company, club and party the article named", () => {
    expect(
      quotes(
        `${LEAD}Shares in Brenmark Construction fell 9%. The company said it had “no knowledge” of the tape.\n\nSandhaven Wanderers lost again. “He was withdrawn as a precaution,” a club spokesman said.\n\nThe Valdorian Civic Alliance suspended the mayor. A party spokeswoman called it “a necessary step”.`,
      ),
    ).toEqual([
      ["no knowledge", "Brenmark Construction"],
      ["He was withdrawn as a pr", "Sandhaven Wanderers"],
      ["a necessary step", "Valdorian Civic Alliance"],
    ]);
  });

  it("SPK-7: epithets for a person named before (age, sports role)", () => {
    expect(quotes(`${LEAD}Striker Jamie Lee scored twice on Saturday.\n\nThe 24-year-old told reporters: “I feel great.”`)).toEqual([
      ["I feel great.", "Jamie Lee"],
    ]);
    expect(quotes(`${LEAD}Rovers signed Jamie Lee in June.\n\n“I'm just happy to be back,” the striker said.`)).toEqual([
      ["I'm just happy to be bac", "Jamie Lee"],
    ]);
  });

  it("SPK-7: someone described but unnamed at their request is an unnamed source, and so is “the manager” after them", () => {
    expect(
      quotes(
        `${LEAD}Harbour chief Aldo Venn said the losses were overdone.\n\nA shipping manager at a Sandhaven freight firm, who asked not to be named, said the crews were “right to be angry”. “Nobody blames them,” the manager said.`,
      ),
    ).toEqual([
      ["right to be angry", "unnamed source"],
      ["Nobody blames them,", "unnamed source"],
    ]);
    expect(
      quotes(
        `${LEAD}Harbour resident Aldo Venn praised the crews. A resident of the quays, who would not give her name, said the smoke was thick. “We could not breathe,” the resident said.`,
      ),
    ).toEqual([["We could not breathe,", "unnamed source"]]);
  });

  it("SPK-7: “people familiar with the board's thinking” are an unnamed source, possessive and all", () => {
    expect(quotes(`${LEAD}A person familiar with the board's thinking said Venn would be given “until the break” and no longer.`)).toEqual([
      ["until the break", "unnamed source"],
    ]);
  });

  it("SPK-7: a nationality in a tag is the person the article gave it, or the last of the word's sex", () => {
    expect(
      quotes(
        `${LEAD}Harbour chief Joost Kuyt faces a vote. He said he had spoken to the mayor, Lisbet Ohm, that morning.\n\n“I have her support,” the Dutchman told reporters.\n\nDutch striker Aldo Berg and Mira Holt met the crews later. “We agree,” the Dutchman said.`,
      ),
    ).toEqual([
      ["I have her support,", "Joost Kuyt"],
      ["We agree,", "Aldo Berg"],
    ]);
  });

  it("SPK-7: an epithet's person is the one named last before it, also when named again further on", () => {
    expect(
      quotes(
        `${LEAD}Harbour chief Aldo Venn met the crews in the morning.\n\nStriker Jamie Lee scored twice on Saturday.\n\nThe 24-year-old told reporters: “I feel great.”\n\nVenn said later the crews had shown “real discipline”, and Lee left for the airport.`,
      )[0],
    ).toEqual(["I feel great.", "Jamie Lee"]);
  });

  it("SPK-7: an institution named by its common noun first in the sentence", () => {
    expect(quotes(`${LEAD}A man was arrested on Sunday.\n\nPolice said the man, 34, was “known to officers”.`)).toEqual([["known to officers", "police"]]);
  });

  it("SPK-8: a relative clause inside a parenthesis is no apposition", () => {
    expect(quotes(`${LEAD}Pilar Ambe, who had flown in from Porto Alva, said the gap was "narrowing fast".`)).toEqual([["narrowing fast", "Pilar Ambe"]]);
  });

  it("SPK-8: a document speaks past the relative clause inside its subject", () => {
    expect(quotes(`${LEAD}A draft memorandum that the council published on Monday described the levy as "temporary".`)).toEqual([
      ["temporary", "draft memorandum"],
    ]);
  });

  it("SPK-8: the main clause's subject past a relative clause that has its own subject", () => {
    expect(quotes(`${LEAD}A draft memorandum that Corran published last month mentioned a levy that would “mirror” the old harbour dues.`)).toEqual([
      ["mirror", "draft memorandum"],
    ]);
  });

  it("SPK-9: nested reporting is credited to the outer reporter", () => {
    expect(quotes(`${LEAD}The ministry said both operators regard a pause as "pointless delay".`)).toEqual([["pointless delay", "ministry"]]);
    const [row] = quotes(`${LEAD}Mayor Lisbet Ohm spoke. The council said Ohm had urged both sides to seek "a quick settlement".`);
    expect(row?.[1]).not.toBe("Lisbet Ohm");
  });

  it("SPK-9: an outlet quoting someone as saying credits the person quoted", () => {
    expect(quotes(`${LEAD}The Corran Gazette quoted harbour chief Aldo Venn as saying the offer was “final”.`)).toEqual([["final", "Aldo Venn"]]);
  });

  it("QTE-1: a fragment after the verb “show” is someone's words, not a show's title", () => {
    expect(quotes(`${LEAD}Mayor Lisbet Ohm, who has tried to mediate, urged both sides to show “a little humility”.`)).toEqual([
      ["a little humility", "Lisbet Ohm"],
    ]);
  });

  it("SPK-8: a group speaks past a phrase set off by commas, and plural groups speak as themselves", () => {
    expect(quotes(`${LEAD}The operators, for their part, insist the offer is “generous by any standard”.`)).toEqual([
      ["generous by any standard", "operators"],
    ]);
    expect(quotes(`${LEAD}Critics say the plan amounts to a “sell-off by stealth”.`)).toEqual([["sell-off by stealth", "critics"]]);
  });

  it("SPK-8: “, which” after a name stands for it", () => {
    expect(quotes(`${LEAD}Ambe's remark drew a sharp response from Corvane Lines, which accused her of “playing politics with people's jobs”.`)).toEqual([
      ["playing politics with pe", "Corvane Lines"],
    ]);
  });

  it("SPK-7: a headline's speaker named by role is the person the article gives that role", () => {
    expect(quotes(`Ferry talks: minister says deal is "days away"\n\nTransport Minister Paul Okafor said on Tuesday that a deal was close.`)).toEqual([
      ["days away", "Paul Okafor"],
    ]);
  });

  it("SPK-9: a fragment in a second “that” clause of the same speech verb", () => {
    expect(quotes(`${LEAD}Mayor Lisbet Ohm said the offer was fair, but that the crews wanted “at least double that”.`)).toEqual([
      ["at least double that", "Lisbet Ohm"],
    ]);
  });

  it("SPK-9: someone “was quoted by” an outlet “as saying”: the person quoted", () => {
    expect(quotes(`${LEAD}Ohm's deputy, Karel Visser, was quoted by the Sandhaven Gazette as saying the council had “no choice”.`)).toEqual([
      ["no choice", "Karel Visser"],
    ]);
  });

  it("SPK-9: a fragment in a passive clause reported by someone is theirs", () => {
    expect(
      quotes(`${LEAD}The Sandhaven Port Authority said in a statement that traders would be offered places in a new hall “within eighteen months”.`),
    ).toEqual([["within eighteen months", "Sandhaven Port Authority"]]);
  });

  it("SPK-7: “it” after an institution named by a description", () => {
    expect(quotes(`${LEAD}The union said in a statement that the ballot would go ahead. “Our members have spoken,” it said.`)).toEqual([
      ["Our members have spoken,", "union"],
    ]);
  });

  it("SPK-10: a country's office speaks as its holder, or as the office when the text never names them", () => {
    expect(quotes(`${LEAD}Valdorian President Ana Lima spoke first. Norway's prime minister told reporters the closure was “very worrying”.`)).toEqual([
      ["very worrying", "Norwegian prime minister"],
    ]);
    expect(quotes(`${LEAD}Norwegian Prime Minister Ivar Dahl flew in. Later, Norway's prime minister called the deal “a good start”.`)).toEqual([
      ["a good start", "Ivar Dahl"],
    ]);
  });

  it("SPK-10: a country speaks as its government", () => {
    expect(quotes(`${LEAD}Norway accused the port's owners of sabotage and said the closure amounted to "a hostile act".`)).toEqual([
      ["a hostile act", "Norwegian government"],
    ]);
  });

  it("SPK-7: someone described but never named is an unnamed source", () => {
    expect(quotes(`${LEAD}“The crews are tired,” said one senior harbour adviser, speaking on condition of anonymity.`)).toEqual([
      ["The crews are tired,", "unnamed source"],
    ]);
    expect(quotes(`${LEAD}“Nobody wants a long strike,” one union official told local radio.`)).toEqual([["Nobody wants a long stri", "unnamed source"]]);
    expect(quotes(`${LEAD}“We will see,” said a lawyer, declining to give details.`)).toEqual([["We will see,", "unnamed source"]]);
    expect(quotes(`${LEAD}“Nothing has changed,” said one person close to the union, who asked not to be named.`)).toEqual([
      ["Nothing has changed,", "unnamed source"],
    ]);
  });

  it("SPK-8: the person a prepositional phrase describes, not its object", () => {
    expect(quotes(`${LEAD}A senior official at the Sandhaven Port Authority, who asked not to be named, said the offer was “close to final”.`)).toEqual([
      ["close to final", "unnamed source"],
    ]);
    expect(quotes(`${LEAD}An aide to Mayor Lisbet Ohm, who spoke on condition of anonymity, said the deadline was “not negotiable”.`)).toEqual([
      ["not negotiable", "unnamed source"],
    ]);
  });

  it("SPK-7: a spokesperson speaks for the body they speak for", () => {
    expect(quotes(`${LEAD}The Harbour Workers' Federation met on Sunday.\n\n“This is the last chance,” a spokesperson for the federation said.`)).toEqual([
      ["This is the last chance,", "Harbour Workers' Federation"],
    ]);
    expect(quotes(`${LEAD}“Talks continue,” said a council spokeswoman.`)).toEqual([["Talks continue,", "council"]]);
    expect(quotes(`${LEAD}Corvane Lines said the roster would be reviewed. “We have listened,” a company spokesman said.`)).toEqual([
      ["We have listened,", "Corvane Lines"],
    ]);
    expect(quotes(`${LEAD}A spokeswoman for the transport ministry said only that talks were “ongoing”.`)).toEqual([["ongoing", "transport ministry"]]);
  });

  it("SPK-7: an institution named beside its description is named by the description again", () => {
    expect(
      quotes(
        `${LEAD}The dispute has hit the state ferry operator, Corvane Lines, hardest.\n\nIn a statement, the operator said it was “ready to sail the moment crews return”.`,
      ),
    ).toEqual([["ready to sail the moment", "Corvane Lines"]]);
  });

  it("SPK-7: a company named by a word companies' names end with is found again as “the company”", () => {
    expect(
      quotes(
        `${LEAD}The council and Corvane Shipping are close to a deal.\n\nThe company, which carries a million passengers a year, said it would keep “every route open”.`,
      ),
    ).toEqual([["every route open", "Corvane Shipping"]]);
  });

  it("SPK-8: the subject past a relative clause that opens with “whose”", () => {
    expect(
      quotes(
        `${LEAD}Pilar Ambe does not look like a kingmaker. But the soft-spoken lawyer, whose Harbour Party holds the key votes, has spent the week telling anyone who would listen that her support “comes with a price”.`,
      ),
    ).toEqual([["comes with a price", "Pilar Ambe"]]);
  });

  it("SPK-8: a document named with what it is a part of", () => {
    expect(quotes(`${LEAD}A draft of the pension agreement, circulated to members on Monday, describes the protections as “binding on any buyer”.`)).toEqual([
      ["binding on any buyer", "draft of the pension agreement"],
    ]);
  });

  it("QTE-1: a clause joined by “and” with a subject of its own", () => {
    expect(
      quotes(`${LEAD}The council postponed the vote after the operators demanded more time and unions warned of “rolling stoppages” across the port.`),
    ).toEqual([["rolling stoppages", "unions"]]);
    expect(quotes(`${LEAD}Mayor Lisbet Ohm defended the plan and then warned of “rolling stoppages” across the port.`)).toEqual([
      ["rolling stoppages", "Lisbet Ohm"],
    ]);
  });

  it("SPK-7: more epithets for the person named last before them", () => {
    expect(quotes(`${LEAD}Aldo Venn has run the harbour for eleven years. “We had ships queuing to the horizon,” the harbour master said.`)).toEqual([
      ["We had ships queuing to ", "Aldo Venn"],
    ]);
    expect(quotes(`${LEAD}Mira Banks built the firm from nothing. “We will survive this,” the billionaire said.`)).toEqual([
      ["We will survive this,", "Mira Banks"],
    ]);
  });

  it("SPK-7: a nationality for the person named last before it", () => {
    expect(quotes(`${LEAD}Harbour pilot Ivan Sorensen blamed the fog. “We lost two hours,” the Norwegian said.`)).toEqual([
      ["We lost two hours,", "Ivan Sorensen"],
    ]);
  });

  it("SPK-3: “she” is the woman when only a given name has shown who is a woman", () => {
    expect(quotes(`${LEAD}Greta Holloway expects Tomas Rieu back for the final. “He has trained well all week,” she said.`)).toEqual([
      ["He has trained well all ", "Greta Holloway"],
    ]);
    expect(quotes(`${LEAD}Tomas Rieu expects Greta Holloway back for the final. “She has trained well all week,” he said.`)).toEqual([
      ["She has trained well all", "Tomas Rieu"],
    ]);
  });

  it("SPK-3: “she” is not a man the text has named", () => {
    expect(quotes(`${LEAD}“It is robbery,” said Ben Arkwright.\n\n“We will look at every option,” she added later.`)).toEqual([
      ["It is robbery,", "Ben Arkwright"],
      ["We will look at every op", null],
    ]);
  });

  it("SPK-2: someone's words named before a colon", () => {
    expect(quotes(`${LEAD}Mara Lindgren runs the ferries. Lindgren's message to passengers was blunt: “Book early.”`)).toEqual([
      ["Book early.", "Mara Lindgren"],
    ]);
    expect(quotes(`${LEAD}Mara Lindgren runs the ferries. Her answer was short: “No.”`)).toEqual([["No.", "Mara Lindgren"]]);
  });

  it("QTE-1: a fragment named as someone's promise, demand or warning is theirs", () => {
    expect(quotes(`${LEAD}Aldo Venn spoke on Monday. Venn's promise of “no job losses” was met with scepticism.`)).toEqual([["no job losses", "Aldo Venn"]]);
    expect(quotes(`${LEAD}The union's demand for “a proper night premium” remains unmet.`)).toEqual([["a proper night premium", "union"]]);
  });

  it("SPK-7: a person known by their age is the person named last before it", () => {
    expect(quotes(`${LEAD}Crane driver Tomas Weller joined the picket. “We are not going anywhere,” the 58-year-old said.`)).toEqual([
      ["We are not going anywher", "Tomas Weller"],
    ]);
    expect(quotes(`${LEAD}Crane driver Tomas Weller joined the picket. “We are not going anywhere,” said the fifty-eight-year-old.`)).toEqual([
      ["We are not going anywher", "Tomas Weller"],
    ]);
  });

  it("SPK-7: a name apposed to a role owned by an institution stays a person", () => {
    expect(
      quotes(`${LEAD}“We will hold the line,” Oona Brackley, the union's deputy secretary, told reporters.\n\nMs Brackley said the offer was “an insult”.`),
    ).toEqual([
      ["We will hold the line,", "Oona Brackley"],
      ["an insult", "Oona Brackley"],
    ]);
  });

  it("SPK-3: “he said” after an unnamed spokesman is the body he speaks for", () => {
    expect(
      quotes(`${LEAD}Pilar Ambe said the crews were angry.\n\nA Corvane spokesman disputed that account. “The berths were never closed,” he said.`),
    ).toEqual([["The berths were never cl", "Corvane"]]);
    expect(quotes(`${LEAD}Aldo Venn said the crews were angry.\n\nOne union official disputed that. “We were locked out,” he said.`)).toEqual([
      ["We were locked out,", "unnamed source"],
    ]);
  });

  it("SPK-7: a role and the name apposed to it at the end of an inverted tag", () => {
    expect(quotes(`${LEAD}“This is a hard decision,” said the company's managing director, Fiona Grady.`)).toEqual([
      ["This is a hard decision,", "Fiona Grady"],
    ]);
  });

  it("SPK-7: people described by what they do are unnamed sources", () => {
    expect(
      quotes(
        `${LEAD}A farmer whose land borders the quay, who spoke on condition that his name not be used, said the deal was “the first good news in years”.`,
      ),
    ).toEqual([["the first good news in y", "unnamed source"]]);
    expect(quotes(`${LEAD}“Found out from the radio, not from the port,” one user wrote.`)).toEqual([["Found out from the radio", "unnamed source"]]);
  });

  it("SPK-7: a place that ends an opening phrase is no name of the subject after it (“in Valdmark, the president said”)", () => {
    expect(
      quotes(
        `${LEAD}President Miroslav Danek opened the dam on Monday.\n\nAsked about the complaint filed in Valdmark, the president said the country would “answer every accusation”.\n\n“We will go to Valdmark,” he told journalists.`,
      ),
    ).toEqual([
      ["answer every accusation", "Miroslav Danek"],
      ["We will go to Valdmark,", "Miroslav Danek"],
    ]);
    expect(
      quotes(`${LEAD}For Jens Oberholt, a 44-year-old ferry engineer and father of three, the answer matters. “I can't work from home,” he said.`),
    ).toEqual([["I can't work from home,", "Jens Oberholt"]]);
  });

  it("SPK-7: a place named with a landform word is no person, and “the head of state” after it is the president", () => {
    expect(
      quotes(
        `${LEAD}President Miroslav Danek switched on the first turbine of the Orsa Dam on Thursday.\n\nSpeaking to workers gathered in the Korvel Gorge, the head of state said it was built “with our own hands,” and thanked them.`,
      ),
    ).toEqual([["with our own hands,", "Miroslav Danek"]]);
  });

  it("SPK-7: “one of them” after unnamed sources is an unnamed source, after named people nobody in particular", () => {
    expect(
      quotes(`${LEAD}Diplomats briefed on the talks said the envoy had proposed a plan. “Everyone has accepted that the dam exists,” one of them said.`),
    ).toEqual([["Everyone has accepted th", "unnamed source"]]);
    expect(quotes(`${LEAD}Ana Ruiz and Lars Berg met on Monday. “It went well,” one of them said.`)).toEqual([["It went well,", null]]);
  });

  it("SPK-7: a body named “Chamber of …” is whole, and “, saying it …” after a quote is no inverted tag", () => {
    expect(
      quotes(
        `${LEAD}The Ardenian Chamber of Shipping puts the cost at 85 million crowns a day. Its director-general, Bernard Oyelaran-Smits, called that estimate “conservative”, saying it left out spoiled cargo.`,
      ),
    ).toEqual([["conservative", "Bernard Oyelaran-Smits"]]);
  });

  it("SPK-7: “the statement said” is whoever issued the statement", () => {
    expect(
      quotes(
        `${LEAD}Norvik Biologics said in a statement that it had shipped 120,000 doses. “We are running our lines around the clock,” the statement said.\n\nSen. Dmitri K. Voronov has posted a statement saying his party will fight. “A law written in a weekend is a law we will regret,” the statement said.`,
      ),
    ).toEqual([
      ["We are running our lines", "Norvik Biologics"],
      ["A law written in a weeke", "Dmitri K. Voronov"],
    ]);
  });

  it("SPK-7: a body's name goes on past “and” to its last word (“Competition and Markets Authority”, “Chamber of Commerce and Industry”)", () => {
    expect(quotes(`${LEAD}The Estmark Competition and Markets Authority said it was “looking closely at buyer power”.`)).toEqual([
      ["looking closely at buyer", "Estmark Competition and Markets Authority"],
    ]);
    expect(quotes(`${LEAD}The Chamber of Commerce and Industry said: “No.”`)).toEqual([["No.", "Chamber of Commerce and Industry"]]);
    expect(quotes(`${LEAD}Officials of the Ministry of Defence and Lars Berg met on Monday. “It is done,” Berg said.`)).toEqual([["It is done,", "Lars Berg"]]);
  });

  it("SPK-7: a document described by more than its noun is named by it, and again by one of its words (“the draft says”)", () => {
    expect(
      quotes(
        `${LEAD}The 38-page draft coalition agreement, dated Thursday, leaves four chapters open.\n\nOn public finances, the draft says the coalition “will return the deficit below 3%”.`,
      ),
    ).toEqual([["will return the deficit ", "draft coalition agreement"]]);
  });

  it("SPK-1: a credit after a dash with no verb (““…” — Rep. Ana Ruiz, speaking to LRTV.”), and no place for a person", () => {
    expect(quotes(`${LEAD}“We are close on two chapters” — Rep. Ana Ruiz, speaking to LRTV between sessions.\n\n“Not today” — Lars Berg.`)).toEqual([
      ["We are close on two chap", "Ana Ruiz"],
      ["Not today", "Lars Berg"],
    ]);
    expect(quotes(`${LEAD}“Never” — Bonn, 5 October.`)).toEqual([["Never", null]]);
  });

  it("SPK-7: a brand's name is no person's, and “the authority's chief economist” is the one named as the ECMA's", () => {
    expect(
      quotes(
        `${LEAD}The Estmark Competition and Markets Authority (ECMA) said its review found problems.\n\nDr Oskar Wiśniewski, the ECMA's chief economist, told the briefing that prices would rise.\n\nFreshMart Nordic said it would cooperate.\n\n“We will also look at farmers,” the authority's chief economist added.`,
      ),
    ).toEqual([["We will also look at far", "Oskar Wiśniewski"]]);
  });

  it("SPK-1: a tag after a dash (““…” — Holm told reporters”)", () => {
    expect(quotes(`${LEAD}Nadia Holm spoke first. “We will not run out of beds. We may run short of staff” — Holm told reporters when pressed.`)).toEqual([
      ["We will not run out of b", "Nadia Holm"],
    ]);
  });

  it("SPK-7: “the ministry” after a name whose head comes before “of” (“Ministry of Health”)", () => {
    expect(
      quotes(
        `${LEAD}The Ministry of Health said in a statement that a navy ship would carry medicines.\n\nShops ran out of milk.\n\n“Nobody will go without treatment,” the ministry said.`,
      ),
    ).toEqual([["Nobody will go without t", "Ministry of Health"]]);
  });

  it("SPK-7: an institution is named by its name, not by the acronym the text gives it in brackets", () => {
    expect(
      quotes(
        `${LEAD}The dispute is over plans by the operator, Kessmouth Container Terminals (KCT), to replace cranes.\n\n“We will not move,” KCT said.\n\nThe Ardenian Dockers' Union (ADU) said: “We will strike.”`,
      ),
    ).toEqual([
      ["We will not move,", "Kessmouth Container Terminals"],
      ["We will strike.", "Ardenian Dockers' Union"],
    ]);
  });

  it("SPK-7: “the company” after a name that ends as company names do", () => {
    expect(
      quotes(`${LEAD}The ruling is a setback for Halvorsen Metals, which planned to expand.\n\n“We will appeal,” the company said in a statement.`),
    ).toEqual([["We will appeal,", "Halvorsen Metals"]]);
  });

  it("SPK-6: surnames with particles are whole (“de la Cruz”, “van der Berg”)", () => {
    expect(quotes(`${LEAD}Gen. Marco de la Cruz told the committee the cranes were “nearly ready”.\n\nDe la Cruz said: “We will deliver.”`)).toEqual([
      ["nearly ready", "Marco de la Cruz"],
      ["We will deliver.", "Marco de la Cruz"],
    ]);
    expect(quotes(`${LEAD}“Why should we believe you now?” asked Sen. Olivia van der Berg.`)).toEqual([["Why should we believe yo", "Olivia van der Berg"]]);
  });

  it("SPK-6: names with letters beyond Latin-1 are whole (“Wiśniewski”, “Łukasz Żak”, “Bilić”)", () => {
    expect(quotes(`${LEAD}Tomasz Wiśniewski, who owns a bakery, was angry.\n\n“We cannot wait,” Wiśniewski said.`)).toEqual([
      ["We cannot wait,", "Tomasz Wiśniewski"],
    ]);
    expect(quotes(`${LEAD}“It is hard,” said Mrs Zorica Bilić, 71, who moved in December.`)).toEqual([["It is hard,", "Zorica Bilić"]]);
    expect(quotes(`${LEAD}Łukasz Żak, the mayor, said: “Maybe.”`)).toEqual([["Maybe.", "Łukasz Żak"]]);
  });

  it("SPK-6: a surname joined to its particle by a hyphen (“el-Amrani”, “al-Masri”)", () => {
    expect(quotes(`${LEAD}“We will go to court,” said Nadia el-Amrani, the foreign minister.\n\n“We will win,” el-Amrani added.`)).toEqual([
      ["We will go to court,", "Nadia el-Amrani"],
      ["We will win,", "Nadia el-Amrani"],
    ]);
  });

  it("SPK-1: an inverted tag after a question or an exclamation", () => {
    expect(quotes(`${LEAD}“Why should we believe you now?” asked Sen. Olivia Berg.`)).toEqual([["Why should we believe yo", "Olivia Berg"]]);
    expect(quotes(`${LEAD}“Not one more night!” shouted crane driver Tomas Weller, to cheers.`)).toEqual([["Not one more night!", "Tomas Weller"]]);
  });

  it("SPK-7: a nationality noun for the person named last (“the Dane told reporters”, “said the Swede”)", () => {
    expect(quotes(`${LEAD}Anders Lykke was furious. “That was never a penalty,” the Dane told reporters.`)).toEqual([
      ["That was never a penalty", "Anders Lykke"],
    ]);
    expect(quotes(`${LEAD}Anders Lykke was furious. “That was never a penalty,” said the Swede.`)).toEqual([["That was never a penalty", "Anders Lykke"]]);
  });

  it("SPK-8: a name beside the object of a preposition is not the subject", () => {
    expect(quotes(`${LEAD}The letter, dated May 2 and signed by the chief inspector, Edda Brun, said crews had worked “far beyond the limits”.`)).toEqual([
      ["far beyond the limits", "letter"],
    ]);
    expect(quotes(`${LEAD}A letter to the mayor, Lisbet Ohm, said the quays were “unsafe”.`)).toEqual([["unsafe", "letter"]]);
    // The head of a body is the person named beside the phrase.
    expect(quotes(`${LEAD}The head of the port authority, Aldo Venn, said the offer was “final”.`)).toEqual([["final", "Aldo Venn"]]);
  });

  it("SPK-7: a former colleague or a friend is an unnamed source", () => {
    expect(quotes(`${LEAD}A former colleague described Brun as “the most thorough inspector we had”.`)).toEqual([
      ["the most thorough inspec", "unnamed source"],
    ]);
  });

  it("SPK-7: an indefinite description is someone new, not the person named before with that role", () => {
    expect(
      quotes(
        `${LEAD}“The offer is thin,” said Maja Persson, an analyst at Storbank.\n\nChief executive Anna Wik spoke next. Asked by one analyst whether the port would be sold, she said it had “no plans to announce”.`,
      ),
    ).toEqual([
      ["The offer is thin,", "Maja Persson"],
      ["no plans to announce", "Anna Wik"],
    ]);
  });

  it("SPK-1: a tag verb of manner (fumed, laughed, whispered)", () => {
    expect(quotes(`${LEAD}“Two decisions, two mistakes,” Aldo Venn fumed.`)).toEqual([["Two decisions, two mista", "Aldo Venn"]]);
    expect(quotes(`${LEAD}“The side that wins, hopefully,” Pilar Ambe laughed.`)).toEqual([["The side that wins, hope", "Pilar Ambe"]]);
    // A manner of saying reports nothing on its own, and agreeing to do something is no speech.
    expect(extractArticle(`${LEAD}Ambe laughed when told of the offer.`, { issues: [] }).claims.filter((c) => c.kind === "reported")).toEqual([]);
    expect(extractArticle(`${LEAD}Ohm and Venn also agreed to set up two working groups.`, { issues: [] }).claims.filter((c) => c.kind === "reported")).toEqual(
      [],
    );
  });

  it("SPK-3: “he says” after a first name set beside a description of a person", () => {
    expect(
      quotes(
        `${LEAD}Across the quay, Tomasz, a 28-year-old welder who did not want his surname published, sees it differently. “It will be quieter,” he says.`,
      ),
    ).toEqual([["It will be quieter,", "Tomasz"]]);
  });

  it("SPK-7: a bare spokeswoman speaks for the body just named", () => {
    expect(quotes(`${LEAD}The port authority said it would review the findings. A spokeswoman said there was “no evidence at present” of harm.`)).toEqual([
      ["no evidence at present", "port authority"],
    ]);
  });

  it("SPK-1: a role the tagger reads as an adjective, then the name apposed to it", () => {
    expect(quotes(`${LEAD}“This is a first step,” the union's chief, Pilar Ambe, said in a statement. “We stand ready.”`)).toEqual([
      ["This is a first step,", "Pilar Ambe"],
      ["We stand ready.", "Pilar Ambe"],
    ]);
  });

  it("SPK-8: a body with where it sits speaks, not the place", () => {
    expect(quotes(`${LEAD}The harbour office in Sandhaven said in a readout that both sides had “agreed to talk”.`)).toEqual([
      ["agreed to talk", "harbour office"],
    ]);
  });

  it("SPK-11: “Two people familiar with the talks” are unnamed sources, not the two people named last", () => {
    expect(quotes(`${LEAD}Lisbet Ohm phoned Aldo Venn. Two people familiar with the call said the talks would be “very short”.`)).toEqual([
      ["very short", "unnamed source"],
    ]);
  });

  it("SPK-1: a name past an age and a description set off by commas, and a name with where the person works", () => {
    expect(reportedSpeakers("Pilar Ambe, 52, a former crane driver, has said the union will not sign.")).toEqual(["Pilar Ambe"]);
    expect(reportedSpeakers("Labour historian Lena Moe of Sandhaven University said the strike was the longest since 1998.")).toEqual(["Lena Moe"]);
  });

  it("SPK-3: a relative named beside her role, then “she said”", () => {
    expect(
      quotes(
        `${LEAD}Pilar Ambe was on the picket line all night.\n\nAmbe's mother, Eva, said she had not slept. “When the phone rang, I could not breathe,” she said.`,
      ),
    ).toEqual([["When the phone rang, I c", "Eva"]]);
  });

  it("SPK-8: a place inside a phrase before the verb does not speak", () => {
    const reported = extractArticle(`${LEAD}Two crane drivers rescued from the top of Mount Skarv on Sunday said they had been stuck for hours.`, {
      issues: [],
    }).claims.filter((c) => c.kind === "reported");
    expect(reported.map((c) => c.speaker)).not.toContain("Mount Skarv");
  });

  it("SPK-8: phrases inside phrases before the verb, up to the person they describe", () => {
    const reported = extractArticle(`${LEAD}An aide to the chairman of the port authority said the board would meet.`, { issues: [] }).claims.filter(
      (c) => c.kind === "reported",
    );
    expect(reported.map((c) => c.speaker)).toEqual(["unnamed source"]);
  });

  it("SPK-7: “one driver” is not a driver named in the story's other articles, unless the article names them further on", () => {
    const first = extractArticle(`${LEAD}“We are not moving,” said crane driver Tomas Weller.`, { issues: [] });
    const second = (text: string) =>
      extractArticle(text, { issues: [], speakers: first.speakers })
        .claims.filter((c) => c.kind === "quote")
        .map((c) => c.speaker);
    expect(second(`${LEAD}“I have been sitting here for two hours,” said one driver.`)).toEqual(["unnamed source"]);
    expect(second(`${LEAD}The cranes are “partly” back in use, according to a driver.\n\nCrane driver Tomas Weller spoke on Monday.`)).toEqual([
      "Tomas Weller",
    ]);
  });

  it("SPK-11: a group speaks as itself in reported speech, and a group is not the two people named last", () => {
    expect(reportedSpeakers("The operators say the rota is needed to clear the backlog.")).toEqual(["operators"]);
    expect(reportedSpeakers("Cruise companies have warned the cap could push them to other ports.")).toEqual(["cruise companies"]);
    expect(reportedSpeakers("Aldo Venn met Pilar Ambe. The case was brought by two environmental groups, who argued that the quay was unsafe.")).not.toContain(
      "Aldo Venn; Pilar Ambe",
    );
    // A group inside a phrase is not the subject: the poll found it.
    expect(quotes(`${LEAD}A poll published last month found that 58% of voters believed the strike was “justified”.`)).toEqual([["justified", "poll"]]);
  });

  it("SPK-3: “he said” after an unnamed worker is the unnamed source, not a company named beside a role before", () => {
    expect(
      quotes(
        `${LEAD}The yard's owner, Nordhaven Marine, said it was pleased. One welder, who asked not to be named, said younger members had voted against the deal. “We work every other Saturday,” he said.`,
      ),
    ).toEqual([["We work every other Satu", "unnamed source"]]);
    expect(quotes(`${LEAD}Tomas Weller spoke first.\n\nThe yard's owner, Nordhaven Holdings, said it was pleased. “We work every Saturday,” he said.`)).toEqual(
      [["We work every Saturday,", "Tomas Weller"]],
    );
  });

  it("SPK-5: a surname alone is the person this article named, not a namesake of the story's other articles", () => {
    const first = extractArticle(`${LEAD}“It is a scandal,” Holt said. Rasmus Holt has led the dockers' union since 2019.`, { issues: [] });
    const second = extractArticle(
      `${LEAD}Greens leader Sara Holt spoke on Sunday.\n\nHolt, 39, a former climate scientist, has said her party will not join the council.`,
      {
        issues: [],
        speakers: first.speakers,
      },
    );
    expect(second.claims.filter((c) => c.kind === "reported").map((c) => c.speaker)).toEqual(["Sara Holt"]);
  });

  it("SPK-11: people speaking together are one speaker, whichever of them the article names first", () => {
    const joint = (text: string) => quotes(`${LEAD}${text}`)[0]?.[1];
    expect(joint("Mayor Lisbet Ohm met harbour chief Aldo Venn. The two praised a “historic” settlement.")).toBe(
      joint("Harbour chief Aldo Venn met Mayor Lisbet Ohm. The two praised a “historic” settlement."),
    );
    expect(joint("Mayor Lisbet Ohm met harbour chief Aldo Venn. Both leaders praised a “historic” settlement.")).toBe("Aldo Venn; Lisbet Ohm");
    expect(joint("Lisbet Ohm and Aldo Venn praised a “historic” settlement.")).toBe(joint("Aldo Venn and Lisbet Ohm praised a “historic” settlement."));
  });

  it("SPK-2: an interview's label before the answer", () => {
    expect(quotes(`${LEAD}Harbour commissioner Ingrid Moen spoke to the Courier.\n\nQ: Why housing?\n\nMoen: “Because the city has run out of land.”`)).toEqual(
      [["Because the city has run", "Ingrid Moen"]],
    );
  });

  it("SPK-1: a name, then a role at an institution, then the verb", () => {
    const claims = extractArticle(`${LEAD}Hanna Lindqvist, a transport analyst at the University of Arvik, said the strike was typical of port disputes.`, {
      issues: [],
    }).claims;
    expect(claims.find((c) => c.kind === "reported")?.speaker).toBe("Hanna Lindqvist");
  });

  it("SPK-7: “the airline” is the airline named before, and an air force title stays a title", () => {
    const claims = extractArticle(
      `${LEAD}Nordic Air called the strike “unnecessary”. In a statement, the airline said its rosters met the rules.\n\nAir Marshal Jon Dahl said the jets were “ready”.`,
      { issues: [] },
    ).claims;
    expect(claims.filter((c) => c.kind === "reported").map((c) => c.speaker)).toEqual(["Nordic Air", "Nordic Air", "Jon Dahl"]);
  });

  it("SPK-7: “the company” and “it” for a rail company and for a shipyard named beside its description", () => {
    expect(quotes(`${LEAD}Rail operator Arland Rail said the line would stay shut. “Safety comes first,” the company said.`)).toEqual([
      ["Safety comes first,", "Arland Rail"],
    ]);
    expect(
      quotes(
        `${LEAD}Aldo Venn chaired the hearing. The shipyard, Nordhaven Marine, said it would deliver on time. It blamed the delays on “changes requested by the port”.`,
      ),
    ).toEqual([["changes requested by the", "Nordhaven Marine"]]);
  });

  it("SPK-11: joint speakers", () => {
    expect(quotes(`${LEAD}The union and its supporters maintain the rota was “imposed”.`)).toEqual([["imposed", "union; supporters"]]);
    expect(
      quotes(`${LEAD}Mayor Lisbet Ohm met harbour chief Aldo Venn. After the count the two mayors praised a “historic” settlement.`)[0]?.[1]
        ?.split("; ")
        .sort(),
    ).toEqual(["Aldo Venn", "Lisbet Ohm"]);
    // The pair is the last two named before the words, however often they are named further on.
    expect(
      quotes(
        `${LEAD}Mayor Lisbet Ohm met harbour chief Aldo Venn.\n\nAfter the count the two mayors praised a “historic” settlement.\n\nOhm left for the airport. Venn stayed with the crews, and Ohm phoned him that night.`,
      )[0]?.[1]
        ?.split("; ")
        .sort(),
    ).toEqual(["Aldo Venn", "Lisbet Ohm"]);
  });

  it("SPK-5: a double surname or a surname with a capitalised particle alone is the person named in full", () => {
    expect(quotes(`${LEAD}Matteo Di Salvo, a former harbour master, doubted the figures. “The berths are far emptier,” Di Salvo said.`)).toEqual([
      ["The berths are far empti", "Matteo Di Salvo"],
    ]);
    expect(quotes(`${LEAD}The mediator, Rafael Ibáñez Soler, arrived on Monday. “Both sides have moved,” Mr Ibáñez Soler said.`)).toEqual([
      ["Both sides have moved,", "Rafael Ibáñez Soler"],
    ]);
    // Another person of the same surname stays another person.
    expect(quotes(`${LEAD}Rafael Ibáñez Soler chairs the talks. “We are close,” said Ana Soler, a union lawyer.`)).toEqual([["We are close,", "Ana Soler"]]);
  });

  it("SPK-7: a body named as it is described (“a group calling itself …”) speaks as that name, and “the group” is it", () => {
    expect(
      quotes(
        `${LEAD}Velmar Holdings said its booking system was down. A group calling itself Red Lantern claimed the attack, saying it had taken “two terabytes” of files.\n\n“Velmar ignored every warning,” the group wrote.\n\nThe company said in a statement that it “will not pay”.`,
      ),
    ).toEqual([
      ["two terabytes", "Red Lantern"],
      ["Velmar ignored every war", "Red Lantern"],
      ["will not pay", "Velmar Holdings"],
    ]);
    expect(reportedSpeakers("A militia known as the Dawn Brigade said it had no part in the attack.")).toEqual(["Dawn Brigade"]);
    // "called" after "the union" is the union's verb, not the name it goes by.
    expect(quotes(`${LEAD}Helga Strand threatened a law. The union called Strand's threat a bluff. “We will not be frightened,” the union said.`)).toEqual([
      ["We will not be frightene", "union"],
    ]);
  });

  it("SPK-1: military ranks, hyphenated or not, are titles, not part of the name", () => {
    expect(reportedSpeakers("Major-General Rüstem Koçyiğit said the lists were late.")).toEqual(["Rüstem Koçyiğit"]);
    expect(reportedSpeakers("Private Emre Doğangün said he had been held for weeks.")).toEqual(["Emre Doğangün"]);
    expect(reportedSpeakers("Lieutenant-Colonel Ana Brekke said the convoy was ready.")).toEqual(["Ana Brekke"]);
  });

  it("QTE-1: a document's quoted verb and what else it quotes are the document's, “it” included", () => {
    expect(quotes(`${LEAD}The latest draft “reaffirms” an earlier pledge to “end coal by 2040” but sets no date.`)).toEqual([
      ["reaffirms", "draft"],
      ["end coal by 2040", "draft"],
    ]);
    expect(quotes(`${LEAD}Delegates said the draft no longer names the big emitters. It now “urges” all countries to act “within a year”.`)).toEqual([
      ["urges", "draft"],
      ["within a year", "draft"],
    ]);
    // A term the text is said to mention is nobody's words.
    expect(quotes(`${LEAD}The text “urges” all countries to act, but drops an earlier reference to “major emitters”.`)).toEqual([["urges", "text"]]);
  });

  it("QTE-1: whatever a document does with quoted words, they are its own", () => {
    expect(quotes(`${LEAD}The draft commits the government to “a primary surplus of at least 1% of GDP by 2028”.`)).toEqual([
      ["a primary surplus of at ", "draft"],
    ]);
  });

  it("SPK-7: “the finance ministry” is not a ministry of another field named before", () => {
    expect(
      quotes(
        `${LEAD}The Ministry of Energy said fuel stocks would last a month.\n\nThe finance ministry called the report “malicious gossip”. A spokeswoman for the finance ministry said it was “not a plan”.\n\nThe energy ministry said it had “no comment”.`,
      ),
    ).toEqual([
      ["malicious gossip", "finance ministry"],
      ["not a plan", "finance ministry"],
      ["no comment", "Ministry of Energy"],
    ]);
  });

  it("SPK-3: “it” after a body the sentence addresses (“in a response to the Ledger”) is the body of the sentence before", () => {
    expect(
      quotes(`${LEAD}The port authority rejected the estimate. In a written response to the Harbour Ledger, it said its reserves were “more than adequate”.`),
    ).toEqual([["more than adequate", "port authority"]]);
  });

  it("SPK-7: a company by the first word of its name, and “the company” after it named so in the sentence before", () => {
    expect(
      quotes(
        `${LEAD}Analysts at Brindle Securities cut their forecasts. Corvana Health, the insurer, lost a fifth of its value.\n\nCorvana said it would “defend itself”. Corvana declined to comment further. The company said it “will not pay”.`,
      ),
    ).toEqual([
      ["defend itself", "Corvana Health"],
      ["will not pay", "Corvana Health"],
    ]);
    // A country's body is not named by its country alone, nor a person by a company's first word.
    expect(
      quotes(
        `${LEAD}Qasaria's foreign ministry denied it. Qasaria said the lists were “complete”. Morgan Freight and its founder, Ada Morgan, disagreed. Morgan said they were “not”.`,
      ),
    ).toEqual([
      ["complete", "Qasaria"],
      ["not", "Ada Morgan"],
    ]);
  });

  it("SPK-7: a family speaks as itself, named by whose it is, and “the statement” it issued is its own", () => {
    expect(
      quotes(
        `${LEAD}Police named the driver who died as Tomas Wielgosz, 58. His family said in a statement that he had gone back for a neighbour. “He never walked past anyone in trouble,” the statement said.\n\nThe family of Ana Prieto-Lund, who was hurt, said she was “recovering well”.`,
      ),
    ).toEqual([
      ["He never walked past any", "Wielgosz family"],
      ["recovering well", "Prieto-Lund family"],
    ]);
  });

  it("SPK-7: “the lawyer”, never named, is not the person named last", () => {
    expect(quotes(`${LEAD}Jonas Pell denies the charges. “He is innocent and will be cleared,” the lawyer said.`)).toEqual([
      ["He is innocent and will ", "unnamed source"],
    ]);
  });

  it("SPK-1: a tag after the quote naming the speaker after a possessive (“Norway's Foreign Minister Anna Berg told”)", () => {
    expect(
      quotes(
        `${LEAD}“We are close,” Vaalmark's Foreign Minister Pieter-Jan van der Loos told journalists.\n\n“We are not,” Norway's Foreign Minister Anna Berg told journalists.`,
      ),
    ).toEqual([
      ["We are close,", "Pieter-Jan van der Loos"],
      ["We are not,", "Anna Berg"],
    ]);
  });

  it("SPK-11: a role usually left unnamed (“its chief negotiator”, “a senior official”) named beside it is that person", () => {
    expect(
      quotes(
        `${LEAD}“We want more,” the union's chief negotiator, Ana Lima, told reporters.\n\nThe ministry wants “a deal by May”, its senior official, Jon Berg, said.`,
      ),
    ).toEqual([
      ["We want more,", "Ana Lima"],
      ["a deal by May", "Jon Berg"],
    ]);
    // Unnamed, it stays an unnamed source.
    expect(quotes(`${LEAD}“We want more,” the union's chief negotiator told reporters.`)).toEqual([["We want more,", "unnamed source"]]);
  });

  it("SPK-7: a body named beside its description with its acronym after the name", () => {
    expect(reportedSpeakers("The operator, Kessby Container Terminals (KCT), said in a statement that it was disappointed.")).toEqual([
      "Kessby Container Terminals",
    ]);
  });

  it("SPK-11: “two lawmakers”, “three jurors” are people not yet named, unlike “the two leaders”; a juror who would not be named is an unnamed source", () => {
    expect(reportedSpeakers("Mayor Lisbet Ohm met harbour chief Aldo Venn on Monday. The hearing will go ahead next week, two lawmakers said.")).toEqual([
      "lawmakers",
    ]);
    expect(quotes(`${LEAD}Prosecutor Amir Haddad spoke first. “A sad day,” said one juror, who did not want to be named.`)).toEqual([
      ["A sad day,", "unnamed source"],
    ]);
  });

  it("SPK-7: a spokesman for a body set beside whose it is (“for Pell's former employer, Vantis Group.”) speaks for the body", () => {
    expect(quotes(`${LEAD}Jonas Pell was convicted. “No comment,” said a spokesman for Pell's former employer, Vantis Group.`)).toEqual([
      ["No comment,", "Vantis Group"],
    ]);
  });

  it("SPK-3: ““…,” his lawyer said” is someone unnamed, not the person named before, and the words are kept", () => {
    expect(quotes(`${LEAD}Jonas Pell denies all charges. “He is innocent,” his lawyer said.`)).toEqual([["He is innocent,", "unnamed source"]]);
  });

  it("SPK-7: a spokeswoman after her body in the same sentence, and a forecaster never named", () => {
    expect(
      quotes(
        `${LEAD}The Coast Authority said costs could reach £30m, though a spokeswoman cautioned that the figure was “very early”. “Rivers will stay high,” a forecaster said.`,
      ),
    ).toEqual([
      ["very early", "Coast Authority"],
      ["Rivers will stay high,", "unnamed source"],
    ]);
  });

  it("SPK-7: “its spokesman” speaks for the body just named", () => {
    expect(
      quotes(`${LEAD}The Harbour Federation did not comment. Its spokesman, however, wrote on Telegram that the ministry had “sabotaged” the talks.`),
    ).toEqual([["sabotaged", "Harbour Federation"]]);
  });

  it("SPK-2: a quote that ends its sentence is not tagged by someone new whose verb opens a clause of its own", () => {
    expect(quotes(`${LEAD}Asked about the cuts, Mayor Ana Reis said: “Every job matters.” A port source said ministers had been told “days ago”.`)).toEqual([
      ["Every job matters.", "Ana Reis"],
      ["days ago", "unnamed source"],
    ]);
  });

  it("SPK-2: a colon after a subject and the name set beside it (“The Rovers boss, Ian Frey, was less happy:”)", () => {
    expect(quotes(`${LEAD}Sam Holt was pleased. The Rovers boss, Ian Frey, was less happy: “We were poor.”`)).toEqual([["We were poor.", "Ian Frey"]]);
  });

  it("SPK-4: a quotation running on into a tagged paragraph is the tag's speaker, over the voice of the paragraph before", () => {
    expect(
      quotes(
        `${LEAD}The board's chief executive, Felix Aho, acknowledged “unacceptable delays”.\n\n“We hear the frustration. We are opening 40 beds.\n\n“But hiring is hard,” the board said in a statement.`,
      ).map(([, speaker]) => speaker),
    ).toEqual(["Felix Aho", "board", "board"]);
  });

  it("SPK-7: “the opposition” speaks as itself", () => {
    expect(quotes(`${LEAD}The opposition refused to accept the result, saying the count was “riddled with errors”.`)).toEqual([
      ["riddled with errors", "opposition"],
    ]);
  });

  it("SPK-2: “said one” of people just described is an unnamed source, and “X was quoted as saying by” is X", () => {
    expect(quotes(`${LEAD}Passengers were furious. “Nobody told us anything,” said one, a nurse who gave her first name only.`)).toEqual([
      ["Nobody told us anything,", "unnamed source"],
    ]);
    expect(quotes(`${LEAD}“Safety comes first,” Olav Berg was quoted as saying by the Nordic Post.`)).toEqual([["Safety comes first,", "Olav Berg"]]);
  });
});
