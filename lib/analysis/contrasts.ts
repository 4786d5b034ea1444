/**
 * Contrasting positions: claims on one issue by different actors whose stance differs. Pure: claims in,
 * candidate pairs out, each with the reason it was paired. Cues find candidates, not verdicts, so every
 * pair says why; editors dismiss the wrong ones.
 *
 * @see de Marneffe, Rafferty & Manning (2008), "Finding Contradictions in Text", ACL-08: pair statements about
 *   the same event first, then look for negation, antonymy and numeric mismatch (the types cues catch well).
 * @see Harabagiu, Hickl & Lacatusu (2006), "Negation, Contrast and Contradiction in Text Processing", AAAI.
 */
import { STOPWORDS, words } from "@/lib/nlp/framing";
import type { AnalysisFigure } from "./clusters";
import { contentWords, formatFigure, isSameAbout, stem } from "./similarity";

export type ContrastClaim = {
  id: string;
  speakerId: string;
  speaker: string;
  /** The words that carry the stance: the quoted words of a quote, else the claim's text. */
  text: string;
  figures: readonly AnalysisFigure[];
};

export type Stance = {
  /** Words that negate or refuse ("will not", "never", "reject"). */
  negations: string[];
  /** Words that accept or agree ("agreed", "ready to", "accept"). */
  acceptances: string[];
  /** Conditions attached ("only if", "unless"). */
  conditions: string[];
  /** Antonym sides found, as `pairIndex:side` with the word ("3:0" → "withdraw"). */
  antonyms: Map<string, string>;
};

export type Contrast = {
  a: string;
  b: string;
  /** Why the two were paired, in words an editor reads. */
  why: string;
  /** Content words both claims share (their common object), as written in the first claim. */
  shared: string[];
};

const NEGATION =
  /\b(will not|won['’]t|would not|wouldn['’]t|cannot|can['’]t|could not|couldn['’]t|do not|don['’]t|does not|doesn['’]t|did not|didn['’]t|is not|isn['’]t|are not|aren['’]t|has not|hasn['’]t|have not|haven['’]t|never|no|not|nothing|none|refuses?|refused|refusing|rejects?|rejected|rejecting|rules? out|ruled out|opposes?|opposed|opposition|denies|denied|deny)\b/giu;
const ACCEPTANCE =
  /\b(accepts?|accepted|accepting|agrees?|agreed|agreement|supports?|supported|ready to|willing(?:ness)? to|willing|welcomes?|welcomed|approves?|approved|endorsed?|yes|committed to|consent(?:ed)?)\b/giu;
const CONDITION = /\b(only if|unless|on condition|on the condition|provided that|as long as|so long as|if and only if|would require|requires?)\b/giu;

/** Verbs and words of opposite stance: a claim using one side against a claim using the other. */
const ANTONYMS: readonly (readonly [readonly string[], readonly string[]])[] = [
  [["accept"], ["reject"]],
  [["agree"], ["refuse", "disagree"]],
  [["support"], ["oppose"]],
  [
    ["withdraw", "pull out", "give up", "relinquish", "cede", "surrender"],
    ["stay", "remain", "keep", "hold on", "defend"],
  ],
  [
    ["allow", "permit"],
    ["forbid", "ban", "prevent", "block"],
  ],
  [["yes"], ["no"]],
  [["willing"], ["unwilling"]],
  [
    ["close", "near"],
    ["far", "distant"],
  ],
];

/** Words that say nothing about what a claim is on. */
const GENERIC = new Set(
  [
    "say",
    "said",
    "says",
    "think",
    "thought",
    "would",
    "could",
    "should",
    "might",
    "going",
    "make",
    "made",
    "like",
    "also",
    "told",
    "tell",
    "well",
    "want",
    "know",
    "thing",
    "way",
    "get",
    "got",
    "one",
    "time",
    "very",
    "much",
    "many",
    "really",
    "just",
    "still",
    "yet",
    "lot",
    "done",
    "regarding",
    "added",
    "noted",
    "stated",
    "remarked",
    "according",
    "including",
    "however",
    "being",
    "even",
    "take",
    "taken",
    "give",
    "come",
  ].map(stem),
);

const cueWords = (text: string, pattern: RegExp) => [
  ...new Set([...text.matchAll(pattern)].map((match) => match[0].toLowerCase().replace(/\s+/g, " ").replace("’", "'"))),
];

function antonymSides(text: string): Map<string, string> {
  const lower = ` ${words(text).join(" ")} `;
  const found = new Map<string, string>();
  ANTONYMS.forEach((sides, pair) => {
    sides.forEach((forms, side) => {
      for (const form of forms) {
        // A form matches as a word prefix, so "withdraw" finds "withdrawal" and "withdrew" needs its own entry.
        const match = new RegExp(` (${form}${form.length > 3 ? "\\w*" : ""}) `).exec(lower);
        if (match && !found.has(`${pair}:${side}`)) found.set(`${pair}:${side}`, match[1]!);
      }
    });
  });
  return found;
}

/** The stance cues in a text: negation, acceptance, conditions, antonym sides. */
export function stanceOf(text: string): Stance {
  const negations = cueWords(text, NEGATION);
  const acceptances = cueWords(text, ACCEPTANCE);
  return { negations, acceptances, conditions: cueWords(text, CONDITION), antonyms: antonymSides(text) };
}

type Prepared = { claim: ContrastClaim; stance: Stance; content: Set<string>; surface: Map<string, string> };

function prepare(claim: ContrastClaim): Prepared {
  const speakerWords = new Set(contentWords(claim.speaker));
  const surface = new Map<string, string>();
  for (const word of words(claim.text)) {
    if (STOPWORDS.has(word) || word.length < 4) continue;
    const stemmed = stem(word);
    if (!surface.has(stemmed)) surface.set(stemmed, word);
  }
  const content = new Set(contentWords(claim.text).filter((word) => word.length >= 4 && !GENERIC.has(word) && !speakerWords.has(word) && !/^\d/.test(word)));
  return { claim, stance: stanceOf(claim.text), content, surface };
}

const quoted = (cues: readonly string[]) =>
  cues
    .slice(0, 2)
    .map((cue) => `“${cue}”`)
    .join(", ");

/** Content words two claims must share before a weak signal (negation alone, a condition alone) pairs them. */
const MIN_SHARED_FOR_WEAK = 2;

type Signal = { weight: number; needsObject: boolean; text: string };

function figureSignal(a: Prepared, b: Prepared): Signal | null {
  for (const x of a.claim.figures) {
    for (const y of b.claim.figures) {
      if (x.unit !== y.unit || x.value === y.value) continue;
      const aboutX = new Set(x.about ? contentWords(x.about) : []);
      const aboutY = new Set(y.about ? contentWords(y.about) : []);
      if (aboutX.size > 0 && aboutY.size > 0 && !isSameAbout(aboutX, aboutY, 0.5)) continue;
      return {
        weight: 3,
        needsObject: aboutX.size === 0 || aboutY.size === 0,
        text: `different figures: ${formatFigure(x.value, x.unit)} vs ${formatFigure(y.value, y.unit)}`,
      };
    }
  }
  return null;
}

function signals(a: Prepared, b: Prepared): Signal[] {
  const out: Signal[] = [];
  const sa = a.stance;
  const sb = b.stance;
  for (const [key, word] of sa.antonyms) {
    const [pair, side] = key.split(":");
    const other = sb.antonyms.get(`${pair}:${side === "0" ? 1 : 0}`);
    if (other && !sb.antonyms.has(key)) {
      out.push({ weight: 3, needsObject: false, text: `opposite words: ${a.claim.speaker} “${word}”, ${b.claim.speaker} “${other}”` });
      break;
    }
  }
  const aRefuses = sa.negations.length > 0;
  const bRefuses = sb.negations.length > 0;
  if (aRefuses !== bRefuses) {
    const [refusing, other] = aRefuses ? [a, b] : [b, a];
    if (other.stance.acceptances.length > 0) {
      out.push({
        weight: 2,
        needsObject: false,
        text: `rejection vs acceptance: ${refusing.claim.speaker} ${quoted(refusing.stance.negations)}, ${other.claim.speaker} ${quoted(other.stance.acceptances)}`,
      });
    } else {
      out.push({ weight: 1, needsObject: true, text: `negation on one side only: ${refusing.claim.speaker} ${quoted(refusing.stance.negations)}` });
    }
  }
  if (sa.conditions.length > 0 !== sb.conditions.length > 0) {
    const conditional = sa.conditions.length > 0 ? a : b;
    out.push({ weight: 1, needsObject: true, text: `a condition attached: ${conditional.claim.speaker} ${quoted(conditional.stance.conditions)}` });
  }
  const figures = figureSignal(a, b);
  if (figures) out.push(figures);
  return out;
}

/**
 * Candidate contrasting positions among `claims` (one issue's): pairs by different actors with a stance
 * signal — opposite words (accept/reject, agree/refuse, withdraw/stay…), rejection against acceptance,
 * negation, a condition one attaches ("only if", "unless"), or different figures about the same thing.
 * Pairs sharing an object (content words, a figure's subject) come first; weak signals (negation alone, a
 * condition alone) need two shared content words. Each claim is in at most `perClaim` pairs, two actors face each other once (their strongest pair); at most `max` pairs.
 * The same claims give the same pairs in any order.
 */
export function findContrasts(claims: readonly ContrastClaim[], { max = 8, perClaim = 2 }: { max?: number; perClaim?: number } = {}): Contrast[] {
  const prepared = [...claims].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).map(prepare);
  const candidates: (Contrast & { score: number; hasObject: boolean })[] = [];
  for (let i = 0; i < prepared.length; i += 1) {
    for (let j = i + 1; j < prepared.length; j += 1) {
      const a = prepared[i]!;
      const b = prepared[j]!;
      if (a.claim.speakerId === b.claim.speakerId) continue;
      const shared = [...a.content].filter((word) => b.content.has(word));
      const found = signals(a, b).filter((signal) => !signal.needsObject || shared.length >= MIN_SHARED_FOR_WEAK);
      if (found.length === 0) continue;
      const sharedWords = shared.slice(0, 3).map((word) => a.surface.get(word) ?? word);
      const object = sharedWords.length > 0 ? `; both on ${sharedWords.map((word) => `“${word}”`).join(", ")}` : "";
      candidates.push({
        a: a.claim.id,
        b: b.claim.id,
        why: `${found.map((signal) => signal.text).join("; ")}${object}`.replace(/^./, (first) => first.toUpperCase()),
        shared: sharedWords,
        score: found.reduce((sum, signal) => sum + signal.weight, 0) + Math.min(shared.length, 3),
        hasObject: shared.length > 0 || found.some((signal) => signal.text.startsWith("different figures")),
      });
    }
  }
  candidates.sort((x, y) => Number(y.hasObject) - Number(x.hasObject) || y.score - x.score || (x.a + x.b < y.a + y.b ? -1 : 1));
  const uses = new Map<string, number>();
  const speakerOf = new Map(prepared.map((entry) => [entry.claim.id, entry.claim.speakerId]));
  const actorPairs = new Set<string>();
  const out: Contrast[] = [];
  for (const { score: _score, hasObject: _hasObject, ...pair } of candidates) {
    if ((uses.get(pair.a) ?? 0) >= perClaim || (uses.get(pair.b) ?? 0) >= perClaim) continue;
    const actors = [speakerOf.get(pair.a), speakerOf.get(pair.b)].sort().join("\u0000");
    if (actorPairs.has(actors)) continue;
    actorPairs.add(actors);
    uses.set(pair.a, (uses.get(pair.a) ?? 0) + 1);
    uses.set(pair.b, (uses.get(pair.b) ?? 0) + 1);
    out.push(pair);
    if (out.length >= max) break;
  }
  return out;
}
