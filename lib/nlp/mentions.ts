import type { Span } from "./types";
import type { Sentence, Tokens } from "./sentences";
import type { QuoteSpan } from "./quotes";
import { givenNameGender } from "./lexicon/given-names";
import { isAcronym } from "./speakers";
import { countryKey, isCapital, isCountryName, isDemonym } from "./lexicon/demonyms";
import {
  ACTOR_ROLE_NOUNS,
  ANONYMITY_CUES,
  ANONYMOUS_HEADS,
  DOCUMENT_NOUNS,
  GENDERED_TITLES,
  GIVEN_NAME_HONORIFICS,
  GROUP_ROLE_NOUNS,
  INSTITUTION_ROLE_NOUNS,
  NAME_PARTICLES,
  NON_NAME_WORDS,
  OFFICE_NOUNS,
  ORG_WORDS,
  PERSON_ROLE_NOUNS,
  PLACE_WORDS,
  SUBJECT_PRONOUNS,
  TITLE_WORDS,
} from "./lexicon/roles";

/** A role read from words: head noun, country, possessor's words and other modifiers. */
export type RoleWords = {
  head: string;
  country: string | null;
  possessor: string | null;
  modifiers: string[];
};

/**
 * A reference to a possible speaker outside quotation marks: a name ("French President Anne Moreau"),
 * a pronoun, a relative "who", or a description ("the ministry's chief negotiator", "a senior
 * official", "Norway's constitution").
 */
export type Mention = Span & {
  index: number;
  sentence: number;
  paragraph: number;
  text: string;
  type: "name" | "pronoun" | "relative" | "description";
  /** For names: the bare name, titles removed. */
  name: string | null;
  kindHint: "person" | "institution" | "place" | "document" | "source" | null;
  role: RoleWords | null;
  gender: "m" | "f" | "n" | null;
  plural: boolean;
  definite: boolean;
  possessive: boolean;
  givenOnly: boolean;
  /** A name or description said to be the same referent (apposition). */
  apposition: number | null;
  /** For "a spokesperson for X" / "a Commission spokesperson": the organisation's words. */
  org: string | null;
  /** For a description, the name that owns it ("Moreau" in "Moreau's aide"). */
  possessor: number | null;
  /** The word before the mention in its sentence, lower-cased ("" at the start). */
  prevWord: string;
  /** Whether a verb follows the mention, past adverbs ("Smith also said"): a cue that it is a subject. */
  verbAfter: boolean;
};

type Word = Span & { value: string; lower: string; pos: string; cap: boolean; inQuote: boolean };

const DETERMINERS = new Set(["the", "a", "an", "this", "that", "these", "those", "another", "its", "their"]);
const NUMBER_DETERMINERS = new Set(["one", "two", "three", "four", "several", "some", "many", "few", "other", "both", "multiple", "numerous"]);
const CONNECTORS = new Set(["of", "&", "and", ...NAME_PARTICLES]);
const POSSESSIVE = /^['’]s?$/u;
const INTENSIFIERS = new Set(["most", "more", "less", "least", "very"]);
const HONORIFICS = new Set(["sir", "dame", "lord", "lady", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr."]);
const NOT_HEADS = new Set(["general", "first", "senior", "former", "acting", "deputy", "vice", "prime", "state", "national", "security", "press", "then"]);

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Speech verbs after which a capitalised first word is a surname even when it is also a common word ("Banks said"). */
const TAG_AFTER_SURNAME = new Set([
  "said",
  "says",
  "told",
  "added",
  "noted",
  "insisted",
  "argued",
  "warned",
  "wrote",
  "admitted",
  "conceded",
  "stressed",
  "explained",
  "replied",
]);
const UPPER = /\p{Lu}/u;
/** A word capitalised inside, as brands are ("FreshMart", "PayPal"); surnames are not after three lower-case letters ("McDonald", "LeBlanc"). */
const BRAND_CASE = /^\p{Lu}\p{Ll}{3,}\p{Lu}/u;
/** A surname with a lower-case particle joined by a hyphen ("el-Amrani", "al-Masri", "bin-Talal", "ad-Din"). */
const PARTICLE_PREFIXED = /^(?:al|el|ad|ed|as|es|ash|at|az|an|ar|ul|bin|ibn|abu|bint)[-‐]\p{Lu}\p{Ll}/u;

function startsUpper(value: string): boolean {
  const c = value.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(value[0] as string);
}

function buildWords(text: string, tokens: Tokens, from: number, to: number, inQuote: (offset: number) => boolean): Word[] {
  const words: Word[] = [];
  for (let i = from; i < to; i++) {
    if (tokens.pos[i] === "SPACE") continue;
    const value = tokens.values[i] as string;
    const start = tokens.starts[i] as number;
    const end = tokens.ends[i] as number;
    const prev = words[words.length - 1];
    if (prev && prev.end === start) {
      const hyphen = value === "-" && WORD_CHAR.test(prev.value[prev.value.length - 1] ?? "") && WORD_CHAR.test(text[end] ?? "");
      if (hyphen || (prev.value.endsWith("-") && WORD_CHAR.test(value[0] ?? ""))) {
        prev.value += value;
        prev.end = end;
        prev.lower = prev.value.toLowerCase();
        prev.cap ||= PARTICLE_PREFIXED.test(prev.value);
        continue;
      }
    }
    words.push({
      start,
      end,
      value,
      lower: value.toLowerCase(),
      pos: tokens.pos[i] as string,
      cap: startsUpper(value) || PARTICLE_PREFIXED.test(value),
      inQuote: inQuote(start),
    });
  }
  return words;
}

function isNameWord(w: Word, initial: boolean): boolean {
  if (!w.cap || w.inQuote) return false;
  if (NON_NAME_WORDS.has(w.lower) && !TITLE_WORDS.has(w.lower)) return false;
  if (initial && (PERSON_ROLE_NOUNS.has(w.lower) || GROUP_ROLE_NOUNS.has(w.lower) || INSTITUTION_ROLE_NOUNS.has(w.lower)) && !TITLE_WORDS.has(w.lower))
    return false;
  if (/-\p{Ll}+$/u.test(w.value) && !/-(?:a|al|de|el|la|le|du|in|on|sur)-/u.test(w.value)) return false;
  return /^\p{Lu}[\p{L}\p{M}\p{N}'’.-]*$/u.test(w.value) || PARTICLE_PREFIXED.test(w.value);
}

type Run = { from: number; to: number };

function nameRuns(words: Word[]): Run[] {
  const runs: Run[] = [];
  const first = words.findIndex((w) => WORD_CHAR.test(w.value[0] ?? ""));
  let i = 0;
  while (i < words.length) {
    const w = words[i] as Word;
    const nextWord = words[i + 1];
    const initial = i === first;
    const initialOk =
      !initial || w.pos === "PROPN" || TITLE_WORDS.has(w.lower) || (!!nextWord && (isNameWord(nextWord, false) || TAG_AFTER_SURNAME.has(nextWord.lower)));
    // "De la Cruz said", "Van der Berg told": a surname that starts with its particle, capitalised.
    const particleFirst =
      NAME_PARTICLES.has(w.lower) &&
      /^\p{Lu}/u.test(w.value) &&
      !!nextWord &&
      NAME_PARTICLES.has(nextWord.lower) &&
      !!words[i + 2] &&
      isNameWord(words[i + 2] as Word, false);
    if (particleFirst) {
      runs.push({ from: i, to: i + 3 });
      i += 3;
      continue;
    }
    if (!isNameWord(w, initial) || !initialOk) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      const next = words[j];
      if (!next) break;
      if (isNameWord(next, false)) {
        j++;
        continue;
      }
      const before = words[j - 1] as Word;
      // An ampersand joins a firm's name ("Marks & Spencer", "Kovač & Lind"), never two people in prose.
      const joinable =
        (next.lower !== "of" && next.lower !== "and") ||
        TITLE_WORDS.has(before.lower) ||
        ORG_WORDS.has(before.lower) ||
        (next.lower === "and" && bodyNameGoesOn(words, i, j));
      if (CONNECTORS.has(next.lower) && !next.inQuote && joinable) {
        let k = j + 1;
        if (words[k]?.lower === "the") k++;
        // "de la Cruz", "von der Leyen": particles come in pairs too.
        else if (NAME_PARTICLES.has(next.lower) && NAME_PARTICLES.has(words[k]?.lower ?? "") && !words[k]?.inQuote) k++;
        const after = words[k];
        if (after && isNameWord(after, false)) {
          j = k + 1;
          continue;
        }
      }
      if ((next.value === "'" || next.value === "’") && next.start === (words[j - 1] as Word).end && words[j + 1] && isNameWord(words[j + 1] as Word, false)) {
        j += 2;
        continue;
      }
      break;
    }
    runs.push(...splitRunAtAnd(words, { from: i, to: j }));
    i = j;
  }
  return runs;
}

/**
 * Whether the name words after the "and" at `and` end a body's name that the words from `from` begin
 * ("Competition and Markets Authority", "Food and Drug Administration"), rather than a second name.
 */
function bodyNameGoesOn(words: Word[], from: number, and: number): boolean {
  const left = words.slice(from, and);
  let k = and + 1;
  while (words[k] && isNameWord(words[k] as Word, false)) k++;
  const right = words.slice(and + 1, k);
  if (!right.length || left.some((w) => TITLE_WORDS.has(w.lower))) return false;
  // "the Chamber of Commerce and Industry", "the Ministry of Health and Social Care": a body's "of" phrase goes on,
  // unless a person's given name follows ("the Ministry of Defence and Lars Berg").
  const ofBody = left.findIndex((w, i) => ORG_WORDS.has(w.lower) && (left[i + 1]?.lower === "of" || left[i + 1]?.lower === "for"));
  if (ofBody >= 0) return right.length <= 3 && givenNameGender((right[0] as Word).value) === null;
  return !left.some((w) => ORG_WORDS.has(w.lower)) && ORG_WORDS.has((right[right.length - 1] as Word).lower);
}

function splitRunAtAnd(words: Word[], run: Run): Run[] {
  const out: Run[] = [];
  let from = run.from;
  for (let k = run.from; k < run.to; k++) {
    const lower = (words[k] as Word).lower;
    if (lower !== "and") continue;
    if (bodyNameGoesOn(words, from, k)) continue;
    const left = words.slice(from, k);
    const leftIsWhole = left.some((w) => ORG_WORDS.has(w.lower)) || !left.some((w) => TITLE_WORDS.has(w.lower));
    if (leftIsWhole) {
      if (k > from) out.push({ from, to: k });
      from = k + 1;
    }
  }
  if (run.to > from) out.push({ from, to: run.to });
  return out;
}

function roleHead(titles: string[]): string | null {
  for (let k = titles.length - 1; k >= 0; k--) {
    const t = titles[k] as string;
    if (HONORIFICS.has(t) || NOT_HEADS.has(t)) continue;
    if (PERSON_ROLE_NOUNS.has(t) || TITLE_WORDS.has(t)) return t;
  }
  return titles.includes("general") ? "general" : null;
}

type Analysed = {
  name: string;
  titles: string[];
  country: string | null;
  modifiers: string[];
  kindHint: Mention["kindHint"];
  gender: "m" | "f" | null;
  givenOnly: boolean;
};

function analyseRun(words: Word[]): Analysed | null {
  const lowers = words.map((w) => w.lower);
  if (lowers.length <= 2 && (isCountryName(lowers.join(" ")) || isCapital(lowers.join(" ")))) {
    return { name: words.map((w) => w.value).join(" "), titles: [], country: null, modifiers: [], kindHint: "place", gender: null, givenOnly: false };
  }
  if (words.length === 1 && isCountryName(lowers[0] as string)) {
    return { name: (words[0] as Word).value, titles: [], country: null, modifiers: [], kindHint: "place", gender: null, givenOnly: false };
  }
  if (lowers.every((l) => countryKey(l) !== null || l === "-")) return null;
  if (words.some((w) => w.value.includes("-") && w.value.split("-").every((p) => countryKey(p) !== null))) return null;
  if (lowers.every((l) => TITLE_WORDS.has(l))) return null;
  const isOrgWord = (l: string): boolean => l === "&" || ORG_WORDS.has(l) || ORG_WORDS.has(l.replace(/['’]s?$/u, ""));
  const ofIndex = lowers.indexOf("of");
  const titledOf = TITLE_WORDS.has(lowers[0] as string) && ofIndex > 0 && ofIndex < words.length - 2 && !lowers.slice(-2).some(isOrgWord);
  let lastTitle = -1;
  for (let k = 0; k < words.length - 1; k++) if (TITLE_WORDS.has(lowers[k] as string)) lastTitle = k;
  const hasOrgWord = !titledOf && lowers.slice(lastTitle + 1).some(isOrgWord);
  if (hasOrgWord) lastTitle = -1;
  let nameFrom = lastTitle + 1;
  if (titledOf) {
    nameFrom = Math.max(ofIndex + 1, words.length - 2);
    const middle = words[words.length - 2] as Word;
    if (/^\p{Lu}\.$/u.test(middle.value) && words.length - 3 > ofIndex) nameFrom = words.length - 3;
  }
  const titleWords = lowers.slice(0, nameFrom);
  const nameWords = words.slice(nameFrom);
  if (!nameWords.length) return null;
  let country: string | null = null;
  const modifiers: string[] = [];
  const titles: string[] = [];
  let seenTitle = false;
  for (const t of titleWords) {
    if (TITLE_WORDS.has(t)) {
      seenTitle = true;
      titles.push(t);
    } else if (!seenTitle && countryKey(t)) {
      country = countryKey(t);
    } else if (t !== "of" && t !== "the") {
      modifiers.push(t);
    }
  }
  const nameLowers = nameWords.map((w) => w.lower);
  let kindHint: Mention["kindHint"] = null;
  if (hasOrgWord) kindHint = "institution";
  else if (titles.length) kindHint = "person";
  else if (nameLowers.some((l) => PLACE_WORDS.has(l))) kindHint = "place";
  else if (nameWords.length === 1 && /^[\p{Lu}.&]{2,}$/u.test(nameWords[0]?.value ?? "")) kindHint = "institution";
  else if (nameWords.length >= 2 && nameWords.length <= 4 && !nameLowers.some((l) => countryKey(l)) && !nameWords.some((w) => BRAND_CASE.test(w.value)))
    kindHint = "person";
  let gender: "m" | "f" | null = null;
  for (const t of titles) gender = GENDERED_TITLES.get(t) ?? gender;
  const last = titles[titles.length - 1];
  const name = nameWords
    .map((w) => w.value)
    .join(" ")
    .replace(/\s+(['’])\s*/gu, "$1 ");
  if (kindHint === "institution" && titleWords.length) {
    return {
      name: words.map((w) => w.value).join(" "),
      titles: [],
      country: null,
      modifiers: [],
      kindHint,
      gender: null,
      givenOnly: false,
    };
  }
  return {
    name,
    titles,
    country,
    modifiers,
    kindHint,
    gender,
    givenOnly: nameWords.length === 1 && !!last && GIVEN_NAME_HONORIFICS.has(last),
  };
}

function blankMention(partial: Partial<Mention> & Span & { text: string; type: Mention["type"] }): Mention {
  return {
    index: -1,
    sentence: -1,
    paragraph: -1,
    name: null,
    kindHint: null,
    role: null,
    gender: null,
    plural: false,
    definite: false,
    possessive: false,
    givenOnly: false,
    apposition: null,
    org: null,
    possessor: null,
    prevWord: "",
    verbAfter: false,
    ...partial,
  };
}

const ROLE_NOUNS: ReadonlySet<string> = new Set([...ACTOR_ROLE_NOUNS, ...DOCUMENT_NOUNS]);

/** Words in -ing that introduce a phrase rather than qualify the role noun after them ("including director Venn"). */
const PARTICIPLE_PREPOSITIONS: ReadonlySet<string> = new Set([
  "including",
  "regarding",
  "concerning",
  "following",
  "during",
  "according",
  "excluding",
  "involving",
  "saying",
  "telling",
  "quoting",
  "citing",
  "being",
]);

/** A person known by their age ("the 31-year-old said"). */
const AGE_NOUN = /^(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old$/u;

function isAgeNoun(lower: string): boolean {
  return lower.endsWith("-year-old") && AGE_NOUN.test(lower);
}

/** Plurals of the role nouns ("operators", "residents", "ministries", "witnesses"), to their singular. */
const PLURAL_ROLES: ReadonlyMap<string, string> = new Map(
  [...ACTOR_ROLE_NOUNS]
    .filter((noun) => !ANONYMOUS_HEADS.has(noun) && !noun.includes(" "))
    .map((noun) => [/(?:s|sh|ch|x)$/u.test(noun) ? `${noun}es` : /[^aeiou]y$/u.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`, noun] as const)
    .filter(([plural]) => !ROLE_NOUNS.has(plural)),
);

/** The singular of a plural role noun, or null. */
function singularRole(lower: string): string | null {
  return PLURAL_ROLES.get(lower) ?? null;
}

function isRoleNoun(lower: string): boolean {
  return ROLE_NOUNS.has(lower) || isAgeNoun(lower) || singularRole(lower) !== null;
}

function descriptionKind(head: string): Mention["kindHint"] {
  if (DOCUMENT_NOUNS.has(head) && !PERSON_ROLE_NOUNS.has(head)) return "document";
  if (INSTITUTION_ROLE_NOUNS.has(head) && !PERSON_ROLE_NOUNS.has(head)) return "institution";
  return "person";
}

/**
 * Finds the mentions of possible speakers in each sentence, outside quotation marks: names with
 * their titles and roles ("UK Prime Minister Sir Keir Starmer"), pronouns, relative "who",
 * descriptions by role ("the US president", "Moreau's aide", "a senior ministry official",
 * "sources familiar with the talks", "the ministry") and documents ("Norway's constitution").
 * Appositions ("Ana Lima, the ministry's chief negotiator"; "Moreau aide Ana Lima") are
 * linked so that the role can be learned for the name.
 */
export function findMentions(text: string, sentences: readonly Sentence[], tokens: Tokens, quotes: readonly QuoteSpan[]): Mention[] {
  const all: Mention[] = [];
  let q = 0;
  const inQuote = (offset: number): boolean => {
    while (q < quotes.length && (quotes[q] as QuoteSpan).end <= offset) q++;
    const quote = quotes[q];
    return !!quote && offset >= quote.start && offset < quote.end;
  };
  sentences.forEach((sentence, sentenceIndex) => {
    while (q < quotes.length && (quotes[q] as QuoteSpan).end <= sentence.start) q++;
    if (sentence.heading) return;
    const words = buildWords(text, tokens, sentence.tokenStart, sentence.tokenEnd, inQuote);
    const found = sentenceMentions(text, words);
    for (const m of found) {
      m.sentence = sentenceIndex;
      m.paragraph = sentence.paragraph;
      markNeighbours(m, words);
    }
    const base = all.length;
    for (const m of found) {
      m.index = all.length;
      if (m.apposition !== null) m.apposition += base;
      if (m.possessor !== null) m.possessor += base;
      all.push(m);
    }
  });
  return all;
}

function markNeighbours(m: Mention, words: readonly Word[]): void {
  let k = 0;
  while (k < words.length && (words[k] as Word).start < m.start) k++;
  const prev = words[k - 1];
  m.prevWord = prev && prev.end <= m.start ? prev.lower : "";
  while (k < words.length && (words[k] as Word).start < m.end) k++;
  while (k < words.length && ((words[k] as Word).pos === "ADV" || (words[k] as Word).pos === "PART")) k++;
  const next = words[k];
  m.verbAfter = !!next && (next.pos === "VERB" || next.pos === "AUX") && !next.inQuote;
}

function sentenceMentions(text: string, words: Word[]): Mention[] {
  const out: Mention[] = [];
  const covered = new Array<boolean>(words.length).fill(false);
  const runAt = new Map<number, { run: Run; mention: Mention | null }>();

  for (const run of nameRuns(words)) {
    const slice = words.slice(run.from, run.to);
    // "the Dane", "the Bulgarian": one person by nationality, an epithet for someone named before (not
    // "the French", "the Chinese", which speak for a country).
    const only = slice.length === 1 ? (slice[0] as Word) : null;
    if (only && words[run.from - 1]?.lower === "the" && isDemonym(only.lower) && !/(?:ish|ch|ese|ss)$/u.test(only.lower)) continue;
    const analysed = analyseRun(slice);
    const start = (slice[0] as Word).start;
    const end = (slice[slice.length - 1] as Word).end;
    const next = words[run.to];
    const possessive = !!next && POSSESSIVE.test(next.value) && next.start === end;
    let mention: Mention | null = null;
    if (analysed && !analysed.titles.length && (analysed.kindHint === null || analysed.kindHint === "place") && words[run.from - 1]?.lower === "the") {
      analysed.kindHint = "institution";
    }
    if (analysed) {
      mention = blankMention({
        start,
        end,
        text: text.slice(start, end),
        type: "name",
        name: analysed.name,
        kindHint: analysed.kindHint,
        gender: analysed.gender,
        possessive,
        givenOnly: analysed.givenOnly,
        role: analysed.titles.length
          ? {
              head: roleHead(analysed.titles) ?? (analysed.titles[analysed.titles.length - 1] as string),
              country: analysed.country,
              possessor: null,
              modifiers: [...analysed.modifiers, ...analysed.titles],
            }
          : null,
      });
      if (mention.role && HONORIFICS.has(mention.role.head)) mention.role = null;
      out.push(mention);
    }
    for (let k = run.from; k < run.to; k++) covered[k] = true;
    runAt.set(run.from, { run, mention });
  }

  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    if (w.inQuote) continue;
    const pronoun = SUBJECT_PRONOUNS.get(w.lower);
    if (pronoun && !covered[i]) {
      const next = words[i + 1];
      const pleonastic = w.lower === "it" && next && /^(?:['’]s|is|was|seems|appears|remains)$/u.test(next.lower);
      if (!pleonastic) {
        out.push(
          blankMention({
            start: w.start,
            end: w.end,
            text: w.value,
            type: "pronoun",
            gender: pronoun.gender,
            plural: pronoun.plural,
            possessive: w.lower === "his" || w.lower === "its" || (w.lower === "her" && !!next && next.pos !== "PUNCT" && next.pos !== "ADP"),
          }),
        );
      }
      continue;
    }
    // "Corvane Lines, which accused her of …": a non-restrictive "which" after a comma stands for what precedes.
    if ((w.lower === "who" || (w.lower === "which" && words[i - 1]?.value === ",")) && !covered[i]) {
      out.push(blankMention({ start: w.start, end: w.end, text: w.value, type: "relative" }));
      continue;
    }
    // A role noun the tagger read as an adjective ends a phrase all the same: "the EU's foreign policy chief, Helena Marsh,".
    const phraseFinal = w.pos === "ADJ" && (!words[i + 1] || /^[,.;:!?)]$/u.test((words[i + 1] as Word).value));
    if (covered[i] || !isRoleNoun(w.lower) || (w.pos !== "NOUN" && w.pos !== "PROPN" && !isAgeNoun(w.lower) && !phraseFinal)) continue;
    let head = i;
    if (continuesNounPhrase(words, i)) {
      // "a 28-year-old barista": an age before any noun describes a person.
      if (!isAgeNoun(w.lower)) continue;
      const noun = words[i + 1];
      if (!noun || noun.pos !== "NOUN" || noun.cap || continuesNounPhrase(words, i + 1)) continue;
      head = i + 1;
    }
    const description = describe(text, words, head, runAt);
    if (description) {
      if (head !== i && description.mention.kindHint !== "person") continue;
      for (let k = description.from; k <= head; k++) covered[k] = true;
      out.push(description.mention);
      i = head;
    }
  }

  out.sort((a, b) => a.start - b.start || b.end - a.end);
  linkAppositions(text, out);
  return out;
}

function continuesNounPhrase(words: Word[], i: number): boolean {
  for (let k = i + 1; k < words.length && k <= i + 3; k++) {
    const next = words[k] as Word;
    if (next.inQuote || next.cap) return false;
    if (next.pos === "NOUN") return true;
    if (next.pos !== "ADJ") return false;
    if (isRoleNoun(next.lower)) return true;
  }
  return false;
}

/** "for the (transport) ministry" after a spokesperson: the body's name and the length of the phrase. */
function institutionAfter(after: string): { name: string; length: number } | null {
  const phrase = /^\s*(?:for|of|at)\s+the\s+((?:\p{Ll}+\s+){0,2}\p{Ll}+)/u.exec(after);
  if (!phrase) return null;
  const words = (phrase[1] as string).split(/\s+/u);
  const head = words.findIndex((word) => INSTITUTION_ROLE_NOUNS.has(word));
  if (head < 0) return null;
  const name = words.slice(0, head + 1).join(" ");
  return { name, length: phrase[0].length - (phrase[1] as string).length + name.length };
}

/** "of the agency", "of state": the lower-case body or office after a person's role noun. */
const OF_BODY = /^\s+of\s+(?:the\s+)?(\p{Ll}[\p{Ll}-]*)(?:\s+(\p{Ll}+))?/u;

/** A request to stay unnamed, after a description of who spoke ("who asked not to be named", "speaking on condition of anonymity"). */
const WITHHELD_NAME =
  /^[^.;:“”"]*?\b(?:(?:asked|requested|declined|wished|spoke on condition|agreed to speak on condition)\s+(?:not\s+to\s+be\s+(?:named|identified)|to\s+remain\s+anonymous|anonymity)|on\s+(?:the\s+)?condition\s+(?:of\s+)?anonymity|(?:speaking|spoke)\s+anonymously|requested\s+anonymity|(?:would|did)\s+not\s+(?:give|want\s+to\s+give)\s+(?:his|her|their)\s+(?:full\s+)?names?|declined\s+to\s+give\s+(?:his|her|their)\s+(?:full\s+)?names?|(?:did\s+not|didn't)\s+want\s+to\s+be\s+named|(?:was|were|is|are)\s+not\s+authori[sz]ed\s+to\s+(?:speak|comment))/iu;

function describe(
  text: string,
  words: Word[],
  headIndex: number,
  runAt: Map<number, { run: Run; mention: Mention | null }>,
): { from: number; mention: Mention } | null {
  const head = words[headIndex] as Word;
  const headLower = head.lower;
  let from = headIndex;
  let determiner: string | null = null;
  let possessorText: string | null = null;
  const modifiers: string[] = [];
  let country: string | null = null;
  let org: string | null = null;
  for (let k = headIndex - 1; k >= 0; k--) {
    const w = words[k] as Word;
    if (w.inQuote) break;
    if (POSSESSIVE.test(w.value)) {
      const owner = words[k - 1];
      if (!owner) break;
      let ownerFrom = k - 1;
      for (const { run } of runAt.values()) if (run.to === k) ownerFrom = run.from;
      possessorText = words
        .slice(ownerFrom, k)
        .map((x) => x.value)
        .join(" ");
      from = ownerFrom;
      let d = ownerFrom - 1;
      if (!owner.cap) while (d >= 0 && !(words[d] as Word).inQuote && ((words[d] as Word).pos === "ADJ" || (words[d] as Word).pos === "NOUN")) d--;
      if (d >= 0 && (words[d] as Word).lower === "the") from = d;
      else if (d >= 0 && !owner.cap && DETERMINERS.has((words[d] as Word).lower)) from = d;
      break;
    }
    // "His family said": a family is described by whose it is (other roles after "his" stay as they were read).
    const familyOwner = headLower === "family" && (w.lower === "his" || w.lower === "her");
    if (DETERMINERS.has(w.lower) || NUMBER_DETERMINERS.has(w.lower) || /^\d[\d,.]*$/u.test(w.value) || familyOwner) {
      determiner = w.lower;
      from = k;
      if (w.lower === "the" && words[k - 1]?.lower === "of" && words[k - 2]?.lower === "one") {
        from = k - 2;
        determiner = "one of the";
      }
      break;
    }
    const isModifier =
      ((w.pos === "ADJ" || w.pos === "NOUN" || w.pos === "PROPN" || w.cap || w.pos === "NUM") && w.pos !== "VERB" && !/^[\p{P}]+$/u.test(w.value)) ||
      INTENSIFIERS.has(w.lower) ||
      // "the company's managing director", "the acting president", "the outgoing mayor"
      (k === headIndex - 1 && w.pos === "VERB" && /ing$/u.test(w.lower) && !PARTICIPLE_PREPOSITIONS.has(w.lower));
    if (!isModifier || SUBJECT_PRONOUNS.has(w.lower) || (NON_NAME_WORDS.has(w.lower) && !countryKey(w.lower))) break;
    if (countryKey(w.lower)) country = countryKey(w.lower);
    else modifiers.unshift(w.lower);
    if (w.cap && !countryKey(w.lower) && !TITLE_WORDS.has(w.lower)) org = org ? `${w.value} ${org}` : w.value;
    from = k;
  }
  const singular = singularRole(headLower);
  const kind = descriptionKind(singular ?? headLower);
  if (kind === "person" && !possessorText && org && !country) {
    possessorText = org;
    modifiers.splice(0, modifiers.length, ...modifiers.filter((m) => !org?.toLowerCase().split(" ").includes(m)));
  }
  const after = words[headIndex + 1];
  const afterRun = after ? runAt.get(headIndex + 1) : undefined;
  if (kind === "person" && afterRun && afterRun.mention && after && after.start - head.end <= 1) {
    const role: RoleWords = { head: headLower, country, possessor: possessorText, modifiers };
    const target = afterRun.mention;
    target.start = (words[from] as Word).start;
    target.text = text.slice(target.start, target.end);
    if (!target.role) target.role = role;
    else target.role.modifiers.push(...modifiers.filter((m) => !target.role?.modifiers.includes(m)));
    if (target.kindHint === null || target.kindHint === "place") target.kindHint = "person";
    return null;
  }
  // "The operators", "local residents": a group of people or bodies that speaks together.
  const plural = GROUP_ROLE_NOUNS.has(headLower) || headLower === "police" || singular !== null;
  const cue = words[headIndex + 1];
  const anonymousCue = !!cue && ANONYMITY_CUES.has(cue.lower);
  const isIndefinite =
    determiner === "a" ||
    determiner === "an" ||
    determiner === "one of the" ||
    (determiner !== null && NUMBER_DETERMINERS.has(determiner)) ||
    (determiner !== null && /^\d+$/u.test(determiner));
  const ownedByName = !!possessorText && /^\p{Lu}/u.test(possessorText);
  // "A portfolio manager at a pension fund, who asked not to be named, said": anyone unnamed by request is an unnamed source.
  const withheld =
    kind === "person" && (isIndefinite || plural) && WITHHELD_NAME.test(text.slice(head.end, Math.min(head.end + 200, (words[words.length - 1] as Word).end)));
  const anonymous = (ANONYMOUS_HEADS.has(headLower) && (isIndefinite || plural || anonymousCue || !ownedByName)) || withheld;
  if (!determiner && !possessorText && !country && !anonymous && (kind !== "person" || !modifiers.length) && !plural) return null;
  let orgEnd = -1;
  if (headLower === "spokesperson" || headLower === "spokesman" || headLower === "spokeswoman" || headLower === "representative") {
    // "a spokesman for Pell's former employer, Vantis Group": the body set beside whose it is, not the owner.
    const owned = /^\s*(?:for|of|at)\s+(?:the\s+)?[\p{Lu}][\p{L}.-]*['’]s\s+(?:\p{Ll}+\s+){0,3}\p{Ll}+,\s+((?:[\p{Lu}][\p{L}\p{N}'’&.-]*\s*)+)/u.exec(
      text.slice(head.end, head.end + 120),
    );
    const forOrg = owned ?? /^\s*(?:for|of|at)\s+(?:the\s+)?(?:\p{Ll}+\s+)?((?:[\p{Lu}][\p{L}\p{N}'’&.-]*\s*)+)/u.exec(text.slice(head.end, head.end + 120));
    const forBody = institutionAfter(text.slice(head.end, head.end + 60));
    if (forOrg) {
      org = (forOrg[1] as string).trim().replace(/(\p{L}{4,})\.$/u, "$1");
      orgEnd = head.end + forOrg.index + forOrg[0].trimEnd().length;
    } else if (forBody) {
      // "a spokesperson for the federation": the body named by its role noun speaks through them.
      org = forBody.name;
      orgEnd = head.end + forBody.length;
    } else {
      // "a government spokeswoman", "a ministry spokesman".
      org = org ?? modifiers.find((word) => INSTITUTION_ROLE_NOUNS.has(word)) ?? null;
    }
  } else if (kind !== "institution") {
    org = null;
  }
  const gender = GENDERED_TITLES.get(headLower) ?? null;
  const start = (words[from] as Word).start;
  let end = orgEnd > 0 ? orgEnd : head.end;
  const ofName = words[headIndex + 1]?.lower === "of" ? runAt.get(headIndex + 2) : undefined;
  if (!possessorText && ofName?.mention && (kind === "institution" || kind === "person") && !anonymous && !plural) {
    const ownerWords = words.slice(ofName.run.from, ofName.run.to);
    const owner = ownerWords.map((w) => w.value).join(" ");
    if (countryKey(owner.toLowerCase())) country = countryKey(owner.toLowerCase());
    else possessorText = owner;
    end = (ownerWords[ownerWords.length - 1] as Word).end;
  }
  // "the head of the agency", "the director of the museum", "the head of state": the body (or office) it heads owns the role.
  const ofBody = kind === "person" && !possessorText && !anonymous && !plural ? OF_BODY.exec(text.slice(head.end, head.end + 60)) : null;
  if (ofBody) {
    const isBody = (word: string | undefined) => !!word && (INSTITUTION_ROLE_NOUNS.has(word) || OFFICE_NOUNS.has(word));
    const [second, first] = [ofBody[2], ofBody[1] as string];
    const body = isBody(second) ? second : isBody(first) ? first : null;
    if (body) {
      possessorText = body;
      end = head.end + (body === second ? ofBody[0].length : ofBody[0].indexOf(first) + first.length);
    }
  }
  if (kind === "document" && !possessorText) {
    // "a draft of the sale agreement", "a copy of the letter": the document the head is part of.
    const of = /^\s+of\s+(?:the\s+|an?\s+)?(?:[\p{Ll}-]+\s+){0,2}([\p{Ll}]+)\b/u.exec(text.slice(head.end, head.end + 60));
    if (of && DOCUMENT_NOUNS.has(of[1] as string)) end = head.end + of[0].length;
  }
  if (anonymous && anonymousCue && cue && /^(?:familiar|close|briefed|knowledgeable|aware)$/u.test(cue.lower)) {
    for (let k = headIndex + 2; k < words.length && k <= headIndex + 8; k++) {
      const w = words[k] as Word;
      // "people familiar with the board's thinking": a word after a possessive is a noun, whatever its form.
      const afterPossessive = POSSESSIVE.test((words[k - 1] as Word).value);
      if (w.inQuote || (w.pos === "VERB" && !afterPossessive) || w.pos === "AUX" || (/^[\p{P}]+$/u.test(w.value) && !POSSESSIVE.test(w.value))) break;
      end = w.end;
    }
  }
  return {
    from,
    mention: blankMention({
      start,
      end,
      text: text.slice(start, end),
      type: "description",
      kindHint: anonymous ? "source" : kind,
      role: { head: headLower, country, possessor: possessorText, modifiers },
      gender,
      plural,
      definite: determiner === "the" || determiner === "this" || determiner === "that" || possessorText !== null,
      org,
    }),
  };
}

/** Role nouns for a person or a body alike ("the yard's owner, Nordhaven Marine", "its rival, Corvane Lines"). */
const EITHER_HEADS: ReadonlySet<string> = new Set([
  "owner",
  "buyer",
  "seller",
  "partner",
  "employer",
  "client",
  "customer",
  "investor",
  "shareholder",
  "bidder",
  "landlord",
  "tenant",
  "host",
  "rival",
  "opponent",
  "ally",
  "counterpart",
  "successor",
  "predecessor",
  "challenger",
]);

/** What joins a description to the name it goes by: "calling itself", "which calls itself", "known as", "named", "called". */
export const NAMED_AS =
  /^,?\s+(?:(?:which|that|who)\s+(?:calls|call|styles|style)\s+(?:itself|themselves|himself|herself)|calling\s+(?:itself|themselves|himself|herself)|styling\s+(?:itself|themselves)|(?:also\s+)?known\s+as|named|called)\s+(?:the\s+)?$/iu;

/** A lower-case word after a description that goes on with the clause's verb ("the president said"), not with more of the phrase. */
const CLAUSE_VERB_AFTER = /^\s+(?!(?:and|or|but|of|who|whose|which|that|with|in|at|from|for|on|to|by|as)\b)\p{Ll}/u;
const PREPOSITION_BEFORE = /(?:^|\s)(?:in|at|from|to|into|near|outside|inside|across|about|on|over|with|for|by|after|before|against|towards?)\s+(?:the\s+)?$/iu;

const BRACKETED = /^\s*\(([^()\s]{2,8})\)/u;

/** An acronym in brackets right after a name ("Kessby Container Terminals (KCT)"): it, and how far the brackets reach; or null. */
export function bracketedAcronym(text: string, at: number): { acronym: string; length: number } | null {
  const m = BRACKETED.exec(text.slice(at, at + 12));
  return m && isAcronym(m[1] as string) ? { acronym: m[1] as string, length: m[0].length } : null;
}

/** Whether a name set beside a description ends there: a comma, or the sentence's end. */
function closesApposition(text: string, at: number): boolean {
  return /^\s*(?:,|[.!?]?\s*$|[.!?](?=\s))/u.test(text.slice(at, at + 2));
}

function linkAppositions(text: string, mentions: Mention[]): void {
  for (let k = 1; k < mentions.length; k++) {
    const b = mentions[k] as Mention;
    // "Sarah Odell, the union's regional secretary,": the owner inside the description is no apposition of its own.
    if (mentions.slice(Math.max(0, k - 6), k).some((m) => m.start <= b.start && m.end >= b.end && m.end - m.start > b.end - b.start)) continue;
    const before = mentions[k - 1] as Mention;
    // "A group calling itself Red Lantern", "a militia known as the Dawn Brigade": the name is the description's.
    if (
      before.type === "description" &&
      b.type === "name" &&
      before.kindHint !== "source" &&
      before.kindHint !== "document" &&
      NAMED_AS.test(text.slice(before.end, b.start)) &&
      // "named" and "called" only after "a …": "The minister called Strand's plan a bluff" is a verb.
      (!before.definite || !/\b(?:named|called)\s+(?:the\s+)?$/iu.test(text.slice(before.end, b.start)))
    ) {
      before.apposition = k;
      b.apposition = k - 1;
      if (before.kindHint === "institution") b.kindHint = "institution";
      continue;
    }
    let a: Mention | null = null;
    let ai = -1;
    for (let j = k - 1; j >= 0 && j >= k - 6; j--) {
      const c = mentions[j] as Mention;
      if (!/^,\s*$/u.test(text.slice(c.end, b.start))) continue;
      if (!a || c.start < a.start) {
        a = c;
        ai = j;
      }
    }
    if (!a) continue;
    // "Asked about the complaint in Valdmark, the president said": a phrase's object before the clause's subject, no apposition.
    if (a.type === "name" && PREPOSITION_BEFORE.test(text.slice(Math.max(0, a.start - 16), a.start)) && CLAUSE_VERB_AFTER.test(text.slice(b.end, b.end + 12)))
      continue;
    if (a.type === "name" && !a.possessive && b.type === "description" && b.kindHint !== "source" && b.kindHint !== "document") {
      a.apposition = k;
      b.apposition = ai;
      // "Corvane Lines, the state ferry operator,": a name set beside an institution is one; "Tomasz, a
      // 28-year-old barista," beside a person is a person.
      if (b.kindHint === "institution" && !b.role?.possessor) a.kindHint = "institution";
      else if (b.kindHint === "person" && a.kindHint === null && !EITHER_HEADS.has(b.role?.head ?? "")) a.kindHint = "person";
    } else if (
      a.type === "description" &&
      b.type === "name" &&
      (a.kindHint !== "source" || (!a.plural && b.kindHint !== "place" && b.kindHint !== "institution")) &&
      closesApposition(text, b.end + (bracketedAcronym(text, b.end)?.length ?? 0))
    ) {
      // "the company's managing director, Fiona Grady," and at the end of a sentence ("…,” said the director, Fiona Grady.").
      a.apposition = k;
      b.apposition = ai;
      if (a.kindHint === "institution" && !a.role?.possessor) b.kindHint = "institution";
      // "its chief negotiator, Ana Lima,": a role named is no unnamed source.
      if (a.kindHint === "source") a.kindHint = "person";
    }
  }
  mentions.forEach((m, i) => {
    m.index = i;
  });
  for (const m of mentions) {
    if (m.type !== "description" || !m.role?.possessor) continue;
    const owner = mentions.find((o) => o.type !== "description" && o.possessive && o.start >= m.start && o.end <= m.end);
    if (owner) m.possessor = owner.index;
  }
}
