import type { SpeakerKind, Span } from "./types";
import { sentenceIndexAt, type Sentence, type Tokens } from "./sentences";
import type { QuoteSpan } from "./quotes";
import { NAMED_AS, bracketedAcronym, type Mention, type RoleWords } from "./mentions";
import { CLUB_WORDS, COMPANY_HEADS, COMPANY_WORDS, DOCUMENT_EPITHETS, INSTITUTION_ROLE_NOUNS, ORG_WORDS, PARTY_WORDS, PORTFOLIO_WORDS } from "./lexicon/roles";
import { TAG_FILLERS, TAG_OBJECTS } from "./lexicon/speech-verbs";
import { UNNAMED_SOURCE, normalizeName, splitPersonName, type RoleKey, type SpeakerBook } from "./speakers";
import { countryKey, demonymOf, isCountryName, isDemonym } from "./lexicon/demonyms";
import { givenNameGender } from "./lexicon/given-names";
import { rankCandidates, type RankExample, type RankFeatures, type RankerWeights } from "./ranker";
import { coordinatedPartner, governingVerb, isOrgEpithet, isPersonEpithet, nounPhraseBefore, nounPhraseName } from "./structure";
import {
  findReportedFrames,
  insideQuote,
  isScareMarked,
  isSubjectOrDocument,
  mentionEndingAt,
  mentionStartingAt,
  sentenceSubject,
  subjectBefore,
  verbIndexBefore,
  verbSubject,
  type ReportedFrame,
  type VerbHit,
} from "./reported";

/** Options of the discourse pass: other ranker weights, and a collector of silver training examples. */
export type ResolveOptions = {
  weights?: RankerWeights;
  /** Called for each person name, with the candidates it would have had as a pronoun and which is right. */
  silver?: (m: Mention, example: RankExample) => void;
};

/** Who a mention refers to, as far as the text tells. */
export type Resolution = { id: string | null; kind: SpeakerKind | null; confidence: number };

/** The attribution of one quoted segment. `isClaim` is false for scare quotes and titles. */
export type QuoteAttribution = {
  quote: QuoteSpan;
  isClaim: boolean;
  partial: boolean;
  speakerId: string | null;
  speakerKind: SpeakerKind | null;
  mention: Mention | null;
  verb: string | null;
  confidence: number;
  method: string;
};

/** The attribution of one reported-speech frame. */
export type FrameAttribution = {
  frame: ReportedFrame;
  speakerId: string;
  speakerKind: SpeakerKind;
  mention: Mention;
  verb: string | null;
  confidence: number;
  method: string;
};

/** Everything the sieve reads: the cleaned text and the output of the earlier steps. */
export type AttributionInput = {
  text: string;
  paragraphs: readonly Span[];
  sentences: readonly Sentence[];
  quotes: readonly QuoteSpan[];
  mentions: readonly Mention[];
  verbs: readonly VerbHit[];
  /** Tokens with parts of speech; without them the structural stages are skipped. */
  tokens?: Tokens;
};

type Tag = { mention: Mention | null; verb: VerbHit | null; confidence: number; method: string; speaker?: Resolution };

/**
 * The acronym a name is given in brackets right after it ("Kessmouth Container Terminals (KCT)", "the
 * Dockers' Union (ADU)"), when its letters are the initials of the name's capitalised words or of all its words.
 */
function acronymAfter(text: string, end: number, name: string): string | null {
  const bracketed = bracketedAcronym(text, end);
  if (!bracketed) return null;
  const acronym = bracketed.acronym.replace(/&/gu, "");
  const words = name
    .replace(/^the\s+/iu, "")
    .split(/[\s-]+/u)
    .filter(Boolean);
  const initials = (list: string[]) => list.map((w) => (w[0] as string).toUpperCase()).join("");
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w));
  return acronym === initials(capitalised) || acronym === initials(words) ? acronym : null;
}

const LENGTH = /^\d[\d,.]*[-\s]?(?:pages?|words?|lines?|paragraphs?|chapters?|volumes?|minutes?|hours?|seconds?)$/u;

const GENERIC_ORG_HEADS = new Set(["agency", "organisation", "organization", "body", "group", "institution", "watchdog", "regulator", "company", "firm"]);
const INDEFINITE = /^(?:a|an|one)\s/iu;

/** The words whose name ends in one makes an institution the one a generic noun means ("the company": "… Construction"; "the club": "… Rovers"; "the party": "… Alliance"). */
function nameWordsOfKind(head: string): ReadonlySet<string> | undefined {
  if (COMPANY_HEADS.has(head)) return COMPANY_WORDS;
  if (head === "club") return CLUB_WORDS;
  if (head === "party") return PARTY_WORDS;
  return undefined;
}

/** Whether a body's names fit the field a description gives it: "the finance ministry" is not the "Ministry of Energy". */
function samePortfolio(modifiers: readonly string[], aliases: readonly string[]): boolean {
  const field = modifiers.find((w) => PORTFOLIO_WORDS.has(w.toLowerCase()))?.toLowerCase();
  if (!field) return true;
  const words = aliases.flatMap((alias) => alias.split(" "));
  return words.includes(field) || !words.some((w) => PORTFOLIO_WORDS.has(w));
}

/** Whose words: a name or noun phrase with a possessive, or a possessive pronoun ("Lindgren's", "the union's", "Her"). */
const OWNER = String.raw`(?:^|[\s(])(?<owner>(?:the\s+)?(?:\p{Lu}[\p{L}.-]*\s+){0,3}[\p{L}][\p{L}.-]*['’]s?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\p{Ll}-]+\s+){0,2}`;
/** Someone's words named by a noun before a colon: "X's message (to voters) was blunt:", "Her verdict:". */
const OWNED_WORDS = new RegExp(
  String.raw`${OWNER}(?:message|words|response|reply|answer|verdict|conclusion|warning|advice|retort|assessment|comment|reaction|explanation|promise|plea)\b[^:“”"]{0,60}:\s*$`,
  "u",
);
/** Someone's words named by a speech noun just before a fragment: "Venn's promise of “no job losses”", "the union's demand for “…”". */
const OWNED_SPEECH = new RegExp(
  String.raw`${OWNER}(?:promise|pledge|demand|call|appeal|plea|warning|claim|vow|threat|statement|remarks|comments|description|assurance|insistence|admission)s?\s+(?:of|for|that|to)\s+(?:[\p{Ll}-]+\s+){0,3}$`,
  "u",
);
const SPOKES_HEADS = new Set(["spokesperson", "spokesman", "spokeswoman", "representative"]);
/** Words before a quoted title or label ("the film “Sea Change”"); "show", "play" and "sign" only as nouns, not after "to show". */
const TITLE_CUES =
  /(?<!\b(?:to|will|would|can|could|must|should|did|does|do|not)\s+)\b(?:titled|entitled|film|book|song|album|novel|documentary|series|show|play|headline|headlined|slogan|hashtag|banner|sign|known as|(?:reference|references|mention|mentions)\s+(?:of|to)|the\s+(?:term|phrase))\s*$/iu;
const PERSON_ROLE_PLURAL = /^(?:leaders|presidents|mayors|ministers|men|women|officials|captains|coaches|players|sides|chiefs|heads|negotiators)$/u;
/** A quoted name or label ("Phase Two", "Fair Fares"): capitalised words only, no one's words. */
const TITLE_LIKE = /^(?:\p{Lu}[\p{L}'’-]*)(?:\s+(?:of|the|and|for|\p{Lu}[\p{L}'’-]*)){0,3}$/u;
/** The verb sits in a later clause of the sentence than its first words. */
const LATER_CLAUSE = /,\s*(?:while|whereas|but|and|although|though|as)\s/iu;
const LINK_LABEL = /^,?\s*\(?(?:opens|opening|open) in (?:a )?new (?:window|tab)\)?,?/iu;
/** Roles held for or beside someone else (their spokesman, relative, friend): never an epithet for the person named last. */
const AGENT_ROLES: ReadonlySet<string> = new Set([
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "agent",
  "wife",
  "husband",
  "partner",
  "son",
  "daughter",
  "mother",
  "father",
  "brother",
  "sister",
  "friend",
  "neighbour",
  "neighbor",
]);

/** Professions someone acts for others in: bare ("the lawyer"), not an epithet for the person named last. */
const COUNSEL_ROLES: ReadonlySet<string> = new Set(["lawyer", "attorney", "solicitor", "barrister", "counsel", "doctor"]);

/** What puts a body in the place of the one addressed: "told the Herald", "a response to The Sentinel", "an interview with". */
const ADDRESSEE_BEFORE = /\b(?:to|told|with)\s+(?:the\s+)?$/iu;

/** Where a clause ends before a fragment; ", but that …" goes on with the same speech verb's second complement. */
const CLAUSE_STOP = /;|\bwhile\b|\bwhereas\b|\balthough\b|\bthough\b|,\s+but\b(?!\s+that\b)/u;
const AS_SAYING = /^\s+as\s+saying\b\s*(?:that\b)?\s*[,:]?\s*/iu;
const TERMINAL_INSIDE = /[.!?…]["”’»]?$/u;
const COMPLEMENT_AFTER = /^\s+(?:that|the|a|an|he|she|they|it|we|there|this|[\p{Lu}])/u;
/**
 * After a quote that ends its own sentence, someone new followed by a verb and a clause starts a new sentence ("“…matters.”
 * A government source said ministers had been told"), not a tag; a tag goes on with a phrase, an adverb or nothing.
 */
const CLAUSE_AFTER =
  /^\s+(?!(?:in|on|at|to|during|after|before|from|with|by|of|for|afterwards|later|earlier|again|yesterday|today|tonight|reporters|journalists|when|while|as|outside|via|through|then)\b)\p{Ll}+\b(?<!ly)/u;

/**
 * The one speaker for people who speak together ("the two leaders", "Trump and Zelensky said"), their names in
 * alphabetical order, so that a pair is one speaker of the story whichever of them an article names first.
 */
function jointName(book: SpeakerBook, people: readonly string[]): string {
  return people
    .map((id) => book.name(id))
    .sort((a, b) => a.localeCompare(b))
    .join("; ");
}

/** "The two leaders", "the three ministers": the joint speaker of the `count` people named last before a position, or null. */
function jointOfRecent(book: SpeakerBook, before: number, count: number): string | null {
  const people = book.recent("person", before, count);
  return people.length === count ? book.learnOther("source", jointName(book, people)) : null;
}

function capitalise(word: string): string {
  return word ? (word[0] as string).toUpperCase() + word.slice(1) : word;
}

function possessorKey(text: string | null): string | null {
  if (!text) return null;
  const words = normalizeName(text).split(" ");
  return words[words.length - 1] ?? null;
}

function roleKey(role: RoleWords): RoleKey {
  return { head: role.head, country: role.country, possessor: possessorKey(role.possessor), modifiers: role.modifiers };
}

/**
 * The discourse pass: resolves every mention to a speaker, in reading order, learning names,
 * aliases, roles (from titles and appositions) and gender evidence into the speaker book.
 * Pronouns go to the most salient compatible person: earlier in the same sentence first, then the
 * subject and other mentions of the preceding sentences (across paragraph breaks), skipping people
 * whose gender, as evident from the text, does not fit.
 */
export function resolveMentions(input: AttributionInput, book: SpeakerBook, options: ResolveOptions = {}): Resolution[] {
  const { text, mentions } = input;
  const { weights, silver } = options;
  const salience = new Map<string, number>();
  const out: (Resolution | undefined)[] = new Array(mentions.length);
  const bySentence = new Map<number, Mention[]>();
  for (const m of mentions) {
    const list = bySentence.get(m.sentence) ?? [];
    list.push(m);
    bySentence.set(m.sentence, list);
  }
  const subjects = new Map<number, Mention | null>();
  const subjectOf = (s: number): Mention | null => {
    if (!subjects.has(s)) subjects.set(s, sentenceSubject(text, mentions, s));
    return subjects.get(s) ?? null;
  };

  const resolve = (m: Mention): Resolution => {
    const known = out[m.index];
    if (known) return known;
    out[m.index] = { id: null, kind: null, confidence: 0 };
    const r = resolveOne(m);
    out[m.index] = r;
    if (r.id && r.kind === "person" && silver && m.type === "name") {
      const { ids, features } = personCandidates(m, book.gender(r.id));
      const answer = ids.indexOf(r.id);
      if (answer >= 0 && ids.length > 1) silver(m, { candidates: features, answer });
    }
    if (r.id) salience.set(r.id, (salience.get(r.id) ?? 0) + 1);
    if (r.id) book.touch(r.id, m.start, m.type === "name" || m.type === "description" ? (m.name ?? m.text) : undefined);
    return r;
  };

  const learnRole = (id: string, role: RoleWords | null): void => {
    if (role && book.kind(id) === "person") book.addRole(id, roleKey(role));
  };

  const resolveName = (m: Mention): Resolution => {
    const name = m.name ?? m.text;
    const apposed = m.apposition !== null ? mentions[m.apposition] : undefined;
    // A name given an acronym of its initials is an institution's, whatever its words suggested ("Kessmouth Container Terminals (KCT)").
    const acronym = m.kindHint === "place" ? null : acronymAfter(text, m.end, name);
    if (m.kindHint === "institution" || acronym) {
      const id = book.learnOther("institution", name.replace(/^the\s+/iu, ""));
      // "the state water company, Aquestra": the description names it again later ("the company said").
      if (
        apposed?.type === "description" &&
        apposed.kindHint === "institution" &&
        apposed.role &&
        !apposed.role.possessor &&
        apposed.role.modifiers.length > 0
      ) {
        book.addInstitutionAlias(id, [...apposed.role.modifiers, apposed.role.head].join(" "));
      }
      // "A group calling itself Red Lantern": "the group" is Red Lantern too, however plain the description.
      if (apposed?.type === "description" && apposed.role && apposed.end <= m.start && NAMED_AS.test(text.slice(apposed.end, m.start)))
        book.addInstitutionDescription(id, apposed.role.head);
      if (acronym) book.addInstitutionAlias(id, acronym);
      return { id, kind: "institution", confidence: 0.95 };
    }
    if (m.givenOnly) {
      const found = book.findPerson(name, true);
      if (found) return { id: found.id, kind: "person", confidence: found.confidence };
    }
    // "Tallis Rock" after "Tallis Rock Capital": the company by a shorter name, not a person (whom a title or role would have marked).
    const bare = m.kindHint !== "place" && !m.role && m.text.replace(/^the\s+/iu, "") === name;
    const institution = bare ? book.findInstitutionShortForm(name) : null;
    if (institution) return { id: institution, kind: "institution", confidence: 0.85 };
    // "Corvana said" after "Corvana Health": the body by the first word of its name, unless that is someone's name.
    const byFirstWord = bare && m.kindHint !== "person" && !name.includes(" ") && !book.findPerson(name) ? book.findInstitutionByFirstWord(name) : null;
    if (byFirstWord) return { id: byFirstWord, kind: "institution", confidence: 0.8 };
    let person: { id: string; confidence: number } | null = null;
    if (m.kindHint === "person") person = book.learnPerson(name);
    else person = book.findPerson(name);
    if (person && m.kindHint === "place" && person.confidence < 0.95) person = null;
    if (person) {
      learnRole(person.id, m.role);
      if (m.gender === "m" || m.gender === "f") book.voteGender(person.id, m.gender);
      if (apposed?.type === "description") {
        learnRole(person.id, apposed.role);
        if (apposed.gender === "m" || apposed.gender === "f") book.voteGender(person.id, apposed.gender);
      }
      if (book.gender(person.id) === null) {
        // No title, role or pronoun has shown it yet: a given name that is nearly always a woman's or a man's.
        const byName = givenNameGender(book.given(person.id));
        if (byName) book.voteGender(person.id, byName);
      }
      return { id: person.id, kind: "person", confidence: person.confidence };
    }
    const alias = book.findAlias(name);
    if (alias) return { id: alias, kind: book.kind(alias), confidence: 0.9 };
    if (m.kindHint === null && personEvidence(m)) {
      const learned = book.learnPerson(name);
      if (apposed?.type === "description") learnRole(learned.id, apposed.role);
      return { id: learned.id, kind: "person", confidence: 0.8 };
    }
    return { id: null, kind: null, confidence: 0 };
  };

  const personEvidence = (m: Mention): boolean => {
    const apposed = m.apposition !== null ? mentions[m.apposition] : undefined;
    if (apposed?.type === "description" && apposed.kindHint === "person") return true;
    return /^,\s*\d{1,3}\s*,/u.test(text.slice(m.end, m.end + 8));
  };

  /**
   * The subject of the nearest sentence, from `first` back `back` more, that is a speaker of one of `kinds` (and whose
   * words, up to the mention in its own sentence, pass `words`); never the mention itself.
   */
  const recentSubject = (m: Mention, first: number, back: number, kinds: readonly SpeakerKind[], words?: RegExp): Resolution | null => {
    for (let s = first; s >= Math.max(0, first - back); s--) {
      const sentence = input.sentences[s];
      if (!sentence || (words && !words.test(text.slice(sentence.start, s === m.sentence ? m.start : sentence.end)))) continue;
      const subject = subjectOf(s);
      if (!subject || subject === m) continue;
      const r = resolve(subject);
      if (r.id && r.kind && kinds.includes(r.kind)) return r;
    }
    return null;
  };

  /** "Quaresma family" for a family described by whose it is: "his", "Quaresma's", or "of" a person named after it. */
  const familyName = (m: Mention): string | null => {
    const owner = mentions.find((o) => o !== m && (o.type === "name" || o.type === "pronoun") && o.start >= m.start && o.end <= m.end);
    const r = owner ? resolve(owner) : null;
    return r?.id && r.kind === "person" ? `${splitPersonName(book.name(r.id)).surname} family` : null;
  };

  /** The institution that is the subject of the mention's sentence or one of the two before ("The authority said …"), or null. */
  const bodyJustNamed = (m: Mention): string | null => recentSubject(m, m.sentence, 2, ["institution"])?.id ?? null;

  /**
   * A document the article describes by more than its noun ("the 38-page draft coalition agreement" is the
   * "draft coalition agreement"), and the same document named again by one of its words ("the draft says").
   */
  const documentNamed = (m: Mention, role: RoleWords): Resolution | null => {
    // Its length ("38-page") and what befell it ("leaked") describe it; a label is part of its name ("20-point").
    const words = role.modifiers.filter((w) => !LENGTH.test(w) && !/ed$/u.test(w) && !DOCUMENT_EPITHETS.has(w) && !countryKey(w));
    if (words.length) return { id: book.learnOther("document", [...words, role.head].join(" ")), kind: "document", confidence: 0.8 };
    if (!m.definite) return null;
    for (const id of book.recent("document", m.start, 3))
      if (book.name(id).toLowerCase().split(" ").includes(role.head)) return { id, kind: "document", confidence: 0.75 };
    return null;
  };

  /** Who issued the statement a sentence of the three before a mention names: that sentence's subject, when it is someone. */
  const statementIssuer = (m: Mention): Resolution | null => {
    const r = recentSubject(m, m.sentence, 3, ["person", "institution"], /\bstatement\b/iu);
    return r ? { ...r, confidence: Math.min(0.8, r.confidence) } : null;
  };

  /** Whether the article names a speaker soon after a mention, and not before it (by the last word of their name). */
  const namedLater = (id: string, m: Mention): boolean => {
    const first = book.firstSeen(id);
    if (first >= 0 && first < m.start) return false;
    const last = book.name(id).split(" ").pop() ?? "";
    if (!last) return false;
    // Bounded: a lead names its people within its first paragraphs.
    for (let k = m.index + 1; k < mentions.length && (mentions[k] as Mention).start < m.end + 3000; k++) {
      const x = mentions[k] as Mention;
      if (x.type === "name" && x.text.split(/\s+/u).includes(last)) return true;
    }
    return false;
  };

  /** An unnamed source described by `head` earlier in the mention's paragraph, within the two sentences before it. */
  const unnamedBefore = (m: Mention, head: string): Resolution | null => {
    for (let k = m.index - 1; k >= 0; k--) {
      const c = mentions[k] as Mention;
      if (c.paragraph !== m.paragraph || c.sentence < m.sentence - 2) break;
      if (c.type !== "description" || c.role?.head !== head || c.kindHint !== "source") continue;
      const r = resolve(c);
      return r.kind === "source" ? r : null;
    }
    return null;
  };

  const resolveDescription = (m: Mention): Resolution => {
    const role = m.role as RoleWords;
    // "the two leaders", "both men": the people named last; not "Two people familiar with the talks".
    // Not "Three jurors told the usher", "two lawmakers said": people the text has not named.
    const definite = /^(?:the|both)\s/iu.test(m.text) || /\bthe\s+$/iu.test(text.slice(Math.max(0, m.start - 5), m.start));
    const group = m.kindHint === "person" && definite ? /^(?:the\s+)?(two|three|both)\s/iu.exec(m.text) : null;
    if (group) {
      const count = (group[1] as string).toLowerCase() === "three" ? 3 : 2;
      const joint = jointOfRecent(book, m.start, count);
      if (joint) return { id: joint, kind: "source", confidence: 0.6 };
    }
    const apposed = m.apposition !== null ? mentions[m.apposition] : undefined;
    if (apposed?.type === "name") {
      const r = resolve(apposed);
      if (r.id) return { ...r, confidence: Math.min(r.confidence, 0.95) };
    }
    if (m.kindHint === "source") {
      const known = m.definite && !m.plural ? book.findByRole({ ...roleKey(role), possessor: null, modifiers: [] })[0] : undefined;
      if (known) return { id: known.id, kind: "person", confidence: known.confidence * 0.9 };
      return { id: book.learnOther("source", UNNAMED_SOURCE), kind: "source", confidence: 0.9 };
    }
    if (m.plural && role.head.endsWith("s") && !role.possessor && !INDEFINITE.test(m.text)) {
      // "The operators say …", "Local residents told the council …": the group speaks as itself.
      const words = [...role.modifiers.filter((w) => !countryKey(w)), role.head];
      return { id: book.learnOther("institution", words.join(" ")), kind: "institution", confidence: 0.6 };
    }
    // "Its spokesman" likewise: the body's own.
    if (SPOKES_HEADS.has(role.head) && !m.org && !role.possessor && (INDEFINITE.test(m.text) || /^its\s/iu.test(m.text))) {
      // "The authority said it would review the findings. A spokeswoman said …": the body just named.
      const body = bodyJustNamed(m);
      if (body) return { id: body, kind: "institution", confidence: 0.7 };
    }
    if (SPOKES_HEADS.has(role.head) && m.org) {
      const org = m.org.replace(/^the\s+/iu, "");
      const last = org.split(/\s+/u).pop() ?? org;
      // "a company spokesman": the company the article named last.
      const id =
        book.findAlias(org) ??
        book.findInstitutionByWord(last, nameWordsOfKind(last.toLowerCase()), (aliases) => samePortfolio(org.split(/\s+/u), aliases)) ??
        book.learnOther("institution", org);
      return { id, kind: "institution", confidence: 0.85 };
    }
    if (m.kindHint === "document") {
      // "Norvik said in a statement that … “…,” the statement said.": a statement speaks for whoever issued it.
      const issuer = role.head === "statement" && !role.possessor && m.definite ? statementIssuer(m) : null;
      if (issuer) return issuer;
      if (!role.possessor) {
        const named = documentNamed(m, role);
        if (named) return named;
      }
      if (role.possessor && /^\p{Lu}/u.test(role.possessor)) {
        const owner = m.possessor !== null ? resolve(mentions[m.possessor] as Mention) : null;
        const ownerName = owner?.id ? book.name(owner.id) : role.possessor;
        return { id: book.learnOther("document", `${capitalise(role.head)} of ${ownerName}`), kind: "document", confidence: 0.9 };
      }
      return { id: null, kind: "document", confidence: 0.3 };
    }
    if (m.kindHint === "institution" && role.head === "family" && !m.plural) {
      // "His family said in a statement", "the family of Ana Prieto", "Wielgosz's family": the family speaks as itself.
      const family = familyName(m);
      if (family) return { id: book.learnOther("institution", family), kind: "institution", confidence: 0.8 };
    }
    if (m.kindHint === "institution") {
      if (role.possessor && /^\p{Lu}/u.test(role.possessor)) {
        const name = [role.possessor, ...role.modifiers, role.head].join(" ");
        return { id: book.learnOther("institution", name), kind: "institution", confidence: 0.85 };
      }
      // "Corvana declined to comment. The company said …": a body named by a bare name in the sentence before is
      // the company, before any firm named earlier whose name ends in a company word.
      const subject = COMPANY_HEADS.has(role.head) && m.definite && m.sentence > 0 ? subjectOf(m.sentence - 1) : null;
      const bare = subject?.type === "name" ? resolve(subject) : null;
      const bareName = bare?.id && bare.kind === "institution" ? book.name(bare.id) : "";
      const bareWords = bareName.toLowerCase().split(/\s+/u);
      if (bare?.id && bareName && !bareWords.some((w) => ORG_WORDS.has(w) || INSTITUTION_ROLE_NOUNS.has(w)))
        return { id: bare.id, kind: "institution", confidence: 0.75 };
      const id = book.findInstitutionByWord(role.head, nameWordsOfKind(role.head), (aliases) => samePortfolio(role.modifiers, aliases));
      if (id) return { id, kind: "institution", confidence: 0.8 };
      const body = GENERIC_ORG_HEADS.has(role.head) && m.definite ? bodyJustNamed(m) : null;
      if (body) return { id: body, kind: "institution", confidence: 0.6 };
      if ((m.definite || !m.prevWord) && !m.plural) {
        const words = [...role.modifiers, role.head].filter((w) => !countryKey(w) || role.modifiers.length === 0);
        return { id: book.learnOther("institution", words.join(" ")), kind: "institution", confidence: 0.6 };
      }
      return { id: null, kind: "institution", confidence: 0.2 };
    }
    // "A portfolio manager, who asked not to be named, said … “…,” the manager said.": the same unnamed source.
    if (m.definite && !m.plural) {
      const unnamed = unnamedBefore(m, role.head);
      if (unnamed) return unnamed;
    }
    const indefinite = INDEFINITE.test(m.text) && !m.plural;
    const candidates = book.findByRole(roleKey(role));
    const best = candidates[0];
    // An indefinite description brings in someone new: "one analyst" after an analyst this article named
    // before is another, unnamed one, and "one driver" is not a driver of the story's other articles. Only a
    // lead's "according to a prosecutor", with the prosecutor named further on, is someone known.
    if (best && (!indefinite || namedLater(best.id, m)))
      return { id: best.id, kind: "person", confidence: best.confidence * (candidates.length > 1 ? 0.9 : 1) };
    // "a lawyer", "one retired judge": someone the text never names.
    if (indefinite) return { id: book.learnOther("source", UNNAMED_SOURCE), kind: "source", confidence: 0.6 };
    return { id: null, kind: "person", confidence: 0.2 };
  };

  /**
   * The people a pronoun could refer to: persons mentioned earlier in its sentence and in up to five
   * sentences before (across at most two paragraph breaks), nearest sentence first and, within a
   * sentence, its subject first; each with the features the mention ranker reads.
   */
  const personCandidates = (m: Mention, gender: "m" | "f" | null): { ids: string[]; features: RankFeatures[] } => {
    const ids: string[] = [];
    const features: RankFeatures[] = [];
    let breaks = 0;
    let lastParagraph = m.paragraph;
    for (let s = m.sentence, back = 0; s >= 0 && back <= 5; s--, back++) {
      const list = bySentence.get(s) ?? [];
      const first = list[0];
      if (first && first.paragraph !== lastParagraph) {
        breaks += lastParagraph - first.paragraph;
        lastParagraph = first.paragraph;
      }
      if (breaks > 2) break;
      const before = s === m.sentence ? list.filter((x) => x.end <= m.start) : list;
      const subject = subjectOf(s);
      const rest = s === m.sentence ? [...before].reverse() : before;
      const ordered = subject && before.includes(subject) ? [subject, ...rest.filter((x) => x !== subject)] : rest;
      const here: { id: string; c: Mention }[] = [];
      for (const c of ordered) {
        if (c === m) continue;
        const r = resolve(c);
        if (!r.id || (r.kind !== "person" && !speaksForOthers(c, r))) continue;
        here.push({ id: r.id, c });
      }
      const people = new Set(here.map((h) => h.id));
      for (const { id, c } of here) {
        if (ids.includes(id)) continue;
        const g = book.kind(id) === "person" ? book.gender(id) : c.gender === "m" || c.gender === "f" ? c.gender : null;
        ids.push(id);
        features.push({
          back,
          breaks,
          subject: c === subject,
          order: features.length,
          salience: salience.get(id) ?? 0,
          gender: !gender || !g ? 0 : g === gender ? 1 : -1,
          speaks: speaksAt(c),
          alone: people.size === 1,
        });
      }
    }
    return { ids, features };
  };

  /**
   * A person the text describes but does not name, who speaks for a body or anonymously, as the subject of
   * a sentence ("A Lumora spokesman disputed that.", "One union official …"): "he said" after them is their
   * body's or the unnamed source's words. Not one met in passing ("Asked by one analyst …, she said").
   */
  const speaksForOthers = (c: Mention, r: Resolution): boolean =>
    c.type === "description" &&
    c.role !== null &&
    (r.kind === "source" || SPOKES_HEADS.has(c.role.head)) &&
    !c.plural &&
    c.kindHint !== "institution" &&
    c.kindHint !== "document" &&
    subjectOf(c.sentence) === c;

  const speaksAt = (c: Mention): boolean => {
    if (!c.verbAfter) return false;
    const k = verbIndexBefore(input.verbs, c.end + 24);
    const v = input.verbs[k];
    return !!v && v.start >= c.end && v.sentence === c.sentence;
  };

  const resolvePronoun = (m: Mention): Resolution => {
    if (m.plural) return oneOfSources(m);
    const wantsPerson = m.gender === "m" || m.gender === "f";
    if (wantsPerson) {
      const { ids, features } = personCandidates(m, m.gender as "m" | "f");
      if (ids.length === 0) return { id: null, kind: null, confidence: 0 };
      const p = rankCandidates(features, weights);
      // "she" is nobody the text has shown to be a man (and "he" nobody shown to be a woman).
      let best = -1;
      p.forEach((score, k) => {
        if ((features[k] as RankFeatures).gender >= 0 && (best < 0 || score > (p[best] as number))) best = k;
      });
      if (best < 0) return { id: null, kind: null, confidence: 0 };
      const id = ids[best] as string;
      const f = features[best] as RankFeatures;
      const kind = book.kind(id);
      if (kind === "person" && f.gender >= 0 && ((f.alone && f.back <= 1) || (p[best] as number) >= 0.6)) book.voteGender(id, m.gender as "m" | "f");
      const confidence = Math.min(0.95, Math.max(0.3, (p[best] as number) * Math.pow(0.95, f.back)));
      return { id, kind, confidence };
    }
    for (let s = m.sentence, back = 0; s >= 0 && back <= 5; s--, back++) {
      const list = bySentence.get(s) ?? [];
      const before = s === m.sentence ? [...list.filter((x) => x.end <= m.start)].reverse() : list;
      for (const c of before) {
        if (c === m) continue;
        // "In a written response to The Sentinel, it said": a body the sentence addresses before "it" is not what "it" is.
        if (s === m.sentence && ADDRESSEE_BEFORE.test(text.slice(Math.max(0, c.start - 12), c.start))) continue;
        const r = resolve(c);
        if (r.id && r.kind === "institution") return { id: r.id, kind: r.kind, confidence: Math.min(0.75, back === 0 ? 0.9 : back === 1 ? 0.85 : 0.7) };
      }
    }
    return { id: null, kind: null, confidence: 0 };
  };

  /**
   * "Diplomats briefed on the talks said … “…,” one of them said": one of a group of unnamed sources named in
   * the sentence or the two before is an unnamed source too. Any other plural pronoun is nobody in particular.
   */
  const oneOfSources = (m: Mention): Resolution => {
    if (!/(?:^|[^\p{L}])one\s+of\s+$/iu.test(text.slice(Math.max(0, m.start - 8), m.start))) return { id: null, kind: null, confidence: 0 };
    for (let k = m.index - 1; k >= 0; k--) {
      const c = mentions[k] as Mention;
      if (m.sentence - c.sentence > 2) break;
      if (c.type !== "description" || !c.plural) continue;
      const r = resolve(c);
      return r.id && r.kind === "source" ? { ...r, confidence: Math.min(0.8, r.confidence) } : { id: null, kind: null, confidence: 0 };
    }
    return { id: null, kind: null, confidence: 0 };
  };

  const resolveRelative = (m: Mention): Resolution => {
    let antecedent: Mention | null = null;
    for (let k = m.index - 1; k >= 0; k--) {
      const c = mentions[k] as Mention;
      if (c.sentence !== m.sentence) break;
      if (!/^\s*,?\s*$/u.test(text.slice(c.end, m.start))) continue;
      if (!antecedent || c.start < antecedent.start) antecedent = c;
    }
    if (!antecedent) return { id: null, kind: null, confidence: 0 };
    const r = resolve(antecedent);
    return { ...r, confidence: r.confidence * 0.95 };
  };

  function resolveOne(m: Mention): Resolution {
    switch (m.type) {
      case "name":
        return resolveName(m);
      case "description":
        return resolveDescription(m);
      case "pronoun":
        return resolvePronoun(m);
      case "relative":
        return resolveRelative(m);
    }
  }

  for (const m of mentions) resolve(m);
  return out.map((r) => r ?? { id: null, kind: null, confidence: 0 });
}

/**
 * A precision-first quote attribution sieve after Muzny et al. (stage 1: quote → mention, stage 2:
 * mention → speaker). Stage 1 tries, in order: a tag right after the quote ("…,” Smith said / said
 * Smith / the agency quoted X as saying), a tag right before it ("Lima said: “…”", mid-quote
 * "“We can,” he said, “move fast.”"), the nearest speech or framing verb of the same clause for a
 * fragment woven into a sentence ("described the call as “friendly”"), "according to X", and
 * finally the speaker of the previous quote of the paragraph or of the quotation it continues.
 * Stage 2 is `resolveMentions`. Unattributed fragments of a few words, and anything called
 * "so-called", are scare quotes, not claims; every other quote stays a claim, with a null speaker
 * and a low confidence when nobody can be found.
 *
 * @see Muzny, Fang, Chang & Jurafsky (2017), "A Two-stage Sieve Approach for Quote Attribution", EACL.
 */
export function attributeQuotes(
  input: AttributionInput,
  resolutions: readonly Resolution[],
  book: SpeakerBook,
): { quotes: QuoteAttribution[]; frames: FrameAttribution[] } {
  const { text, sentences, paragraphs, quotes, mentions, verbs } = input;
  const usedVerbs = new Set<VerbHit>();
  const results: QuoteAttribution[] = [];
  const verbAt = new Map<number, VerbHit>();
  for (const v of verbs) verbAt.set(v.start, v);

  const speakerOf = (m: Mention, quoted = false): Resolution => {
    const r = resolutions[m.index] ?? { id: null, kind: null, confidence: 0 };
    if (r.id) return r;
    if (m.type === "name" && m.name && m.kindHint === null && quoted && !m.name.includes(" ")) {
      return { id: book.learnPerson(m.name).id, kind: "person", confidence: 0.6 };
    }
    if (m.type === "name" && m.name && (m.kindHint === "place" || m.kindHint === null)) {
      const demonym = isCountryName(m.name) ? demonymOf(m.name) : null;
      if (demonym) return { id: book.learnOther("institution", `${demonym} government`), kind: "institution", confidence: 0.8 };
      return { id: book.learnOther("institution", m.name), kind: "institution", confidence: 0.6 };
    }
    if (m.type === "description" && m.kindHint === "document" && m.role) {
      // "The latest draft", "the 27-page text": the document by its noun, without the words before it that only describe it.
      const words = m.text.replace(/^(?:the|a|an)\s+/iu, "").split(/\s+/u);
      while (words.length > 1 && (LENGTH.test(words[0] as string) || DOCUMENT_EPITHETS.has((words[0] as string).toLowerCase()))) words.shift();
      return { id: book.learnOther("document", words.join(" ")), kind: "document", confidence: 0.7 };
    }
    if (m.type === "description" && (m.definite || !m.prevWord) && m.kindHint === "institution" && m.role) {
      const words = [...m.role.modifiers, m.role.head].filter((w) => !countryKey(w) || m.role?.modifiers.length === 0);
      return { id: book.learnOther("institution", words.join(" ")), kind: "institution", confidence: 0.6 };
    }
    if (m.type === "description" && m.definite && (m.kindHint === "person" || m.kindHint === null) && !m.plural) {
      // "Japan's prime minister", "the US president": an office of a named country is not an epithet for
      // whoever was named last; unnamed, it speaks as the office.
      const country = m.role?.country ?? (m.role?.possessor && countryKey(m.role.possessor) ? m.role.possessor : null);
      if (m.role && country) {
        const holder = book.findByRole({ head: m.role.head, country: countryKey(country), possessor: null, modifiers: [] })[0];
        if (holder) return { id: holder.id, kind: "person", confidence: 0.7 };
        const demonym = demonymOf(country);
        const office = [demonym ?? country, ...m.role.modifiers.filter((w) => !countryKey(w)), m.role.head].join(" ");
        return { id: book.learnOther("source", office), kind: "source", confidence: 0.5 };
      }
      // "Jonas Pell denies the charges. “…,” the lawyer said": a role that acts for someone else is not whoever was
      // named last; never named, it is an unnamed source. A profession with words of its own ("the soft-spoken
      // lawyer") may still be an epithet.
      if (m.role && (AGENT_ROLES.has(m.role.head) || (COUNSEL_ROLES.has(m.role.head) && m.role.modifiers.length === 0)))
        return { id: book.learnOther("source", UNNAMED_SOURCE), kind: "source", confidence: 0.4 };
      const id = book.mostRecent("person", m.start);
      if (id) return { id, kind: "person", confidence: 0.5 };
    }
    if (m.type === "pronoun" && quoted && !m.plural && (m.gender === "m" || m.gender === "f")) {
      const previous = previousVoice(m);
      if (previous) return previous;
    }
    return r;
  };

  const previousVoice = (m: Mention): Resolution | null => {
    for (let k = results.length - 1; k >= 0; k--) {
      const r = results[k] as QuoteAttribution;
      if (m.paragraph - r.quote.paragraph > 3) break;
      if (!r.isClaim || !r.speakerId || r.speakerKind !== "person") continue;
      const g = book.gender(r.speakerId);
      if (g && g !== m.gender) continue;
      return { id: r.speakerId, kind: "person", confidence: 0.7 };
    }
    return null;
  };

  const skipFillersForward = (at: number, limit: number): number => {
    for (;;) {
      while (at < limit && /[\s]/u.test(text[at] as string)) at++;
      const word = /^[\p{L}'’]+/u.exec(text.slice(at, Math.min(limit, at + 20)));
      if (word && TAG_FILLERS.has(word[0].toLowerCase()) && !verbAt.has(at)) {
        at += word[0].length;
        continue;
      }
      return at;
    }
  };

  const tailTag = (q: QuoteSpan, limit: number): Tag | null => {
    let pos = q.end;
    // "“…,” she said", and the dash of "“…” — Holm told reporters".
    while (pos < limit && /[\s,—–]/u.test(text[pos] as string)) pos++;
    if (pos >= limit) return null;
    const inner = text.slice(q.innerStart, q.innerEnd).trimEnd();
    const guard = (verb: VerbHit, who?: Mention): boolean =>
      !(
        TERMINAL_INSIDE.test(inner) &&
        (COMPLEMENT_AFTER.test(text.slice(verb.end, verb.end + 12)) ||
          (who?.type === "description" && CLAUSE_AFTER.test(text.slice(verb.end, verb.end + 24)))) &&
        !/^\s+(?:reporters|journalists)/u.test(text.slice(verb.end))
      );
    // "the minister said", and "one of them said" (one of a group: `oneOfSources`).
    const article = /^(?:the|one\s+of)\s+/iu.exec(text.slice(pos, pos + 8));
    let m = mentionStartingAt(mentions, pos) ?? (article ? mentionStartingAt(mentions, pos + article[0].length) : null);
    // "“…,” Vaalmark's Foreign Minister Pieter-Jan van der Loos told journalists": the name after the possessive one.
    const owned = m?.possessive ? (mentions[m.index + 1] as Mention | undefined) : undefined;
    if (m && owned?.type === "name" && /^(?:['’]s?)?\s+$/u.test(text.slice(m.end, owned.start))) m = owned;
    // "“…,” his lawyer said", "“…,” her lawyers said": a role of someone's, unnamed, then the verb.
    if (m?.type === "pronoun" && m.possessive) {
      const words = /^(?:\s+[\p{Ll}-]+){1,3}/u.exec(text.slice(m.end, limit))?.[0].match(/\s+[\p{Ll}-]+/gu) ?? [];
      // The role is the words up to the first that is a speech verb ("his lawyer said", "her chief of staff told").
      let roleEnd = -1;
      for (let k = 1, end = m.end; k < words.length && roleEnd < 0; k++) {
        end += (words[k - 1] as string).length;
        if (verbAt.get(skipFillersForward(end, limit))?.isTag) roleEnd = end;
      }
      const verb = roleEnd > 0 ? verbAt.get(skipFillersForward(roleEnd, limit)) : undefined;
      if (verb?.isTag && guard(verb)) {
        const described = mentions[m.index + 1];
        if (described?.type === "description" && described.end === roleEnd) return { mention: described, verb, confidence: 0.8, method: "tag:after-quote" };
        const speaker: Resolution = { id: book.learnOther("source", UNNAMED_SOURCE), kind: "source", confidence: 0.5 };
        return { mention: null, verb, confidence: 0.6, method: "tag:after-quote:unnamed-role", speaker };
      }
    }
    if (m && !m.possessive) {
      let after = m.end;
      const apposed = m.apposition !== null ? mentions[m.apposition] : undefined;
      if (apposed && apposed.start > m.end && /^,\s*$/u.test(text.slice(m.end, apposed.start))) {
        after = apposed.end;
        while (after < limit && /[\s,]/u.test(text[after] as string)) after++;
      }
      const label = LINK_LABEL.exec(text.slice(m.end, limit));
      if (label) after = m.end + label[0].length;
      after = skipFillersForward(after, limit);
      if (!verbAt.has(after) && text[after - 1] !== undefined) {
        const apposition = /^,\s*[^,;:“”"«»]{2,90}?,\s*/u.exec(text.slice(m.end, limit));
        const at = apposition ? skipFillersForward(m.end + apposition[0].length, limit) : -1;
        if (apposition && verbAt.get(at)?.isTag) after = at;
      }
      const verb = verbAt.get(after);
      if (verb?.isTag && guard(verb, m)) return { mention: m, verb, confidence: 0.95, method: "tag:after-quote" };
      // A live blog's or a pull quote's credit: "“…” — Rep. Ana Ruiz, speaking to LRTV between sessions." / "“…” — Ana Ruiz."
      if (
        m.type === "name" &&
        m.kindHint !== "place" &&
        /[—–]/u.test(text.slice(q.end, pos)) &&
        /^(?:,\s*(?:speaking|writing|talking|posting)\b|\s*(?:[.;]|$))/u.test(text.slice(after, after + 12))
      )
        return { mention: m, verb: null, confidence: 0.85, method: "tag:dash-credit" };
      // "“…,” chief executive Olav Berg was quoted as saying by the Nordic Post": the one quoted.
      if (/^(?:(?:was|were|is|has\s+been)\s+)?quoted\s+as\s+saying\b/iu.test(text.slice(after, after + 32)))
        return { mention: m, verb: null, confidence: 0.9, method: "tag:quoted-as-saying" };
      if (/^quoted\s+/iu.test(text.slice(after, after + 8))) {
        const target = mentionStartingAt(mentions, skipFillersForward(after + 6, limit));
        if (target && AS_SAYING.test(text.slice(target.end, target.end + 20))) {
          return { mention: target, verb: null, confidence: 0.9, method: "tag:quoted-as-saying" };
        }
      }
    }
    const verb = verbAt.get(pos);
    // "“…”, saying it …" is a participle going on with the sentence, never an inverted tag.
    if (verb?.isTag && !/ing$/u.test(text.slice(verb.start, verb.end))) {
      const after = skipFillersForward(verb.end, limit);
      // "said crane driver Tomas Weller": a name after a lower-case job description.
      const described = /^(?:[\p{Ll}-]+\s+){1,3}(?=\p{Lu})/u.exec(text.slice(after, Math.min(limit, after + 60)));
      const named = described ? mentionStartingAt(mentions, after + described[0].length) : null;
      const subject = mentionStartingAt(mentions, after) ?? (named?.type === "name" ? named : null);
      // After a question or an exclamation the tag is still a tag when its subject is all that follows the verb
      // ("“Why now?” asked Sen. Olivia Berg."), not the start of a clause ("“Why now?” asked the minister to explain …").
      const wholeTag = !!subject && /^\s*(?:[.,;:]|$)/u.test(text.slice(subject.end, subject.end + 2));
      if (subject && !subject.possessive && (guard(verb) || wholeTag)) return { mention: subject, verb, confidence: 0.95, method: "tag:after-quote-inverted" };
      // "said the Swede.": a nationality for the person named last before it.
      const national = subject ? null : /^the\s+(\p{Lu}\p{Ll}+)\s*(?:[.,;]|$)/u.exec(text.slice(after, Math.min(limit, after + 40)));
      if (national && isDemonym(national[1] as string)) return nationalityTag(verb, q.start, national[1] as string);
      // "said one, a nurse who gave only her first name": one of the people just described, never named.
      if (!subject && /^(?:one|another)\s*(?:[.,;]|$)/iu.test(text.slice(after, Math.min(limit, after + 10)))) {
        const speaker: Resolution = { id: book.learnOther("source", UNNAMED_SOURCE), kind: "source", confidence: 0.5 };
        return { mention: null, verb, confidence: 0.6, method: "tag:after-quote-inverted:one", speaker };
      }
    }
    return epithetTag(q, pos, limit, guard);
  };

  /**
   * A nationality in a tag ("the Bulgarian said", "said the Swede") is the person named last before it:
   * among the last few, one the article gave that nationality ("Dutch coach Maarten Kuyt"), else the last
   * known to be of the word's sex, else the last of unknown sex ("the Dutchman" is not the Annika named after him).
   */
  const nationalityTag = (verb: VerbHit, before: number, word: string): Tag | null => {
    const country = countryKey(word.toLowerCase());
    const sex = /woman$/iu.test(word) ? "f" : /man$/iu.test(word) ? "m" : null;
    const recent = book.recent("person", before, 4);
    const id =
      recent.find((candidate) => country !== null && book.hasCountry(candidate, country)) ??
      (sex ? (recent.find((candidate) => book.gender(candidate) === sex) ?? recent.find((candidate) => book.gender(candidate) === null)) : recent[0]) ??
      null;
    return id ? { mention: null, verb, confidence: 0.8, method: "tag:epithet-nationality", speaker: { id, kind: "person", confidence: 0.6 } } : null;
  };

  /** "“Our schedule is intact,” the shipping giant said.": a bare noun phrase in the tag. */
  const epithetTag = (q: QuoteSpan, pos: number, limit: number, guard: (verb: VerbHit) => boolean): Tag | null => {
    const tokens = input.tokens;
    // "the Bulgarian said": a nationality for the person named last before it.
    const national = /^the\s+(?:[\p{Ll}'’-]+\s+){0,2}(\p{Lu}\p{Ll}+)\s+/u.exec(text.slice(pos, Math.min(limit, pos + 60)));
    if (national && isDemonym(national[1] as string)) {
      const verb = verbAt.get(pos + national[0].length);
      const tag = verb?.isTag && guard(verb) ? nationalityTag(verb, pos, national[1] as string) : null;
      if (tag) return tag;
    }
    const phrase = /^the\s+(?:[\p{Ll}'’-]+\s+){0,3}/u.exec(text.slice(pos, Math.min(limit, pos + 60)));
    if (!tokens || !phrase) return null;
    const verb = verbAt.get(pos + phrase[0].length);
    if (!verb?.isTag || !guard(verb)) return null;
    const np = nounPhraseBefore(text, tokens, sentences[verb.sentence] as Sentence, verb.start);
    return np && np.start === pos ? nounPhraseTag(np, verb, 0.9) : null;
  };

  /** The mention whose words a pattern's `owner` group names ("Venn's promise of"), in `region` starting at `offset`. */
  const wordsOwner = (pattern: RegExp, region: string, offset: number): Mention | null => {
    const match = pattern.exec(region);
    if (!match) return null;
    const word = (match.groups?.owner as string).replace(/['’]s?$/u, "");
    const end = offset + match.index + match[0].indexOf(word) + word.length;
    const owner = mentionEndingAt(mentions, end, sentenceIndexAt(sentences, end - 1));
    return owner && (owner.type === "name" || owner.type === "pronoun" || owner.type === "description") ? owner : null;
  };

  const headTag = (q: QuoteSpan, floor: number): Tag | null => {
    const region = text.slice(floor, q.start);
    const quoted = /\bquoted\s+([^,.;:]{1,60}?)\s+as\s+saying\s*(?:that\s*)?[,:]?\s*$/iu.exec(region);
    if (quoted) {
      const target = mentionStartingAt(mentions, floor + quoted.index + quoted[0].indexOf(quoted[1] as string));
      if (target) return { mention: target, verb: null, confidence: 0.9, method: "tag:quoted-as-saying" };
    }
    const according = /\baccording to\s+(.{1,80}?)\s*,\s*$/iu.exec(region);
    if (according) {
      const target = mentionStartingAt(mentions, floor + according.index + according[0].indexOf(according[1] as string));
      if (target) return { mention: target, verb: null, confidence: 0.9, method: "tag:according-to" };
    }
    // An interview's or a transcript's label: "Moen: “Because …”", "Pilar Ambe, the union's negotiator: “…”".
    const label = /^\s*(\p{Lu}[^:“”"«»]{0,80}?):\s*$/u.exec(region);
    if (label && floor === (paragraphs[q.paragraph] as Span).start) {
      const target = mentionStartingAt(mentions, floor + label[0].indexOf(label[1] as string));
      const rest = target ? text.slice(target.end, floor + label[0].lastIndexOf(":")) : "";
      if (target && target.type === "name" && target.end - target.start > 1 && /^(?:\s*,\s*[^,]{1,60})?\s*$/u.test(rest)) {
        return { mention: target, verb: null, confidence: 0.85, method: "tag:label" };
      }
    }
    // "Lindgren's message to passengers was blunt: “Book early.”", "Her answer was short:", "Venn's promise of “…”".
    const near = Math.max(floor, q.start - 160);
    const before = text.slice(near, q.start);
    const owner = /:\s*$/u.test(before) ? wordsOwner(OWNED_WORDS, before, near) : wordsOwner(OWNED_SPEECH, before, near);
    if (owner) return { mention: owner, verb: null, confidence: 0.85, method: "tag:possessed-words" };
    for (let k = verbIndexBefore(verbs, q.start); k >= 0; k--) {
      const verb = verbs[k] as VerbHit;
      if (verb.start < floor) break;
      if (!verb.isTag) continue;
      const gap = text.slice(verb.end, q.start);
      if (!/[,:]\s*$|^\s*$/u.test(gap)) return null;
      const words = gap.match(/[\p{L}'’]+/gu) ?? [];
      if (words.length > 6 || !words.every((w) => TAG_OBJECTS.has(w.toLowerCase()) || /^\p{Lu}/u.test(w))) return null;
      const link = verbSubject(text, sentences, mentions, verbs, verb);
      if (!link) {
        const np = input.tokens ? nounPhraseBefore(text, input.tokens, sentences[verb.sentence] as Sentence, verb.start) : null;
        const tag = np ? nounPhraseTag(np, verb, 0.9) : null;
        return tag ? { ...tag, method: "tag:before-quote" } : null;
      }
      return { mention: link.mention, verb, confidence: 0.95 * link.confidence, method: "tag:before-quote" };
    }
    return null;
  };

  /**
   * A headline's speaker by role ("Ferry talks: minister says deal is “days away”"): the person the
   * article names with that role, wherever it names them (headlines come before the names).
   */
  const headlineTag = (q: QuoteSpan, sentenceIndex: number): Tag | null => {
    const sentence = sentences[sentenceIndex] as Sentence;
    // Bounded: a headline's role and verb sit just before its quote, whatever the sentence's length.
    const from = Math.max(sentence.start, q.start - 120);
    for (let k = verbIndexBefore(verbs, q.start); k >= 0; k--) {
      const verb = verbs[k] as VerbHit;
      if (verb.start < from) break;
      if (!verb.isTag && !verb.isFrame) continue;
      const leadStart = Math.max(sentence.start, verb.start - 60);
      const lead = text.slice(leadStart, verb.start);
      const opensHeading = sentence.heading && leadStart === sentence.start;
      if (!opensHeading && !lead.includes(":")) continue;
      // Headline style: a bare role after a colon ("Ferry talks: minister says"), or opening a heading.
      const role = (opensHeading ? /(?:^|:\s*)(?:the\s+)?((?:\p{Ll}+\s+){0,2})(\p{Ll}+)\s+$/iu : /:\s*((?:\p{Ll}+\s+){0,2})(\p{Ll}+)\s+$/u).exec(lead);
      if (!role) continue;
      const modifiers = (role[1] as string).split(/\s+/u).filter(Boolean);
      const head = role[2] as string;
      const best =
        book.findByRole({ head, country: null, possessor: null, modifiers })[0] ?? book.findByRole({ head, country: null, possessor: null, modifiers: [] })[0];
      if (best)
        return {
          mention: null,
          verb,
          confidence: 0.7,
          method: "tag:headline-role",
          speaker: { id: best.id, kind: "person", confidence: best.confidence * 0.8 },
        };
    }
    return null;
  };

  /** "The Gazette quoted harbour chief Aldo Venn as saying the offer was “final”": the quoted person speaks. */
  const quotedAsSayingTag = (q: QuoteSpan, sentenceIndex: number): Tag | null => {
    const sentence = sentences[sentenceIndex] as Sentence;
    const before = stripQuotes(sentence.start, q.start);
    if (!before.includes("quoted")) return null;
    // "Visser was quoted by the Gazette as saying …": the subject is the one quoted.
    const near = Math.max(sentence.start, q.start - 200);
    const passive = /\b(?:was|were|is|are|has been|have been|had been)\s+(?:widely\s+)?quoted\b[^“”"]{0,80}?\bas\s+saying\b/iu.exec(text.slice(near, q.start));
    if (passive) {
      const link = subjectBefore(text, sentence, mentions, sentenceIndex, near + passive.index);
      if (link) return { mention: link.mention, verb: null, confidence: 0.85 * link.confidence, method: "tag:quoted-as-saying" };
    }
    const pattern = /\bquoted\s+/gu;
    const raw = text.slice(sentence.start, q.start);
    for (let m = pattern.exec(raw); m; m = pattern.exec(raw)) {
      const at = sentence.start + m.index + m[0].length;
      const role = /^(?:[\p{Ll}'’-]+\s+){0,3}/u.exec(text.slice(at, q.start))?.[0] ?? "";
      const target = mentionStartingAt(mentions, at) ?? mentionStartingAt(mentions, at + role.length);
      if (target && AS_SAYING.test(text.slice(target.end, target.end + 20)) && !CLAUSE_STOP.test(stripQuotes(target.end, q.start))) {
        return { mention: target, verb: null, confidence: 0.85, method: "tag:quoted-as-saying" };
      }
    }
    return null;
  };

  const frameTag = (q: QuoteSpan, sentenceIndex: number): Tag | null => {
    const sentence = sentences[sentenceIndex] as Sentence;
    const governing = input.tokens ? governingVerb(text, input.tokens, sentence, q.start, inQuote) : null;
    for (let k = verbIndexBefore(verbs, q.start); k >= 0; k--) {
      const verb = verbs[k] as VerbHit;
      if (verb.sentence < sentenceIndex || verb.start < sentence.start) break;
      if (!verb.isFrame) continue;
      if (governing?.attitude && !governing.passive && governing.start > verb.end) return null;
      if (CLAUSE_STOP.test(stripQuotes(verb.end, q.start))) return null;
      const link = verbSubject(text, sentences, mentions, verbs, verb);
      if (!link) continue;
      if (/\b(?:that|which|who|whom)\s*$/iu.test(text.slice(Math.max(sentence.start, link.mention.start - 8), link.mention.start))) return null;
      return { mention: link.mention, verb, confidence: 0.85 * link.confidence, method: `frame:${link.how}` };
    }
    return null;
  };

  const stripQuotes = (from: number, to: number): string => {
    let out = "";
    let at = from;
    let lo = 0;
    let hi = quotes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((quotes[mid] as QuoteSpan).end <= from) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < quotes.length && (quotes[k] as QuoteSpan).start < to; k++) {
      const q = quotes[k] as QuoteSpan;
      out += text.slice(at, Math.max(at, q.start));
      at = Math.max(at, q.end);
    }
    return out + text.slice(at, Math.max(at, to));
  };

  const accordingTag = (sentenceIndex: number): Tag | null => {
    const sentence = sentences[sentenceIndex] as Sentence;
    if (!text.slice(sentence.start, sentence.end).includes("ccording to")) return null;
    const body = stripQuotes(sentence.start, sentence.end);
    if (!/\baccording to\b/iu.test(body)) return null;
    const pattern = /\baccording to\s+/giu;
    const raw = text.slice(sentence.start, sentence.end);
    for (let m = pattern.exec(raw); m; m = pattern.exec(raw)) {
      const target = mentionStartingAt(mentions, sentence.start + m.index + m[0].length);
      if (target) return { mention: target, verb: null, confidence: 0.85, method: "according-to" };
    }
    return null;
  };

  const isPartial = (q: QuoteSpan, sentenceIndex: number, tag: Tag | null): boolean => {
    if (q.continues) return false;
    const sentence = sentences[sentenceIndex] as Sentence;
    const para = paragraphs[q.paragraph] as Span;
    const from = Math.max(sentence.start, para.start);
    const before = text.slice(from, q.start).trimEnd();
    const inner = text.slice(q.innerStart, q.innerEnd).trimStart();
    const after = text.slice(q.end, q.end + 3);
    if (/^\s*\p{Ll}/u.test(after) && tag?.method !== "tag:after-quote" && tag?.method !== "tag:after-quote-inverted") return true;
    if (!before) return /^\p{Ll}/u.test(inner);
    if (/:$/u.test(before)) return false;
    if (/,$/u.test(before)) {
      if (tag?.method === "tag:before-quote" || tag?.method === "tag:according-to") return false;
      return !/[”"»]\s*$/u.test(before.slice(0, -1)) && !/\b(?:said|says|added|asked|told \w+|continued|replied|wrote)\s*,$/iu.test(before);
    }
    return tag?.method !== "tag:quoted-as-saying";
  };

  const paragraphFloor = new Map<number, number>();

  const lastVoiceOfParagraph = (paragraph: number): Resolution | null => {
    for (let k = results.length - 1; k >= 0; k--) {
      const r = results[k] as QuoteAttribution;
      if (r.quote.paragraph < paragraph) break;
      if (r.quote.paragraph === paragraph && r.isClaim && r.speakerId) return { id: r.speakerId, kind: r.speakerKind, confidence: r.confidence };
    }
    for (let k = verbIndexBefore(verbs, (paragraphs[paragraph] as Span).end); k >= 0; k--) {
      const verb = verbs[k] as VerbHit;
      const p = (sentences[verb.sentence] as Sentence).paragraph;
      if (p < paragraph) break;
      if (!verb.isReported) continue;
      const link = verbSubject(text, sentences, mentions, verbs, verb);
      const r = link ? speakerOf(link.mention) : null;
      if (r?.id && r.kind === "person") return r;
    }
    return null;
  };

  /** The person named as the subject of a paragraph's last sentence ("Its leader, Ilse Brandt, wants the inquiry set up now."), or null. */
  const subjectEndingParagraph = (paragraph: number): Resolution | null => {
    const span = paragraphs[paragraph] as Span;
    const last = sentenceIndexAt(sentences, Math.max(span.start, span.end - 1));
    const subject = sentenceSubject(text, mentions, last);
    if (!subject || subject.plural || (subject.type !== "name" && subject.type !== "description")) return null;
    const r = resolutions[subject.index];
    return r?.id && r.kind === "person" ? r : null;
  };

  const inQuote = (offset: number): boolean => insideQuote(quotes, offset);

  /** ", union organiser Pilar Ambe told local radio." later in the quote's sentence, or "…, prosecutor X told a press conference, adding …". */
  const laterTag = (q: QuoteSpan, sentenceIndex: number): Tag | null => {
    const sentence = sentences[sentenceIndex] as Sentence;
    for (let k = verbIndexBefore(verbs, sentence.end); k >= 0; k--) {
      const verb = verbs[k] as VerbHit;
      if (verb.start <= q.end) break;
      if (!verb.isTag || usedVerbs.has(verb) || inQuote(verb.start)) continue;
      const link = subjectBefore(text, sentence, mentions, sentenceIndex, verb.start);
      if (!link || link.how !== "adjacent" || link.mention.start < q.end) continue;
      if (!/,\s*(?:[\p{Ll}'’-]+\s+){0,3}$/u.test(text.slice(q.end, link.mention.start))) continue;
      const rest = stripQuotes(verb.end, sentence.end);
      const clause = /^[^,;]*/u.exec(rest)?.[0] ?? "";
      const words = clause.match(/[\p{L}'’]+/gu) ?? [];
      if (words.length > 4 && !words.every((w) => TAG_OBJECTS.has(w.toLowerCase()) || /^\p{Lu}/u.test(w))) continue;
      return { mention: link.mention, verb, confidence: 0.85, method: "tag:later-in-sentence" };
    }
    return null;
  };

  /** "labelled “balanced” by the union": the agent of a passive framing verb. */
  const agentTag = (q: QuoteSpan, sentenceIndex: number): Tag | null => {
    const by = /^[^\S\n]*by\s+/u.exec(text.slice(q.end, q.end + 12));
    if (!by || !input.tokens) return null;
    const governing = governingVerb(text, input.tokens, sentences[sentenceIndex] as Sentence, q.start, inQuote);
    if (!governing?.attitude) return null;
    if (!/^\s*(?:as\s*)?(?:by\s[^,;]{1,60}?\s+and\s*(?:as\s*)?)?$/u.test(stripQuotes(governing.end, q.start))) return null;
    const at = q.end + by[0].length;
    const m = mentionStartingAt(mentions, at);
    if (m && !m.possessive) return { mention: m, verb: null, confidence: 0.85, method: "frame:passive-agent" };
    const np = input.tokens ? nounPhraseAfter(at, sentenceIndex) : null;
    return np;
  };

  const nounPhraseAfter = (at: number, sentenceIndex: number): Tag | null => {
    const sentence = sentences[sentenceIndex] as Sentence;
    const phrase = /^(?:the|its|their)\s+((?:[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+?)(?=\s*(?:[,.;:]|\s+and\s+[“"]|$))/iu.exec(text.slice(at, sentence.end));
    if (!phrase) return null;
    const name = (phrase[1] as string)
      .replace(/['’]s?\b/gu, "")
      .replace(/\s+/gu, " ")
      .trim();
    return {
      mention: null,
      verb: null,
      confidence: 0.7,
      method: "frame:passive-agent",
      speaker: { id: book.learnOther("institution", name), kind: "institution", confidence: 0.8 },
    };
  };

  /** A document described (not named) in the sentence of a mention or the one before, the last before it. */
  const documentBefore = (m: Mention): Mention | null => {
    for (let k = m.index - 1; k >= 0; k--) {
      const c = mentions[k] as Mention;
      if (c.sentence < m.sentence - 1) break;
      if (c.type === "description" && c.kindHint === "document" && !c.possessive) return c;
    }
    return null;
  };

  /**
   * The structural stage: the subject of the verb that governs the quote in its clause, found by
   * parts of speech — a mention right before the verb, the main clause's subject past a relative
   * clause ("A draft memorandum that the council published … described"), coordinated subjects
   * ("A and B praised"), or a bare noun phrase ("The operators rejected").
   */
  const clauseTag = (q: QuoteSpan, sentenceIndex: number, words: number): Tag | null => {
    const tokens = input.tokens;
    if (!tokens) return null;
    const sentence = sentences[sentenceIndex] as Sentence;
    if (TITLE_LIKE.test(text.slice(q.innerStart, q.innerEnd).trim())) return null;
    // "The latest draft “reaffirms” …", "It now “urges” …": the quoted words are the verb; its subject speaks.
    if (words <= 3 && isQuotedVerb(tokens, q, sentence)) {
      const adverb = /\b(?:now|instead|merely|only|even|just)\s*$/iu.exec(text.slice(sentence.start, q.start));
      const link = subjectBefore(text, sentence, mentions, sentenceIndex, adverb ? q.start - adverb[0].length : q.start, isSubjectOrDocument);
      // "… the draft no longer names them. It now “urges” …": "it" before a quoted verb is the document just named.
      const document = link?.mention.type === "pronoun" && /^it$/iu.test(link.mention.text) ? documentBefore(link.mention) : null;
      if (link) return structuralSubject(document ?? link.mention, null, 0.6 * link.confidence, "clause:quoted-verb");
    }
    let verb = governingVerb(text, tokens, sentence, q.start, inQuote);
    if (verb && /ing$/u.test(verb.word) && /,\s*$/u.test(text.slice(sentence.start, verb.start))) {
      verb = governingVerb(text, tokens, sentence, verb.start, inQuote) ?? verb;
    }
    // "traders would be offered places “within eighteen months”": the passive's subject is not the speaker.
    if (!verb || verb.passive) return null;
    if (
      !verb.attitude &&
      (words < 5 ||
        !hasFiniteVerb(tokens, q, sentence) ||
        /\b(?:of|in|at|on|for|from|with|by|to)(?:\s+(?:the|a|an))?\s*$/iu.test(text.slice(sentence.start, q.start)))
    ) {
      // "The draft commits the government to “…”": whatever a document does with quoted words, they are its own.
      const document = subjectBefore(text, sentence, mentions, sentenceIndex, verb.start, isSubjectOrDocument);
      if (document?.mention.kindHint === "document") return structuralSubject(document.mention, null, 0.6 * document.confidence, "clause:document");
      return null;
    }
    const hit = verbAt.get(verb.start) ?? null;
    const link = subjectBefore(text, sentence, mentions, sentenceIndex, verb.start);
    const confidence = verb.attitude ? 0.8 : 0.6;
    if (link) return structuralSubject(link.mention, hit, confidence * link.confidence, `clause:${link.how}`);
    if (/\b(?:that|which|who|whom)\b/iu.test(text.slice(sentence.start, verb.start))) {
      const main = sentenceSubject(text, mentions, sentenceIndex, verb.start);
      if (main && /^\s*(?:that|which|who|whom)\b/iu.test(text.slice(main.end, main.end + 7)))
        return structuralSubject(main, hit, confidence * 0.8, "clause:main-subject");
    }
    const np = nounPhraseBefore(text, tokens, sentence, verb.start);
    const named = np ? mentionEndingAt(mentions, np.end, sentenceIndex) : null;
    if (named && !named.possessive) return structuralSubject(named, hit, confidence * 0.95, "clause:adjacent");
    const bare = np ? nounPhraseTag(np, hit, confidence) : null;
    if (bare) return bare;
    if (LATER_CLAUSE.test(stripQuotes(sentence.start, verb.start))) return null;
    const subject = sentenceSubject(text, mentions, sentenceIndex, verb.start);
    if (subject) return structuralSubject(subject, hit, confidence * 0.8, "clause:main-subject");
    return null;
  };

  const structuralSubject = (m: Mention, verb: VerbHit | null, confidence: number, method: string): Tag => {
    const partner = coordinatedPartner(text, mentions, m);
    if (partner) {
      const a = speakerOf(partner, true);
      const b = speakerOf(m, true);
      if (a.id && b.id && a.id !== b.id) {
        const both = a.kind === "person" && b.kind === "person";
        const id = book.learnOther(both ? "source" : "institution", both ? jointName(book, [a.id, b.id]) : `${book.name(a.id)}; ${book.name(b.id)}`);
        return {
          mention: partner,
          verb,
          confidence,
          method: `${method}:joint`,
          speaker: { id, kind: book.kind(id), confidence: Math.min(a.confidence, b.confidence) },
        };
      }
    }
    return { mention: m, verb, confidence, method };
  };

  const nounPhraseTag = (np: ReturnType<typeof nounPhraseBefore> & object, verb: VerbHit | null, confidence: number): Tag | null => {
    const method = "clause:noun-phrase";
    if (isPersonEpithet(np)) {
      const id = book.mostRecent("person", np.start);
      if (id) return { mention: null, verb, confidence, method: `${method}:epithet`, speaker: { id, kind: "person", confidence: 0.6 } };
    }
    if (isOrgEpithet(np)) {
      const id = book.mostRecent("institution", np.start);
      if (id) return { mention: null, verb, confidence, method, speaker: { id, kind: "institution", confidence: 0.7 } };
    }
    if (np.plural && (np.count ?? 0) >= 2 && PERSON_ROLE_PLURAL.test(np.head)) {
      const id = jointOfRecent(book, np.start, np.count as number);
      if (id) return { mention: null, verb, confidence, method: `${method}:joint`, speaker: { id, kind: "source", confidence: 0.6 } };
    }
    const bare = np.plural && np.words.length <= 2 && np.words.every((w) => /^\p{Ll}/u.test(w));
    if (!bare && !/^(?:the|its|their|this)\b/iu.test(np.words[0] ?? "") && !np.words.join(" ").includes(" and ")) return null;
    const name = nounPhraseName(np);
    if (!name) return null;
    return {
      mention: null,
      verb,
      confidence: confidence * 0.8,
      method,
      speaker: { id: book.learnOther("institution", name), kind: "institution", confidence: 0.7 },
    };
  };

  /**
   * Nested reporting is credited to the outer reporter ("City Hall said Ohm had urged …"): when the
   * speaker found for a fragment is itself inside the complement of an earlier speech verb of the
   * sentence, that verb's subject speaks.
   */
  const outerReporter = (tag: Tag, sentenceIndex: number): Tag => {
    const inner = tag.mention;
    if (!inner || (!tag.method.startsWith("frame:") && !tag.method.startsWith("clause:"))) return tag;
    for (let k = verbIndexBefore(verbs, inner.start); k >= 0; k--) {
      const verb = verbs[k] as VerbHit;
      if (verb.sentence !== sentenceIndex) break;
      if (!verb.isReported && !verb.isTag) continue;
      if (CLAUSE_STOP.test(stripQuotes(verb.end, inner.start)) || /[,:;—–]/u.test(text.slice(verb.end, inner.start))) continue;
      // "the operators demanded more time and unions warned of “…”": a clause of its own, not the complement.
      if (/\band\s+$/iu.test(text.slice(Math.max(verb.end, inner.start - 8), inner.start))) continue;
      const link = verbSubject(text, sentences, mentions, verbs, verb);
      if (!link || link.mention === inner || link.mention.end > verb.start) continue;
      return { mention: link.mention, verb, confidence: tag.confidence * 0.95, method: "nested:outer-reporter" };
    }
    return tag;
  };

  /**
   * A block quotation introduced by a colon at the end of the paragraph before ("…, writing:"); with no
   * speech verb there, the subject of that sentence, a person or a named body ("She remembers the first
   * night most clearly:", "The 24-year-old posted this on Instagram:", "Rovers have issued a statement:").
   */
  const introducedBlock = (q: QuoteSpan): Tag | null => {
    const previous = paragraphs[q.paragraph - 1] as Span;
    if (!/:\s*$/u.test(text.slice(previous.start, previous.end))) return null;
    const last = sentenceIndexAt(sentences, Math.max(previous.start, previous.end - 1));
    const end = (sentences[last] as Sentence).end;
    return clauseTag({ ...q, start: end, end, innerStart: end, innerEnd: end }, last, Infinity) ?? colonSubject(last, end);
  };

  /**
   * The subject of a sentence, before `before`, when it is a person or a named body the text has made known
   * (not a capitalised first word read as a name on the spot: "Moments later comes the line: “…”"): whose
   * words a colon introduces.
   */
  const colonSubject = (sentenceIndex: number, before: number): Tag | null => {
    const subject = sentenceSubject(text, mentions, sentenceIndex, before);
    // The subject of a verb ("She remembers …:"), not whoever the sentence names last ("… heard telling Harlan-Breck boss X: “…”").
    // "The Rovers boss, Ian Frey, was less happy:": the verb comes after the name set beside the subject.
    const apposed = subject && subject.apposition !== null ? mentions[subject.apposition] : undefined;
    const governs =
      !!subject && (subject.verbAfter || (!!apposed && apposed.start > subject.end && /^,\s*\p{Ll}/u.test(text.slice(apposed.end, apposed.end + 3))));
    if (!subject || !governs || subject.plural || subject.kindHint === "place" || subject.kindHint === "document") return null;
    const speaker = resolutions[subject.index] ?? { id: null, kind: null, confidence: 0 };
    if (!speaker.id) return null;
    return speaker.kind === "person" || (speaker.kind === "institution" && subject.type === "name")
      ? { mention: subject, verb: null, confidence: 0.75, method: "tag:colon-subject", speaker }
      : null;
  };

  /** A quote right after a colon in its own sentence, with no speech verb: "Bengana was blunter in a post on X: “…”". */
  const colonLeadTag = (q: QuoteSpan, sentenceIndex: number): Tag | null => {
    const sentence = sentences[sentenceIndex] as Sentence;
    return /:\s*$/u.test(text.slice(sentence.start, q.start)) ? colonSubject(sentenceIndex, q.start) : null;
  };

  quotes.forEach((q, qi) => {
    const para = paragraphs[q.paragraph] as Span;
    const floor = Math.max(para.start, paragraphFloor.get(q.paragraph) ?? para.start);
    const nextQuote = quotes[qi + 1];
    const limit = nextQuote && nextQuote.paragraph === q.paragraph ? nextQuote.start : para.end;
    const sentenceIndex = sentenceIndexAt(sentences, q.start);
    const words = (text.slice(q.innerStart, q.innerEnd).match(/[\p{L}\p{N}]+/gu) ?? []).length;
    const found =
      headlineTag(q, sentenceIndex) ??
      tailTag(q, limit) ??
      headTag(q, floor) ??
      agentTag(q, sentenceIndex) ??
      quotedAsSayingTag(q, sentenceIndex) ??
      frameTag(q, sentenceIndex) ??
      accordingTag(sentenceIndex) ??
      laterTag(q, sentenceIndex) ??
      clauseTag(q, sentenceIndex, words) ??
      colonLeadTag(q, sentenceIndex);
    const tag = found ? outerReporter(found, sentenceIndex) : null;
    paragraphFloor.set(q.paragraph, q.end);
    const partial = isPartial(q, sentenceIndex, tag);
    const scare = isScareMarked(text, q.start) || TITLE_CUES.test(text.slice(Math.max(para.start, q.start - 24), q.start).trimEnd());
    let voice: Resolution | null = null;
    let introduced: Tag | null = null;
    let result: QuoteAttribution = {
      quote: q,
      isClaim: !scare,
      partial,
      speakerId: null,
      speakerKind: null,
      mention: null,
      verb: null,
      confidence: 0.2,
      method: "unattributed",
    };
    if (tag) {
      if (tag.verb && tag.method.startsWith("tag:")) usedVerbs.add(tag.verb);
      const r = tag.speaker ?? (tag.mention ? speakerOf(tag.mention, true) : { id: null, kind: null, confidence: 0 });
      result = {
        ...result,
        speakerId: r.id,
        speakerKind: r.kind,
        mention: tag.mention,
        verb: tag.verb?.word ?? null,
        confidence: r.id ? round(tag.confidence * Math.max(r.confidence, 0.3)) : 0.25,
        method: tag.method,
      };
    } else {
      const previous = results[results.length - 1];
      // A document's quoted verb lends its speaker only to fragments of its own sentence ("“urges” all countries to
      // act “within a year”"), not to a term quoted in the next ("The reference to “major emitters” is gone").
      const verbOnly = previous?.method === "clause:quoted-verb" && words <= 4 && sentenceIndexAt(sentences, previous.quote.start) !== sentenceIndex;
      const samePara = previous && previous.quote.paragraph === q.paragraph && previous.isClaim && previous.speakerId && !verbOnly;
      const paragraphOpensWithQuote = text.slice(para.start, q.start).trim() === "";
      if (samePara && previous) {
        result = {
          ...result,
          speakerId: previous.speakerId,
          speakerKind: previous.speakerKind,
          mention: previous.mention,
          confidence: round(previous.confidence * 0.85),
          method: "continuation:paragraph",
        };
      } else if (q.continues && previous?.speakerId) {
        result = {
          ...result,
          speakerId: previous.speakerId,
          speakerKind: previous.speakerKind,
          mention: previous.mention,
          confidence: round(previous.confidence * 0.8),
          method: "continuation:run-on",
        };
      } else if (paragraphOpensWithQuote && q.paragraph > 0 && (introduced = introducedBlock(q))) {
        const r = introduced.speaker ?? (introduced.mention ? speakerOf(introduced.mention, true) : null);
        if (r?.id)
          result = {
            ...result,
            speakerId: r.id,
            speakerKind: r.kind,
            mention: introduced.mention,
            confidence: round(0.85 * Math.max(r.confidence, 0.3)),
            method: "tag:colon-before-paragraph",
          };
      } else if (paragraphOpensWithQuote && q.paragraph > 0 && (voice = lastVoiceOfParagraph(q.paragraph - 1))?.id) {
        result = { ...result, speakerId: voice.id, speakerKind: voice.kind, confidence: 0.55, method: "continuation:previous-paragraph" };
      } else if (paragraphOpensWithQuote && q.paragraph > 0 && (voice = subjectEndingParagraph(q.paragraph - 1))?.id) {
        result = { ...result, speakerId: voice.id, speakerKind: voice.kind, confidence: 0.5, method: "continuation:previous-subject" };
      } else if (!scare && words <= 4 && partial) {
        result.isClaim = false;
        result.method = "scare-quote";
      }
    }
    results.push(result);
  });

  for (let k = results.length - 2; k >= 0; k--) {
    const r = results[k] as QuoteAttribution;
    const next = results[k + 1] as QuoteAttribution;
    // A quotation running on into the next paragraph is the speaker its tag names at the end, over a guess from the
    // paragraph before ("“We hear … ¶ “But recruitment remains …,” the board said").
    const guessed = r.method === "continuation:previous-paragraph" || r.method === "continuation:previous-subject";
    if (!r.quote.closed && (!r.speakerId || (guessed && next.method.startsWith("tag:"))) && next.quote.continues && next.speakerId) {
      results[k] = {
        ...r,
        isClaim: true,
        speakerId: next.speakerId,
        speakerKind: next.speakerKind,
        mention: next.mention,
        confidence: round(next.confidence * 0.8),
        method: "continuation:run-on",
      };
    } else if (
      !r.speakerId &&
      !isScareMarked(text, r.quote.start) &&
      next.speakerId &&
      next.method.startsWith("tag:after-quote") &&
      /^\s*(?:,\s*)?(?:and|or|but)\s*$/u.test(text.slice(r.quote.end, next.quote.start))
    ) {
      results[k] = {
        ...r,
        isClaim: true,
        speakerId: next.speakerId,
        speakerKind: next.speakerKind,
        mention: next.mention,
        confidence: round(next.confidence * 0.85),
        method: "continuation:coordinated",
      };
    }
  }

  return { quotes: results, frames: attributeFrames() };

  function attributeFrames(): FrameAttribution[] {
    const frames = findReportedFrames(text, sentences, mentions, verbs, quotes, usedVerbs);
    const out: FrameAttribution[] = [];
    const accordingSentences = new Set<number>();
    for (const frame of frames) {
      const r = speakerOf(frame.subject);
      if (!r.id || !r.kind) continue;
      if (frame.method === "reported:according-to") accordingSentences.add(frame.sentence);
      out.push({
        frame,
        speakerId: r.id,
        speakerKind: r.kind,
        mention: frame.subject,
        verb: frame.verb?.word ?? (frame.method === "reported:according-to" ? "according to" : null),
        confidence: round(0.85 * frame.confidence * Math.max(r.confidence, 0.3)),
        method: frame.method,
      });
    }
    return out.filter((f) => !accordingSentences.has(f.frame.sentence) || f.method === "reported:according-to");
  }
}

/** Whether a quote opens with a verb in the third person ("reaffirms", "urges"): the quoted words are the clause's verb. */
function isQuotedVerb(tokens: Tokens, q: QuoteSpan, sentence: Sentence): boolean {
  for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
    const start = tokens.starts[t] as number;
    if (start < q.innerStart) continue;
    const value = tokens.values[t] as string;
    return start < q.innerEnd && tokens.pos[t] === "VERB" && /^\p{Ll}+s$/u.test(value);
  }
  return false;
}

function hasFiniteVerb(tokens: Tokens, q: QuoteSpan, sentence: Sentence): boolean {
  for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
    const start = tokens.starts[t] as number;
    if (start < q.innerStart) continue;
    if (start >= q.innerEnd) break;
    const pos = tokens.pos[t];
    if (pos === "AUX" || (pos === "VERB" && !/ing$/u.test(tokens.values[t] as string))) return true;
  }
  return false;
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}
