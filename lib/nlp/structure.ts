import type { Sentence, Tokens } from "./sentences";
import type { Mention } from "./mentions";
import { ACTOR_ROLE_NOUNS } from "./lexicon/roles";

/**
 * Verbs by which a narrator weaves someone's words into a sentence beyond the speech verbs:
 * evaluation, thanks, blame, rejection, demands ("thanked the crews for their “patience”",
 * "dismissed the memo as “pure invention”", "questioned the “timing”"). Matched on the verb's stem.
 */
const ATTITUDE_STEM =
  /^(?:thank|prais|welcom|hail|applaud|commend|lauded?|laud|dismiss|reject|question|den(?:y|ie)|decr(?:y|ie)|condemn|critici[sz]|slam|blast|accus|blam|brand|label|call|describ|term|dub|deem|regard|view|express|voic|promis|pledg|vow|threaten|demand|seek|sought|hope|expect|fear|predict|maintain|insist|argu|claim|contend|acknowledg|admit|defend|justif|refus|warn|urg|deplor|lament|celebrat|tout|champion|endors|oppos|challeng|disput|characteri[sz]|depict|portray|mock|ridicul|refer|rebuff|rebut|denounc|hit out|brush|shrug|suggest|stress|emphasi[sz]|recall|admit|concede|conced|confirm|vow|cit|quot|offer|mention|consider|believ|ask|say|said|tell|told|add|not|writ|wrote|stat|post|tweet)/u;

/** A verb of the sentence found by its part of speech: token index, offsets and lower-cased form. */
export type ClauseVerb = { token: number; start: number; end: number; word: string; attitude: boolean; passive: boolean };

/** Words that end a clause between a verb and a fragment it could govern. */
const CLAUSE_END = /[;]|\b(?:while|whereas|although|though|but)\b/u;

/**
 * The verb that governs a quoted fragment: the nearest verb (by part of speech, outside quotation
 * marks) before it in the same clause of its sentence. Returns null when a clause boundary
 * intervenes or no verb precedes the fragment.
 */
export function governingVerb(
  text: string,
  tokens: Tokens,
  sentence: Sentence,
  quoteStart: number,
  insideQuote: (offset: number) => boolean,
): ClauseVerb | null {
  for (let t = sentence.tokenEnd - 1; t >= sentence.tokenStart; t--) {
    const start = tokens.starts[t] as number;
    if (start >= quoteStart) continue;
    if (tokens.pos[t] !== "VERB" || insideQuote(start)) continue;
    let p = t - 1;
    while (p >= sentence.tokenStart && tokens.pos[p] === "SPACE") p--;
    if (p >= sentence.tokenStart && (tokens.pos[p] === "DET" || tokens.pos[p] === "ADJ")) continue;
    const end = tokens.ends[t] as number;
    if (CLAUSE_END.test(text.slice(end, quoteStart))) return null;
    const word = (tokens.values[t] as string).toLowerCase();
    // "traders would be offered places": a passive verb is not its subject's attitude.
    const passive = /\b(?:be|been|being|is|are|was|were)\s+$/iu.test(text.slice(Math.max(sentence.start, start - 10), start));
    return { token: t, start, end, word, attitude: ATTITUDE_STEM.test(word), passive };
  }
  return null;
}

/** Nouns that stand for an organisation already named ("the shipping giant", "the firm"). */
const ORG_EPITHETS = new Set([
  "giant",
  "firm",
  "company",
  "group",
  "carrier",
  "operator",
  "club",
  "side",
  "team",
  "lender",
  "bank",
  "insurer",
  "retailer",
  "maker",
  "manufacturer",
  "airline",
  "broadcaster",
  "network",
  "agency",
  "body",
  "organisation",
  "organization",
  "outfit",
  "business",
  "conglomerate",
  "chain",
  "broker",
]);

/** A noun phrase read from parts of speech, for speakers the mention finder does not know. */
export type NounPhrase = { start: number; end: number; words: string[]; head: string; plural: boolean; count: number | null };

const TIME_WORDS =
  /^(?:day|days|week|weeks|month|months|year|years|night|morning|afternoon|evening|today|yesterday|tonight|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|hour|hours|minute|minutes|time|season)$/u;
const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, both: 2 };

/**
 * The noun phrase that ends right before `at` (skipping adverbs and auxiliaries): determiners,
 * numbers, adjectives, nouns and possessives, joined by "and" ("The union and its supporters").
 */
export function nounPhraseBefore(text: string, tokens: Tokens, sentence: Sentence, at: number): NounPhrase | null {
  const age = /\b(the)\s+((?:\d+|[a-z]+)-year-old)\s*$/iu.exec(text.slice(Math.max(sentence.start, at - 40), at));
  if (age) {
    const end = at - (age[0].length - age[0].trimEnd().length);
    return {
      start: end - age[0].trimEnd().length,
      end,
      words: [age[1] as string, age[2] as string],
      head: (age[2] as string).toLowerCase(),
      plural: false,
      count: null,
    };
  }
  let t = sentence.tokenEnd - 1;
  while (t >= sentence.tokenStart && (tokens.starts[t] as number) >= at) t--;
  while (t >= sentence.tokenStart && (tokens.pos[t] === "SPACE" || tokens.pos[t] === "ADV" || tokens.pos[t] === "AUX" || tokens.pos[t] === "PART")) t--;
  // "The operators, for their part, insist": past a short phrase set off by commas.
  if (t > sentence.tokenStart && tokens.values[t] === ",") {
    let k = t - 1;
    while (k > sentence.tokenStart && k >= t - 8 && tokens.values[k] !== "," && tokens.pos[k] !== "VERB") k--;
    if (k > sentence.tokenStart && tokens.values[k] === ",") {
      t = k - 1;
      while (t >= sentence.tokenStart && tokens.pos[t] === "SPACE") t--;
    }
  }
  if (t < sentence.tokenStart || (tokens.pos[t] !== "NOUN" && tokens.pos[t] !== "PROPN")) return null;
  const end = tokens.ends[t] as number;
  const head = (tokens.values[t] as string).toLowerCase();
  if (TIME_WORDS.test(head)) return null;
  let first = t;
  let count: number | null = null;
  for (let k = t - 1; k >= sentence.tokenStart; k--) {
    const pos = tokens.pos[k] as string;
    const value = (tokens.values[k] as string).toLowerCase();
    if (pos === "SPACE") continue;
    if (pos === "NOUN" || pos === "PROPN" || pos === "ADJ" || pos === "NUM" || value === "'s" || value === "'" || value === "’" || value === "’s") {
      if (pos === "NUM" || value in NUMBER_WORDS) count = NUMBER_WORDS[value] ?? (Number(value) || null);
      first = k;
      continue;
    }
    if (pos === "DET" || pos === "PRON") {
      if (value in NUMBER_WORDS) count = NUMBER_WORDS[value] ?? null;
      first = k;
      if (pos === "DET" && value !== "its" && value !== "their") break;
      continue;
    }
    if (value === "and" && k - 1 >= sentence.tokenStart) {
      const before = tokens.pos[k - 1] as string;
      // "Ohm and the union praised": both could speak; "demanded more time and unions warned": not a pair.
      const couldSpeak = before === "PROPN" || ACTOR_ROLE_NOUNS.has((tokens.values[k - 1] as string).toLowerCase());
      if ((before === "NOUN" || before === "PROPN") && couldSpeak) {
        first = k;
        continue;
      }
    }
    break;
  }
  const start = tokens.starts[first] as number;
  if (
    start > sentence.start &&
    !/^[\s,—–-]*$/u.test(text.slice(sentence.start, start)) &&
    /\b(?:of|in|on|at|by|with|from|to|for|about|against|after|before|than)\s*$/iu.test(text.slice(sentence.start, start))
  ) {
    return null;
  }
  const words = text.slice(start, end).split(/\s+/u).filter(Boolean);
  return { start, end, words, head, plural: /s$/u.test(head) && !/ss$/u.test(head), count };
}

/** Whether a noun phrase stands for an organisation named earlier ("the shipping giant"). */
export function isOrgEpithet(np: NounPhrase): boolean {
  return ORG_EPITHETS.has(np.head) && /^(?:the|this)$/iu.test(np.words[0] ?? "");
}

/** Nouns for a person named earlier ("the 24-year-old", "the striker", "the veteran"). */
const PERSON_EPITHETS =
  /^(?:\d+-year-old|[a-z]+-year-old|striker|forward|midfielder|defender|goalkeeper|keeper|batter|batsman|bowler|player|veteran|youngster|rookie|teenager|skipper|captain|coach|manager|suspect|defendant|victim|witness|actor|actress|singer|author|star|champion|winner|mother|father|woman|man|master|boss|banker|lawyer|economist|politician|founder|billionaire|tycoon|entrepreneur|businessman|businesswoman|engineer|driver|pilot|doctor|nurse|teacher|scientist|campaigner|activist|organiser|organizer|pensioner|grandmother|grandfather|son|daughter|wife|husband|widow|brother|sister|owner|farmer|fisherman|docker)$/u;

/** Whether a definite noun phrase stands for a person named earlier. */
export function isPersonEpithet(np: NounPhrase): boolean {
  return PERSON_EPITHETS.test(np.head) && /^the$/iu.test(np.words[0] ?? "") && !np.plural;
}

/** The speaker name a bare noun phrase gives ("The operators" → "operators", "its supporters" → "supporters"). */
export function nounPhraseName(np: NounPhrase): string {
  const parts = np.words
    .join(" ")
    .split(/\s+and\s+/iu)
    .map((part) =>
      part
        .replace(/^(?:the|a|an|its|their|his|her|this|these|those|that)\s+/iu, "")
        .replace(/[,.;:]+$/u, "")
        .trim(),
    )
    .filter(Boolean);
  return parts.join("; ");
}

/** A mention that starts a coordinated subject ("Trump and Zelensky hailed"), with its partner. */
export function coordinatedPartner(text: string, mentions: readonly Mention[], m: Mention): Mention | null {
  const prev = mentions[m.index - 1];
  if (prev && prev.sentence === m.sentence && /^\s+(?:and|&)\s+$/u.test(text.slice(prev.end, m.start)) && !prev.possessive) return prev;
  return null;
}
