/** How each stage of the quote sieve found a speaker, in words for a reader. */
const STAGES: [RegExp, string][] = [
  [/^tag:after-quote/u, "the speech tag right after the quote"],
  [/^tag:before-quote/u, "the speech tag that introduces the quote"],
  [/^tag:quoted-as-saying/u, "“quoted … as saying”"],
  [/^tag:later-in-sentence/u, "the speech tag later in the quote's sentence"],
  [/^(?:tag:)?according-to/u, "“according to”"],
  [/^frame:passive-agent/u, "the agent of the verb framing the quote (“by …”)"],
  [/^frame:/u, "the subject of the verb that weaves the quote into the sentence"],
  [/^clause:noun-phrase:joint/u, "the plural subject of the clause, read as the people named just before"],
  [/^clause:.*joint/u, "the joint subject of the clause"],
  [/^clause:/u, "the subject of the clause the quote sits in"],
  [/^nested:outer-reporter/u, "the outer reporter of a reported statement"],
  [/^continuation:paragraph/u, "the previous quote of the same paragraph"],
  [/^continuation:run-on/u, "a quotation running on across paragraphs"],
  [/^continuation:coordinated/u, "the tag of the quote it is joined to (“… and …,” she said)"],
  [/^continuation:previous-paragraph/u, "the speaker of the paragraph before"],
  [/^reported:/u, "the subject of the reporting verb"],
];

const MENTIONS: Record<string, string> = {
  pronoun: "a pronoun, resolved to the likeliest person mentioned before it (gender, distance, subject position, salience)",
  description: "a description, linked to the person or body it names",
  relative: "a relative pronoun, linked to its antecedent",
  name: "a name",
};

/**
 * Says in words why the pipeline credited a speaker, from its reason code
 * ("tag:after-quote:pronoun" → "pronoun after the quote …"). Null when there is nothing to say.
 */
export function describeAttribution(reason: string | null, mention: string | null, speaker: string | null): string | null {
  if (!reason) return null;
  if (reason === "narration") return "The outlet's own narration: no speaker is credited.";
  if (reason === "unattributed" || !speaker) return "No speaker could be found for this claim; it is kept with a low confidence.";
  const stage = STAGES.find(([re]) => re.test(reason))?.[1] ?? "the sentence's structure";
  const kind = reason.split(":").pop() ?? "";
  const how = MENTIONS[kind];
  if (mention && how) return `Credited to ${speaker} through ${stage}: “${mention}” is ${how}.`;
  return `Credited to ${speaker} through ${stage}.`;
}
