/**
 * Framing in words: a short plain-language description of how one source tells an issue, built only
 * from its measures (whose voice leads, who is absent, loaded verbs and hedges, prominence). Editors read
 * words, not z-scores; the statistics stay available behind the description.
 *
 * @see Monroe, Colaresi & Quinn (2008), "Fightin' Words", Political Analysis 16(4) — the measures it summarises.
 */
import { verbLemma, ATTRIBUTION_VERBS } from "@/lib/nlp/framing";
import { weightOf } from "./clusters";
import type { FramingMeasures } from "./framing-measures";

/** `copies` or `weight`: the claims one stands for when copies were read folded (`AnalysisClaim.copies`, `.weight`); each counts. */
export type DescribedClaim = {
  kind: "quote" | "reported" | "narration";
  speaker: string | null;
  verb: string | null;
  copies?: readonly string[];
  weight?: number;
};

export type FramingWordsInput = {
  measures: Pick<FramingMeasures, "claimCount" | "kinds" | "voices" | "dominantVoice" | "coverage" | "prominence" | "hedges">;
  /** The source's claims on the issue (for which verbs it uses for whom), or those verbs already found ({@link describedVerbs}). */
  claims: readonly DescribedClaim[] | { verbs: readonly DescribedVerb[] };
  /** Actors other sources carry on the issue that this one does not quote, most carried first. */
  absent: readonly string[];
};

function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}’` : `${name}’s`;
}

function orList(names: readonly string[], joiner: string): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} ${joiner} ${names.at(-1)}`;
}

export type DescribedVerb = { verb: string; speakers: string[] };

/** The loaded verbs {@link describeFraming} names for these claims (at most two), with whom each is used for. */
export function describedVerbs(claims: readonly DescribedClaim[]): DescribedVerb[] {
  return loadedVerbs(claims).slice(0, 2);
}

/** Non-neutral attribution verbs and whom they are used for, most used first. */
function loadedVerbs(claims: readonly DescribedClaim[]): DescribedVerb[] {
  const uses = new Map<string, { count: number; speakers: Map<string, number> }>();
  for (const claim of claims) {
    if (!claim.verb) continue;
    const lemma = verbLemma(claim.verb);
    if (!lemma || ATTRIBUTION_VERBS[lemma] === "neutral") continue;
    const verb = claim.verb.trim().toLowerCase();
    const entry = uses.get(verb) ?? { count: 0, speakers: new Map() };
    const copies = weightOf(claim);
    entry.count += copies;
    if (claim.speaker) entry.speakers.set(claim.speaker, (entry.speakers.get(claim.speaker) ?? 0) + copies);
    uses.set(verb, entry);
  }
  return [...uses]
    .sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b))
    .map(([verb, entry]) => ({ verb, speakers: [...entry.speakers].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([name]) => name) }));
}

/**
 * One or two plain sentences on how a source tells an issue, e.g. "Leads with Ana Field’s voice; quotes
 * neither Bo Stone nor Kremlin; uses “claimed” for Kremlin statements; raises it in the opening
 * paragraph." Every clause comes from a measure; a clause whose measure is empty is left out.
 */
export function describeFraming({ measures, claims, absent }: FramingWordsInput): string {
  const clauses: string[] = [];
  const voiced = measures.kinds.quote + measures.kinds.reported;
  if (measures.claimCount === 0) clauses.push("mentions the issue without carrying anyone’s claims on it");
  else if (voiced === 0) clauses.push("tells it in its own voice, quoting no one");
  else if (measures.dominantVoice && measures.dominantVoice.share > 0.5) clauses.push(`leads with ${possessive(measures.dominantVoice.speaker)} voice`);
  else if (measures.voices.length > 1)
    clauses.push(
      `gives voice to ${orList(
        measures.voices.slice(0, 3).map((voice) => voice.speaker),
        "and",
      )}, ${measures.voices[0]!.speaker} most`,
    );
  else if (measures.voices[0]) clauses.push(`quotes only ${measures.voices[0].speaker}`);

  if (absent.length > 0 && measures.claimCount > 0) {
    clauses.push(absent.length === 1 ? `does not quote ${absent[0]}` : `quotes neither ${orList(absent.slice(0, 2), "nor")}`);
  }

  const verbs = "verbs" in claims ? claims.verbs : describedVerbs(claims);
  if (verbs.length > 0)
    clauses.push(
      `uses ${orList(
        verbs.map(({ verb, speakers }) => (speakers.length > 0 ? `“${verb}” for ${orList(speakers.slice(0, 2), "and")}` : `“${verb}”`)),
        "and",
      )}`,
    );
  const hedges = measures.hedges.slice(0, 2).map((hedge) => `“${hedge.phrase}”`);
  if (hedges.length > 0) clauses.push(`distances itself with ${orList(hedges, "and")}`);

  if (measures.coverage.share > 0 && measures.coverage.share < 0.05) clauses.push("mentions it only in passing");
  else if (measures.prominence.leadShare >= 0.5) clauses.push("raises it in the opening paragraph");
  else if (measures.prominence.firstParagraph !== null && measures.prominence.firstParagraph >= 3)
    clauses.push(`raises it late (paragraph ${measures.prominence.firstParagraph + 1})`);

  if (clauses.length === 0) return "";
  const text = clauses.join("; ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}
