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

  it("does not take labels, dates, ordinals or figures of speech for figures (FIG-8)", () => {
    expect(figures("The 20-point plan cites Article 5.")).toEqual([]);
    expect(figures("They met on Dec. 28, 2025, and again in February 2022.")).toEqual([]);
    expect(figures("Tickets for under-18s stay frozen until 2028.")).toEqual([]);
    expect(figures("The 2022-23 season ended early.")).toEqual([]);
    expect(figures("Nobody expects a one-week miracle.")).toEqual([]);
    expect(figures("The union backs a five-point programme and a two-state formula.")).toEqual([]);
    expect(figures("It was the third meeting and the first vote; one day the quays will be quiet.")).toEqual([]);
    expect(figures("No one asked, and the two leaders shook hands at Channel Four.")).toEqual([]);
  });

  it("reads durations and money with their unit and scale (FIG-1)", () => {
    expect(figures("The council approved a 90-day moratorium.")[0]).toMatchObject({ value: 90, unit: "days" });
    expect(figures("Corvane plans a $4.2 billion expansion.")[0]).toMatchObject({ value: 4_200_000_000, unit: "USD" });
    expect(pick("The ministry set aside Rs 500 crore and USD 2 billion, and ₹40 lakh more.")).toEqual([
      [5_000_000_000, "INR"],
      [2_000_000_000, "USD"],
      [4_000_000, "INR"],
    ]);
    expect(pick("Bids reached 1.5bn. The wall is 12km long and the crane lifts 40 tonnes.")).toEqual([
      [1_500_000_000, ""],
      [12, "km"],
      [40, "tonnes"],
    ]);
    expect(pick("Nearly half a million people live there.")).toEqual([[500_000, "people"]]);
    expect(figures("The hearing ran one hour and 40 minutes.")[0]).toMatchObject({ value: 100, unit: "minutes" });
    expect(figures("The count took 2 hours 30 minutes.")[0]).toMatchObject({ value: 150, unit: "minutes" });
  });

  it("reads counts written in words (FIG-2)", () => {
    expect(pick("Three inspectors resigned.")).toEqual([[3, "inspectors"]]);
    expect(pick("They repaired the remaining five cranes.")).toEqual([[5, "cranes"]]);
    expect(pick("Valdoria formed two working groups and named eleven harbour pilots.")).toEqual([
      [2, "working groups"],
      [11, "harbour pilots"],
    ]);
    expect(pick("The port cut fees just once this year.")).toEqual([[1, "times"]]);
    expect(pick("Crews lost nine cranes, one of which was later found, and two of them were rebuilt.")).toEqual([
      [9, "cranes"],
      [1, ""],
      [2, ""],
    ]);
    expect(pick("It was one of the longest strikes in memory.")).toEqual([]);
  });

  it("reads vague magnitudes as their lower bound, with what they count (FIG-3)", () => {
    expect(pick("Tens of thousands of containers are stuck.")).toEqual([[10_000, "containers"]]);
    expect(pick("The strike has cost millions of euros.")).toEqual([[1_000_000, "EUR"]]);
    expect(pick("Hundreds of dockers marched.")).toEqual([[100, "dockers"]]);
  });

  it("reads ranges as LOW-HIGH, and scores (FIG-4)", () => {
    expect(range("Only one or two berths are free.")).toEqual([["1-2", "berths"]]);
    expect(range("Fees will rise between 4.5 percent and 4.75 percent.")).toEqual([["4.5-4.75", "%"]]);
    expect(range("The board expects 4.5 to 4.75 percent.")).toEqual([["4.5-4.75", "%"]]);
    expect(range("The union asked for 20, 25 or 30 years of cover.")).toEqual([["20-30", "years"]]);
    expect(range("Repairs take two to three weeks.")).toEqual([["2-3", "weeks"]]);
    expect(range("Sandhaven won 2-1 on Saturday.")).toEqual([["2-1", ""]]);
    expect(range("Sandhaven moved clear after a 3-2 win over Port Alva.")).toEqual([["3-2", ""]]);
    expect(range("Most crews are in their mid-40s.")).toEqual([["44-46", ""]]);
    expect(range("The expansion could cost $2bn-$3bn.")).toEqual([["2000000000-3000000000", "USD"]]);
    expect(range("Fees rose from 3% to 5% this year.")).toEqual([
      ["3", "%"],
      ["5", "%"],
    ]);
  });

  it("reads fractions, an hour and multiples (FIG-5)", () => {
    expect(pick("The board approved a quarter-point rise.")).toEqual([[0.25, "points"]]);
    expect(pick("Fees rose by half a point.")).toEqual([[0.5, "points"]]);
    expect(pick("After a three-and-a-half-hour meeting, talks broke up.")).toEqual([[3.5, "hours"]]);
    expect(pick("The queue was twice as long as last week's.")).toEqual([[2, "x"]]);
    expect(pick("They argued for more than an hour.")).toEqual([[1, "hours"]]);
    expect(pick("The ferry took an hour and 20 minutes.")).toEqual([[80, "minutes"]]);
    expect(pick("Two-thirds of members backed the deal and a quarter of the fleet stayed in port.")).toEqual([
      [66.7, "%"],
      [25, "%"],
    ]);
    expect(pick("It was a third term for the mayor.")).toEqual([]);
    expect(pick("A quarter of a million people signed the petition.")).toEqual([[250_000, ""]]);
    expect(pick("The two sides have met three times since January; the queue was three times as long.")).toEqual([
      [3, "times"],
      [3, "x"],
    ]);
    // A change by a share of the whole, and a share of a unit.
    expect(pick("Cargo volumes have fallen by almost a third since 2019.")).toEqual([[33.3, "%"]]);
    expect(pick("The operator cut its fleet by a fifth.")).toEqual([[20, "%"]]);
    expect(pick("Port fees rose by a quarter of a percentage point in May.")).toEqual([[0.25, "points"]]);
  });

  it("counts a part in the unit of its whole", () => {
    expect(pick("The bloc won 87 of parliament's 175 seats.")).toEqual([
      [87, "seats"],
      [175, "seats"],
    ]);
    expect(pick("Only 3 out of 10 crews returned.")).toEqual([
      [3, "crews"],
      [10, "crews"],
    ]);
  });

  it("reads counts in compounds, after 'record' and elliptic units (FIG-6)", () => {
    expect(pick("A 40-container backlog built up.")).toEqual([[40, "containers"]]);
    expect(pick("Crews handled a record 512 sailings.")).toEqual([[512, "sailings"]]);
    expect(pick("Inspectors took 150 DNA samples at 10 Harbour Road.")).toEqual([[150, "DNA samples"]]);
    expect(pick("Sandhaven lost in three days and Port Alva in five.")).toEqual([
      [3, "days"],
      [5, "days"],
    ]);
  });

  it("reads ages as years, whatever their notation (FIG-7)", () => {
    expect(pick("Ambe, 52, said the vote was close.")).toEqual([[52, "years"]]);
    expect(pick("A 29-year-old crane driver was hurt.")).toEqual([[29, "years"]]);
    expect(pick("The pilot is 61 years old and joined 14 years ago.")).toEqual([
      [61, "years"],
      [14, "years"],
    ]);
    expect(pick("The victim, aged 27, lived nearby.")).toEqual([[27, "years"]]);
    expect(range("Most pilots are in their 50s.")).toEqual([["50-59", "years"]]);
  });

  it("reads “a second day” as an ordinal, not a duration, and a score after “beating”", () => {
    expect(pick("Farmers blocked the roads for a second day. Talks paused for a second before resuming.")).toEqual([[1, "seconds"]]);
    expect(range("Rovers reached the final, beating City 2-1 after extra time.")).toEqual([["2-1", ""]]);
  });

  it("reads an amount written as one adjective (“a 900-million-crown contract”, “a $2-billion deal”)", () => {
    expect(pick("It won a 900-million-crown contract, a $2-billion deal and a €5-million grant.")).toEqual([
      [900_000_000, "crowns"],
      [2_000_000_000, "USD"],
      [5_000_000, "EUR"],
    ]);
  });

  it("ends a counted unit at a direction or a day", () => {
    expect(figures("He farms 80 hectares west of Skelda.").map((f) => f.unit)).toEqual(["hectares"]);
    expect(figures("About 300 homes yesterday lost power.").map((f) => f.unit)).toEqual(["homes"]);
  });

  it("reads a count with no noun of its own: the subject of a clause, a part of a whole under a possessive, a number with thousands separators", () => {
    expect(pick("Of 146 cabins, 139 were taken. So far 85 have sailed.")).toEqual([
      [146, "cabins"],
      [139, "cabins"],
      [85, ""],
    ]);
    expect(pick("She has won 11 of her 43 races.")).toEqual([
      [11, "races"],
      [43, "races"],
    ]);
    expect(pick("The crowd was 31,406 in a ground that holds 38,500.")).toEqual([
      [31_406, ""],
      [38_500, ""],
    ]);
    // Not a count: a year, a room, a number in a name.
    expect(pick("In 2024 Room 101 was closed, and Gate 12 was shut.")).toEqual([]);
  });

  it("reads temperatures, and a label or a lower-case letter after a number is none", () => {
    expect(pick("Highs of 38C are expected on Sunday, 41 °C on Monday and 100F inland, with minus 5C at night.")).toEqual([
      [38, "°C"],
      [41, "°C"],
      [100, "°F"],
      [-5, "°C"],
    ]);
    expect(pick("Section 38C of the act applies.")).toEqual([]);
    expect(pick("He ticked box 5c.")).toEqual([]);
  });

  it("reads “one” as a duration before a time word, not alone", () => {
    expect(pick("One week after the alarm, the virus had spread.")).toEqual([[1, "weeks"]]);
    expect(pick("One month earlier the port was calm.")).toEqual([[1, "months"]]);
    expect(pick("One day I will go back.")).toEqual([]);
  });

  it("does not count “one” in someone the text does not name", () => {
    expect(pick("“Not again,” one user wrote. “Why now?” one reader asked.")).toEqual([]);
    expect(pick("“Not again,” said one commuter.")).toEqual([]);
    expect(pick("Only one official was on duty.")).toEqual([[1, "official"]]);
    expect(pick("“It went well,” one of them said.")).toEqual([]);
    expect(pick("Nine items were listed, one of which was dropped.")).toEqual([
      [9, "items"],
      [1, ""],
    ]);
  });
});

function pick(text: string): [number, string][] {
  return figures(text).map((f) => [f.value, f.unit]);
}

function range(text: string): [string, string][] {
  const { paragraphs, sentences, tokens } = splitSentences(text);
  const verbs = findSpeechVerbs(sentences, tokens, findQuotes(text, paragraphs));
  return findFigures(text, sentences, tokens, verbs).map((f) => [f.high === undefined ? String(f.value) : `${f.value}-${f.high}`, f.unit]);
}
