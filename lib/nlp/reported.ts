import type { Span } from "./types";
import type { Sentence, Tokens } from "./sentences";
import type { QuoteSpan } from "./quotes";
import type { Mention } from "./mentions";
import { ALL_SPEECH_VERBS, FRAME_VERBS, PASSIVE_MARKERS, REPORTED_VERBS, TAG_FILLERS, TAG_OBJECTS, TAG_VERBS } from "./lexicon/speech-verbs";
import { DOCUMENT_NOUNS } from "./lexicon/roles";

/** A speech or reporting verb outside quotation marks. */
export type VerbHit = Span & {
  word: string;
  sentence: number;
  isTag: boolean;
  isFrame: boolean;
  isReported: boolean;
};

/** Where a mention is the subject of a verb, and how sure that reading is. */
export type SubjectLink = { mention: Mention; confidence: number; how: string };

/** A reported-speech frame: a subject, its verb and the span of the clause it governs. */
export type ReportedFrame = Span & {
  sentence: number;
  verb: VerbHit | null;
  subject: Mention;
  confidence: number;
  method: string;
};

const REPORTING_PARTICIPLES = new Set([
  "adding",
  "saying",
  "insisting",
  "arguing",
  "warning",
  "noting",
  "stressing",
  "suggesting",
  "claiming",
  "alleging",
  "acknowledging",
  "explaining",
  "asserting",
  "conceding",
  "declaring",
  "stating",
  "confirming",
  "emphasizing",
  "emphasising",
  "urging",
  "calling",
  "describing",
  "predicting",
  "cautioning",
  "vowing",
  "pledging",
  "promising",
]);
const CLAUSE_ONLY_VERBS = new Set(["declare", "declares", "declared", "declaring"]);
const UNAMBIGUOUS_FORM = /(?:ed|said|says|told|wrote|thought)$/u;
const NON_VERB_BEFORE = new Set(["his", "her", "their", "its", "the", "a", "an", "my", "our", "your", "this", "that"]);
const CLAUSE_BREAK = /(?:;|,?\s+while\s+|,?\s+whereas\s+|,\s+but\s+|,\s+and\s+|,\s+although\s+|,\s+though\s+)\s*$/u;
const CLAUSE_BREAK_WINDOW = 200;
const ACCORDING_TO = /\baccording to\s+/giu;
const SO_CALLED = /\bso-called\s*$/iu;
const TIME_PHRASE =
  /\s(?:on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:last|this|next)\s+(?:week|month|year|night)|yesterday|today|tonight|overnight)$/iu;
const RELATIVE_OR_PLACE = /^\s*(?:who|which|whose|whom|that|where|when)\b|\b(?:from|in|at|to|of|for|near|by|with)(?:\s+the)?\s*$/u;
const SUBORDINATORS = new Set([
  "as",
  "when",
  "while",
  "after",
  "before",
  "because",
  "since",
  "if",
  "although",
  "though",
  "once",
  "until",
  "whether",
  "that",
  "where",
  "unless",
]);
const PREPOSITIONS = new Set([
  "of",
  "in",
  "on",
  "at",
  "by",
  "with",
  "from",
  "to",
  "for",
  "between",
  "about",
  "against",
  "among",
  "after",
  "before",
  "during",
  "under",
  "over",
  "including",
  "and",
  "or",
  "than",
  "like",
  "via",
  "toward",
  "towards",
]);

/**
 * Finds speech and reporting verbs outside quotation marks, leaving out passives ("is said to",
 * "when asked") and adjectival uses ("his expressed optimism").
 */
export function findSpeechVerbs(sentences: readonly Sentence[], tokens: Tokens, quotes: readonly QuoteSpan[]): VerbHit[] {
  const hits: VerbHit[] = [];
  let q = 0;
  sentences.forEach((sentence, index) => {
    if (sentence.heading) return;
    let previous = "";
    for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
      const value = tokens.values[t] as string;
      if (!value.trim()) continue;
      const lower = value.toLowerCase();
      const start = tokens.starts[t] as number;
      while (q < quotes.length && (quotes[q] as QuoteSpan).end <= start) q++;
      const quote = quotes[q];
      const inside = !!quote && start >= quote.start && start < quote.end;
      const pos = tokens.pos[t] as string;
      const candidate = ALL_SPEECH_VERBS.has(lower) && !inside && (pos === "VERB" || pos === "AUX" || UNAMBIGUOUS_FORM.test(lower));
      if (candidate && !PASSIVE_MARKERS.has(previous) && !NON_VERB_BEFORE.has(previous) && previous !== "to") {
        hits.push({
          start,
          end: tokens.ends[t] as number,
          word: lower,
          sentence: index,
          isTag: TAG_VERBS.has(lower),
          isFrame: FRAME_VERBS.has(lower),
          isReported: REPORTED_VERBS.has(lower),
        });
      }
      previous = lower;
    }
  });
  return hits;
}

/** Index of the last verb that starts before `offset`, or -1 (binary search over verbs sorted by start). */
export function verbIndexBefore(verbs: readonly VerbHit[], offset: number): number {
  let lo = 0;
  let hi = verbs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((verbs[mid] as VerbHit).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the first mention that starts at or after `offset` (binary search over mentions sorted by start). */
function mentionIndexFrom(mentions: readonly Mention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid] as Mention).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The longest mention of a sentence that ends exactly at `offset`. */
export function mentionEndingAt(mentions: readonly Mention[], offset: number, sentence: number): Mention | null {
  const lo = mentionIndexFrom(mentions, offset);
  let best: Mention | null = null;
  for (let k = lo - 1; k >= 0 && k >= lo - 8; k--) {
    const m = mentions[k] as Mention;
    if (m.sentence !== sentence) break;
    if (m.end === offset && (!best || m.start < best.start)) best = m;
  }
  return best;
}

/** The longest mention that starts exactly at `offset`. */
export function mentionStartingAt(mentions: readonly Mention[], offset: number): Mention | null {
  let best: Mention | null = null;
  for (let k = mentionIndexFrom(mentions, offset); k < mentions.length && (mentions[k] as Mention).start === offset; k++) {
    const m = mentions[k] as Mention;
    if (!best || m.end > best.end) best = m;
  }
  return best;
}

function skipBackSpaces(text: string, at: number, floor: number): number {
  while (at > floor && /\s/u.test(text[at - 1] as string)) at--;
  return at;
}

function skipBackFillers(text: string, at: number, floor: number): number {
  for (;;) {
    const end = skipBackSpaces(text, at, floor);
    const time = TIME_PHRASE.exec(text.slice(Math.max(floor, end - 24), end));
    if (time) {
      at = end - time[0].length;
      continue;
    }
    let start = end;
    while (start > floor && /[\p{L}'’]/u.test(text[start - 1] as string)) start--;
    const word = text.slice(start, end).toLowerCase();
    if (start < end && TAG_FILLERS.has(word)) {
      at = start;
      continue;
    }
    return end;
  }
}

const OPENERS: Record<string, RegExp> = {
  ",": /,/u,
  "—": /[—–]/u,
  "–": /[—–]/u,
  ")": /\(/u,
};

function isSubjectMention(m: Mention): boolean {
  if (m.possessive) return false;
  if (m.type === "pronoun") return /^(?:he|she|it|they)$/iu.test(m.text);
  return m.kindHint !== "document" || /^\p{Lu}/u.test(m.text);
}

/** A subject that may also be a document by its common noun ("the latest draft"), for verbs a text can do. */
export function isSubjectOrDocument(m: Mention): boolean {
  return isSubjectMention(m) || (m.kindHint === "document" && m.type === "description" && !m.possessive);
}

/**
 * The subject of a verb: the mention right before it, skipping adverbs and auxiliaries ("Smith also
 * said"), a parenthetical or relative clause set off by commas or dashes ("Smith — who … — said",
 * "Ushakov, in a press briefing, said"), or an apposition ("Tessaly's minister, Irena Vasko, said").
 */
export function subjectBefore(
  text: string,
  sentence: Sentence,
  mentions: readonly Mention[],
  sentenceIndex: number,
  at: number,
  isSubject: (m: Mention) => boolean = isSubjectMention,
): SubjectLink | null {
  let pos = skipBackFillers(text, at, sentence.start);
  let confidence = 1;
  for (let hops = 0; hops < 4; hops++) {
    // "Holt, 39, a former climate scientist, said": an age set off by commas after the name.
    const age = /,\s*\d{1,3}$/u.exec(text.slice(Math.max(sentence.start, pos - 8), pos));
    if (age && hops > 0) pos -= age[0].length;
    const direct = mentionEndingAt(mentions, pos, sentenceIndex);
    if (direct && isSubject(direct)) {
      // "An aide to the chairman of the port authority": phrases inside phrases, up to the first head.
      let head = phraseHead(text, mentions, direct);
      for (let outer = head ? phraseHead(text, mentions, head) : null, depth = 0; outer && depth < 3; outer = phraseHead(text, mentions, outer), depth++)
        head = outer;
      // "Two climbers rescued from the north face of Mount Skarv said": a place inside a phrase does not speak.
      // Nor a group in one ("58% of voters believed").
      if (
        !head &&
        (direct.kindHint === "place" || (direct.type === "description" && direct.plural)) &&
        OBJECT_BEFORE.test(text.slice(Math.max(sentence.start, direct.start - 40), direct.start))
      )
        return null;
      return { mention: head ?? direct, confidence, how: hops ? "parenthetical" : "adjacent" };
    }
    const ch = text[pos - 1];
    const opener = ch ? OPENERS[ch] : undefined;
    if (!ch || !opener) return null;
    let k = pos - 2;
    while (k >= sentence.start && !opener.test(text[k] as string)) k--;
    if (k < sentence.start) return null;
    const inner = text.slice(k + 1, pos - 1).trim();
    const innerEnd = skipBackSpaces(text, pos - 1, k + 1);
    const apposed = mentionEndingAt(mentions, innerEnd, sentenceIndex);
    const lead = text.slice(k + 1, apposed?.start ?? k + 1);
    if (apposed && apposed.type === "name" && !apposed.possessive && /^[\s\p{Ll}-]*$/u.test(lead) && !RELATIVE_OR_PLACE.test(lead)) {
      // "The letter, signed by the chief inspector, Edda Brun, said": a name set beside the object of a
      // preposition belongs to that phrase; the subject is further back.
      const prior = mentionEndingAt(mentions, skipBackSpaces(text, k, sentence.start), sentenceIndex);
      const preposition = prior ? OBJECT_BEFORE.exec(text.slice(Math.max(sentence.start, prior.start - 40), prior.start)) : null;
      // The object is a person ("signed by the chief inspector, Edda Brun"), or the phrase follows a
      // document ("A report by the regulator, the Maritime Authority, said"), which a name cannot be.
      const inPhrase =
        !!preposition && ((prior?.type === "description" && prior.kindHint === "person") || DOCUMENT_NOUNS.has(preposition[1]?.toLowerCase() ?? ""));
      // "Idris Bengana, the leader of the opposition Popular Alliance, called": a description set beside a name,
      // ending on a name of its own; the subject is the name before it.
      if (lead.trim() && prior?.type === "name" && prior.kindHint !== "place") {
        pos = skipBackFillers(text, k, sentence.start);
        confidence *= 0.95;
        continue;
      }
      if (!inPhrase) return { mention: apposed, confidence: 0.95, how: "apposition" };
      pos = k + 1;
      confidence *= 0.95;
      continue;
    }
    if (!inner) return null;
    pos = skipBackFillers(text, k, sentence.start);
    confidence *= 0.95;
  }
  return null;
}

/** The words before the object of a preposition ("signed by the", "a letter to"). */
const OBJECT_BEFORE = /(?:([\p{L}]+)\s+)?\b(?:by|of|to|from|with|for|at|in|on|about|near|across|outside|inside|into|off)\s+(?:the\s+|a\s+|an\s+)?$/iu;

const PLACE_PREPOSITION = /^\s+(?:in|of)\s+$/iu;

const PHRASE_PREPOSITION = /^\s+(?:at|of|for|to|from|with|in|inside|within)\s+(?:the\s+)?$/iu;

/**
 * "A senior official at the ministry", "an aide to the finance minister": when the mention before a verb
 * is the object of a preposition after a description of a person, the description is the subject.
 */
function phraseHead(text: string, mentions: readonly Mention[], object: Mention): Mention | null {
  for (let k = mentionIndexFrom(mentions, object.start) - 1; k >= 0; k--) {
    const m = mentions[k] as Mention;
    if (m.sentence !== object.sentence || m.end <= object.start - 40) return null;
    if (m.end > object.start) continue;
    // A word inside a longer mention before it ("Political" in "Political scientist Lena Moe") is not the phrase.
    const outer = mentions[k - 1];
    if (outer && outer.start <= m.start && outer.end > m.end && outer.end <= object.start) continue;
    // "Political scientist Lena Moe of Velmark University said": a person named with where they work.
    if (m.type === "name" && m.kindHint === "person" && !m.possessive && object.type === "name" && object.kindHint === "institution")
      return /^\s+(?:of|at|from)\s+(?:the\s+)?$/iu.test(text.slice(m.end, object.start)) ? m : null;
    if (m.type !== "description" || m.possessive) return null;
    // "A senior official at the ministry", and a body with where it sits: "The presidential office in Arventa".
    if (m.kindHint === "institution") return object.type === "name" && PLACE_PREPOSITION.test(text.slice(m.end, object.start)) ? m : null;
    if (m.kindHint !== "person" && m.kindHint !== "source") return null;
    return PHRASE_PREPOSITION.test(text.slice(m.end, object.start)) ? m : null;
  }
  return null;
}

/**
 * The subject of a verb, falling back, for a participle or a verb joined by "and" ("said … and
 * claimed", ", adding that"), to the subject of the previous speech verb of the sentence, and
 * then to the sentence's subject.
 */
export function verbSubject(
  text: string,
  sentences: readonly Sentence[],
  mentions: readonly Mention[],
  verbs: readonly VerbHit[],
  verb: VerbHit,
): SubjectLink | null {
  const sentence = sentences[verb.sentence] as Sentence;
  const direct = subjectBefore(text, sentence, mentions, verb.sentence, verb.start);
  if (direct) return direct;
  const relative = relativeClauseSubject(text, sentence, mentions, verb);
  if (relative) return relative;
  // "said … and then warned": the same subject; "… and unions warned": a clause with a subject of its own.
  const joined = /\b(?:and|but|or)\s+(?:(\p{L}+)\s+)?$/iu.exec(text.slice(Math.max(sentence.start, verb.start - 20), verb.start));
  const coordinated = !!joined && (!joined[1] || /ly$/iu.test(joined[1]) || SHARED_SUBJECT_ADVERBS.has(joined[1].toLowerCase()));
  if (!verb.word.endsWith("ing") && !coordinated) return null;
  for (let k = verbIndexBefore(verbs, verb.start); k >= 0; k--) {
    const prev = verbs[k] as VerbHit;
    if (prev.sentence !== verb.sentence) break;
    const link = subjectBefore(text, sentence, mentions, verb.sentence, prev.start);
    if (link) return { ...link, confidence: link.confidence * 0.9, how: "shared-subject" };
  }
  const subject = sentenceSubject(text, mentions, verb.sentence, verb.start);
  return subject ? { mention: subject, confidence: 0.6, how: "sentence-subject" } : null;
}

/** Adverbs between "and" and a verb that keep the subject of the clause before ("and then said"). */
const SHARED_SUBJECT_ADVERBS: ReadonlySet<string> = new Set([
  "also",
  "then",
  "later",
  "again",
  "still",
  "further",
  "even",
  "never",
  "often",
  "now",
  "soon",
  "so",
]);

/** "A UN official who spoke on condition of anonymity … said": the antecedent of a subject relative clause. */
function relativeClauseSubject(text: string, sentence: Sentence, mentions: readonly Mention[], verb: VerbHit): SubjectLink | null {
  for (let k = mentionIndexFrom(mentions, verb.start) - 1; k >= 0; k--) {
    const m = mentions[k] as Mention;
    if (m.sentence < verb.sentence) break;
    if (m.type !== "relative") continue;
    if (/[,;:—–]/u.test(text.slice(m.end, verb.start))) return null;
    const antecedent = mentionEndingAt(mentions, skipBackSpaces(text, m.start, sentence.start), verb.sentence);
    if (antecedent && isSubjectMention(antecedent) && antecedent.start === firstWordAfterLead(text, sentence, antecedent.start)) {
      return { mention: antecedent, confidence: 0.8, how: "relative-clause" };
    }
    return null;
  }
  return null;
}

function firstWordAfterLead(text: string, sentence: Sentence, at: number): number {
  const lead = text.slice(sentence.start, at);
  return /^\s*$|,\s*$/u.test(lead) ? at : -1;
}

/** Conjunctions that can open a sentence before its subject ("But the lawyer, …, has said"). */
const LEADING_CONJUNCTIONS: ReadonlySet<string> = new Set(["but", "and", "yet", "so", "still"]);

/** The first mention of a sentence that can be its grammatical subject (not a possessor, not after a preposition). */
export function sentenceSubject(text: string, mentions: readonly Mention[], sentenceIndex: number, before = Infinity): Mention | null {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid] as Mention).sentence < sentenceIndex) lo = mid + 1;
    else hi = mid;
  }
  let fallback: Mention | null = null;
  for (let k = lo; k < mentions.length; k++) {
    const m = mentions[k] as Mention;
    if (m.sentence > sentenceIndex || m.start >= before) break;
    if (!isSubjectMention(m) || m.type === "relative") continue;
    const prevWord = /([\p{L}]+)[\s,]*$/u.exec(text.slice(Math.max(0, m.start - 24), m.start));
    if (prevWord && PREPOSITIONS.has((prevWord[1] as string).toLowerCase())) continue;
    // "…, whose party holds the balance, …": the subject of a relative clause, not of the sentence.
    if (SUBORDINATORS.has(m.prevWord) || m.prevWord === "whose") continue;
    if (m.verbAfter || !m.prevWord || LEADING_CONJUNCTIONS.has(m.prevWord)) return m;
    fallback ??= m;
  }
  return fallback;
}

/** Whether a quotation is introduced as someone's term rather than their words ("so-called “X”"). */
export function isScareMarked(text: string, quoteStart: number): boolean {
  return SO_CALLED.test(text.slice(Math.max(0, quoteStart - 12), quoteStart));
}

/**
 * Reported speech without quotation marks ("Lima confirmed that…", "X said the leaders…",
 * ", adding that…", "according to X"): one frame per speech verb whose subject can be read, spanning
 * from the subject to the end of its clause. Verbs already used as tags of direct quotes are skipped.
 */
export function findReportedFrames(
  text: string,
  sentences: readonly Sentence[],
  mentions: readonly Mention[],
  verbs: readonly VerbHit[],
  quotes: readonly QuoteSpan[],
  usedVerbs: ReadonlySet<VerbHit>,
): ReportedFrame[] {
  const frames: ReportedFrame[] = [];
  for (const verb of verbs) {
    if (!verb.isReported || usedVerbs.has(verb)) continue;
    const sentence = sentences[verb.sentence] as Sentence;
    const tag = setOffTag(text, sentence, mentions, verb, quotes);
    if (tag) {
      frames.push({ start: sentence.start, end: sentence.end, sentence: verb.sentence, verb, subject: tag, confidence: 0.95, method: "reported:tag" });
      continue;
    }
    const rest = text.slice(verb.end, sentence.end);
    if (/^\s*[.!?,;]?\s*$/u.test(rest) || /^\s*[,;]/u.test(rest) || /^\s*[:,]?\s*["“”«]/u.test(rest)) continue;
    const participle = verb.word.endsWith("ing");
    if (participle && !REPORTING_PARTICIPLES.has(verb.word)) continue;
    if (CLAUSE_ONLY_VERBS.has(verb.word) && !/^\s*(?:that\b|[:,]?\s*["“«])/u.test(rest)) continue;
    const link = verbSubject(text, sentences, mentions, verbs, verb);
    if (!link || link.how === "sentence-subject") continue;
    if (/\bwhat\s*$/iu.test(text.slice(Math.max(sentence.start, link.mention.start - 8), link.mention.start))) continue;
    frames.push({
      start: participle && link.how !== "adjacent" ? verb.start : Math.min(link.mention.start, verb.start),
      end: sentence.end,
      sentence: verb.sentence,
      verb,
      subject: link.mention,
      confidence: link.confidence,
      method: participle && link.how !== "adjacent" ? "reported:participle" : `reported:${link.how}`,
    });
  }
  sentences.forEach((sentence, index) => {
    if (sentence.heading) return;
    const body = text.slice(sentence.start, sentence.end);
    if (!body.includes("ccording to")) return;
    ACCORDING_TO.lastIndex = 0;
    for (let m = ACCORDING_TO.exec(body); m; m = ACCORDING_TO.exec(body)) {
      const at = sentence.start + m.index + m[0].length;
      const source = mentionStartingAt(mentions, at);
      if (!source || insideQuote(quotes, at)) continue;
      frames.push({ start: sentence.start, end: sentence.end, sentence: index, verb: null, subject: source, confidence: 0.9, method: "reported:according-to" });
    }
  });
  frames.sort((a, b) => a.start - b.start);
  return trimFrames(text, frames);
}

const TAG_TAIL = /^(?:\s+(?:[\p{Lu}][\p{L}.]*|\d+|[\p{Ll}]+))*?\s*(?:[,;]|[.!?…]?\s*$)/u;

function tailIsAdverbial(text: string, from: number, to: number): boolean {
  const tail = text.slice(from, to);
  const m = TAG_TAIL.exec(tail);
  if (!m) return false;
  const words = m[0].match(/[\p{L}\d]+/gu) ?? [];
  return words.length <= 6 && words.every((w) => TAG_OBJECTS.has(w.toLowerCase()) || /^[\p{Lu}\d]/u.test(w));
}

/**
 * A speech tag set off by commas around reported content without quotation marks: "…, the company
 * said on Thursday." or "The reserve, she noted, can only…". Its subject speaks for the whole sentence.
 */
function setOffTag(text: string, sentence: Sentence, mentions: readonly Mention[], verb: VerbHit, quotes: readonly QuoteSpan[]): Mention | null {
  if (overlapsQuote(quotes, sentence.start, sentence.end)) return null;
  const before = subjectBefore(text, sentence, mentions, verb.sentence, verb.start);
  if (before && before.how === "adjacent" && before.mention.start > sentence.start) {
    const lead = text.slice(sentence.start, before.mention.start).trimEnd();
    if (lead.endsWith(",") && tailIsAdverbial(text, verb.end, sentence.end)) return before.mention;
  }
  const lead = text.slice(sentence.start, verb.start).trimEnd();
  if (lead.endsWith(",") && lead.length > 1) {
    let at = verb.end;
    while (at < sentence.end && /\s/u.test(text[at] as string)) at++;
    const after = mentionStartingAt(mentions, at);
    if (after && !after.possessive && tailIsAdverbial(text, after.end, sentence.end)) return after;
  }
  return null;
}

function firstQuoteEndingAfter(quotes: readonly QuoteSpan[], offset: number): QuoteSpan | undefined {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((quotes[mid] as QuoteSpan).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return quotes[lo];
}

/** Whether an offset lies inside one of the quotes (sorted by start). */
export function insideQuote(quotes: readonly QuoteSpan[], at: number): boolean {
  const q = firstQuoteEndingAfter(quotes, at);
  return !!q && q.start <= at;
}

function overlapsQuote(quotes: readonly QuoteSpan[], start: number, end: number): boolean {
  const q = firstQuoteEndingAfter(quotes, start);
  return !!q && q.start < end;
}

function trimFrames(text: string, frames: ReportedFrame[]): ReportedFrame[] {
  const out: ReportedFrame[] = [];
  const lastBySentence = new Map<number, ReportedFrame>();
  for (const frame of frames) {
    const previous = lastBySentence.get(frame.sentence);
    if (frame.method === "reported:according-to") {
      out.push(frame);
      continue;
    }
    if (previous) {
      // Only the words just before this frame can be the break: a bounded window keeps one long sentence linear.
      const from = Math.max(previous.start, frame.start - CLAUSE_BREAK_WINDOW);
      const breakAt = CLAUSE_BREAK.exec(text.slice(from, frame.start));
      if (!breakAt || frame.subject === previous.subject) continue;
      previous.end = from + breakAt.index;
    }
    out.push(frame);
    lastBySentence.set(frame.sentence, frame);
  }
  return out;
}
