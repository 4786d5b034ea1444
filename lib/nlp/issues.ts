import { z } from "zod";
import type { IssueLexicon, Span } from "./types";
import { contentStems, stem } from "./tagger";

/**
 * An issue lexicon compiled once into regular expressions. `scan` is `phrases` without its
 * word-boundary lookbehind, which keeps the engine from skipping ahead to a phrase's first letters;
 * `nextPhrase` checks the boundary itself.
 */
export type CompiledIssue = { slug: string; phrases: RegExp; scan: RegExp; exclusions: RegExp | null };

/** One phrase match of an issue inside a text. */
export type IssueMatch = Span & { slug: string };

const issueSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/u, "slug must be lower-case words joined by hyphens"),
  title: z.string().min(1),
  description: z.string().default(""),
  phrases: z.array(z.string().min(1)).min(1, "an issue needs at least one lexicon phrase"),
  exclusions: z.array(z.string().min(1)).default([]),
});

const issuesFileSchema = z.object({ issues: z.array(issueSchema).min(1) });

/** Validates the shape of an issues file (`{"issues":[{slug,title,description,phrases[],exclusions[]}]}`). */
export function loadIssueLexicons(json: unknown): IssueLexicon[] {
  return issuesFileSchema.parse(json).issues;
}

const CLAUSE_DELIMITER = /[,;:()[\]—–]/u;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

function wordPattern(word: string): string {
  const parts = word.split(/-/u).map((p) => escape(p).replace(/['’]/gu, "['’]"));
  const joined = parts.join("[-\\s]?");
  if (/[^aeiou]y$/iu.test(word)) return `${joined.slice(0, -1)}(?:y|ies)`;
  if (/e$/iu.test(word)) return `${joined}(?:s|d)?`;
  return `${joined}(?:s|es|ed|ing)?`;
}

function phrasePattern(phrase: string): string {
  return phrase.trim().toLowerCase().split(/\s+/u).map(wordPattern).join("[\\s-]+");
}

function alternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map(phrasePattern)
    .join("|");
}

/**
 * Compiles issue lexicons: each phrase matches on word boundaries, case-insensitively, with simple
 * plural and inflection tolerance on every word ("security guarantee" matches "security
 * guarantees", "withdraw troops" matches "withdrawing troops").
 */
export function compileIssues(lexicons: readonly IssueLexicon[]): CompiledIssue[] {
  return lexicons
    .filter((l) => l.phrases.length > 0)
    .map((l) => ({
      slug: l.slug,
      phrases: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(l.phrases)})(?![\\p{L}\\p{N}])`, "giu"),
      scan: new RegExp(`(?:${alternation(l.phrases)})(?![\\p{L}\\p{N}])`, "giu"),
      exclusions: l.exclusions.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(l.exclusions)})(?![\\p{L}\\p{N}])`, "iu") : null,
    }));
}

/** How far (in characters) a clause reaches either side of a match: bounded, so one very long sentence stays linear. */
const CLAUSE_REACH = 400;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether the code point that ends just before `offset` is a letter or digit. */
function wordCharBefore(text: string, offset: number): boolean {
  if (offset <= 0) return false;
  let from = offset - 1;
  const code = text.charCodeAt(from);
  if (code < 0x80) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  if (code >= 0xdc00 && code <= 0xdfff && from > 0) {
    const high = text.charCodeAt(from - 1);
    if (high >= 0xd800 && high <= 0xdbff) from -= 1;
  }
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(from) as number));
}

/**
 * The next match of an issue's phrases in `text` from `issue.scan.lastIndex`, exactly as `phrases`
 * would find it: a candidate preceded by a letter or digit is skipped and the search resumes one
 * character (code point) later.
 */
function nextPhrase(issue: CompiledIssue, text: string): RegExpExecArray | null {
  for (let m = issue.scan.exec(text); m; m = issue.scan.exec(text)) {
    if (!wordCharBefore(text, m.index)) return m;
    issue.scan.lastIndex = m.index + ((text.codePointAt(m.index) as number) > 0xffff ? 2 : 1);
  }
  return null;
}

function clauseAround(text: string, from: number, to: number, start: number, end: number): string {
  const floor = Math.max(from, start - CLAUSE_REACH);
  const ceiling = Math.min(to, end + CLAUSE_REACH);
  let a = start;
  while (a > floor && !CLAUSE_DELIMITER.test(text[a - 1] as string)) a--;
  let b = end;
  while (b < ceiling && !CLAUSE_DELIMITER.test(text[b] as string)) b++;
  return text.slice(a, b);
}

const YEAR = /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/gu;
const DATED_BEFORE = /(?<![\p{L}\p{N}])(1[89]\d\d|20\d\d)(?:['’]s)?\s+(?:\p{L}+\s+)?$/u;
const EARLIER_BEFORE = /(?<![\p{L}])(?:previous|earlier|prior|past|last\s+year['’]s|the\s+last\s+(?:\p{L}+\s+)?years?['’]s?)\s+(?:\p{L}+\s+)?$/iu;
let latestYearMemo: { text: string; years: number[] } = { text: "", years: [] };

function yearsIn(text: string): number[] {
  if (latestYearMemo.text !== text) latestYearMemo = { text, years: [...text.matchAll(YEAR)].map((m) => Number(m[1])).sort((a, b) => b - a) };
  return latestYearMemo.years;
}

/**
 * Whether the phrase at `text[start, end)` names another, earlier event than the story's: a year or
 * "previous"/"earlier"/"last year's" just before it ("the 1998 strike ballot", "the September 2022
 * referendums"). The year counts as earlier when the text names a later one, or no other year at all
 * (a story's own events are rarely dated by their year).
 */
export function isOtherEvent(text: string, from: number, start: number): boolean {
  const before = text.slice(Math.max(from, start - 40), start);
  if (EARLIER_BEFORE.test(before)) return true;
  const dated = DATED_BEFORE.exec(before);
  if (!dated) return false;
  const year = Number(dated[1]);
  const others = yearsIn(text).filter((y) => y !== year);
  return others.length === 0 || others.some((y) => y > year);
}

/**
 * Matches the issues' phrases in `text[from, to)` (a sentence). A match is vetoed when one of the
 * issue's exclusions occurs in the same clause, so "the ceasefire between Israel and Hamas" is not
 * a match when "hamas" is an exclusion, or when it names another, earlier event (`isOtherEvent`);
 * vetoed matches are pushed onto `vetoed` when given.
 */
export function matchIssues(text: string, from: number, to: number, issues: readonly CompiledIssue[], vetoed?: IssueMatch[]): IssueMatch[] {
  const body = text.slice(from, to);
  const out: IssueMatch[] = [];
  for (const issue of issues) {
    issue.scan.lastIndex = 0;
    for (let m = nextPhrase(issue, body); m; m = nextPhrase(issue, body)) {
      const start = from + m.index;
      const end = start + m[0].length;
      const match = { slug: issue.slug, start, end };
      if ((issue.exclusions && issue.exclusions.test(clauseAround(text, from, to, start, end))) || isOtherEvent(text, from, start)) vetoed?.push(match);
      else out.push(match);
    }
  }
  return out;
}

/**
 * `matchIssues` for every sentence at once: each issue's expression runs once over the whole text
 * and its matches are assigned to the sentence that contains them (matches across a sentence
 * boundary are dropped).
 */
export function matchIssuesBySentence(text: string, sentences: readonly Span[], issues: readonly CompiledIssue[], vetoed?: IssueMatch[][]): IssueMatch[][] {
  const out: IssueMatch[][] = sentences.map(() => []);
  for (const issue of issues) {
    issue.scan.lastIndex = 0;
    for (let m = nextPhrase(issue, text); m; m = nextPhrase(issue, text)) {
      const start = m.index;
      const end = start + m[0].length;
      const i = spanIndexAt(sentences, start);
      const sentence = sentences[i];
      if (!sentence || start < sentence.start || end > sentence.end) continue;
      const match = { slug: issue.slug, start, end };
      if (
        (issue.exclusions && issue.exclusions.test(clauseAround(text, sentence.start, sentence.end, start, end))) ||
        isOtherEvent(text, sentence.start, start)
      )
        vetoed?.[i]?.push(match);
      else (out[i] as IssueMatch[]).push(match);
    }
  }
  return out;
}

function spanIndexAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((spans[mid] as Span).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const ANAPHORIC_START = /^["“«‘]?\s*(?:it|it['’]s|that|that['’]s|this|these|those|they|such)\b/iu;
/** A reply to the sentence before, naming it by a demonstrative: "Ambe called that “a pay cut”", "Venn dismissed this as …". */
const DEMONSTRATIVE_REPLY =
  /^[^.;:“”"]{0,60}\b(?:called|dismissed|described|rejected|welcomed|criticised|criticized|branded|labelled|labeled|termed|denied|disputed|questioned|slammed|praised|hailed|condemned)\s+(?:that|this|it)\b(?!\s+(?:the|a|an)\b)/iu;
const DEMONSTRATIVE_NOUN = /\b(?:this|these|those|such(?:\s+an?)?|the\s+same)\s+\p{Ll}{3,}/u;
const NUMBER = "(?:\\d+(?:[.,]\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred)";
const BARE_NUMBER_START = new RegExp(`^["“«‘]?\\s*(?!one\\b)${NUMBER}\\s+(?:would|will|is|was|are|were|could|should|might|may|can|seems?|sounds?)\\b`, "iu");
const NUMBER_UNIT = new RegExp(`(?<![\\p{L}\\p{N}])${NUMBER}(?:\\s*%|[-\\s]+(?:per\\s?cent|percent|\\p{Ll}{3,}))`, "giu");

function figureUnits(body: string): Set<string> {
  const out = new Set<string>();
  for (const m of body.matchAll(NUMBER_UNIT)) {
    const unit = /%|per\s?cent|percent$/iu.test(m[0]) ? "%" : stem(m[0].replace(/^.*?[-\s]+(?=\p{L}+$)/u, ""));
    if (!STOP_UNITS.has(unit)) out.add(unit);
  }
  return out;
}

/** Whether two sentences count figures of the same unit; the earlier one is read only when the later counts any. */
function sharesFigureUnit(body: string, previous: string): boolean {
  const units = figureUnits(body);
  if (!units.size) return false;
  const before = figureUnits(previous);
  for (const unit of units) if (before.has(unit)) return true;
  return false;
}

const STOP_UNITS = new Set(["and", "or", "of", "the", "to", "in", "on", "at", "for", "from", "more", "other", "time"]);

function lowerStems(body: string): Set<string> {
  return new Set(contentStems(body.replace(/\p{Lu}[\p{L}'’-]*/gu, " ")));
}

/**
 * Whether `s` goes on about what `earlier` was about rather than turning to something else: it
 * opens with a pronoun or demonstrative, names "this/such/the same" thing, opens with a bare
 * number (an answer to a figure: "Twenty would be kinder"), gives a figure in the same unit, or
 * shares a content word (lower-case, so names and the speech tag do not count).
 */
function continuesSubject(s: IssueContext, earlier: IssueContext): boolean {
  if (ANAPHORIC_START.test(s.body) || DEMONSTRATIVE_NOUN.test(s.body) || BARE_NUMBER_START.test(s.body)) return true;
  return sharesWords(s, earlier);
}

/** Whether `s` gives a figure in the unit of one in `earlier`, or shares a lower-case content word with it. */
function sharesWords(s: IssueContext, earlier: IssueContext): boolean {
  const units = figureUnits(earlier.body);
  for (const unit of figureUnits(s.body)) if (units.has(unit)) return true;
  const words = lowerStems(earlier.body);
  for (const word of lowerStems(s.body)) if (words.has(word)) return true;
  return false;
}

/** Sentence facts used to carry issues into sentences that refer back to them. */
export type IssueContext = {
  paragraph: number;
  heading: boolean;
  issues: string[];
  body: string;
  /** Speaker of the claim that covers most of the sentence, if any. */
  speaker: string | null;
  /** Whether that claim is a direct quote. */
  quoted: boolean;
  /** Whether that quote goes on past the sentence's end (“Our staff are working double shifts. Nobody …”). */
  quoteGoesOn?: boolean;
};

/**
 * Issues of each sentence, including those it takes from the sentence before when it refers back
 * to it: a quotation opening with a pronoun or demonstrative ("“That's an issue to iron out”"), a
 * demonstrative noun phrase ("progress on this front", "such an arrangement"), a bare number or a
 * figure in the same unit as the sentence before's; within a paragraph, a sentence that shares the
 * words of the one before (`sharesWords`) and a quotation after the narration's own sentence; and a
 * direct quote continuing what the same
 * speaker said in the previous claim (within the paragraph or the one before) while it stays on the
 * subject (`continuesSubject`): "“Now we go home,” she added" after a quote on pensions is not about
 * pensions.
 */
export function carryIssues(sentences: readonly IssueContext[]): string[][] {
  const out: string[][] = sentences.map((s) => [...s.issues]);
  sentences.forEach((s, i) => {
    if (s.heading || s.issues.length || i === 0) return;
    const prev = sentences[i - 1] as IssueContext;
    const prevIssues = out[i - 1] as string[];
    const sameParagraph = prev.paragraph === s.paragraph;
    if (prevIssues.length && !prev.heading && (sameParagraph || prev.paragraph === s.paragraph - 1)) {
      // A pronoun opening a new paragraph resolves to one antecedent: with several issues before it, it is ambiguous.
      const anaphoric = s.quoted && ANAPHORIC_START.test(s.body) && (sameParagraph || prevIssues.length === 1);
      const sameFigure = BARE_NUMBER_START.test(s.body) || sharesFigureUnit(s.body, prev.body);
      if (anaphoric || sameFigure || DEMONSTRATIVE_NOUN.test(s.body) || DEMONSTRATIVE_REPLY.test(s.body)) {
        out[i] = [...prevIssues];
        return;
      }
      // Within a paragraph: a sentence that shares the words of the one before, a quotation after the
      // narration's own sentence on the issue ("The bill would bar strikes for 90 days. “You can pass a law,”
      // Voss told a rally."), and the next sentence of the same quotation. The same speaker's next quote is
      // left to the rule below (ISS-5).
      if (sameParagraph && (sharesWords(s, prev) || (s.quoted && (!prev.speaker || (prev.speaker === s.speaker && prev.quoteGoesOn))))) {
        out[i] = [...prevIssues];
        return;
      }
    }
    if (s.quoted && s.speaker) {
      for (let k = i - 1; k >= 0; k--) {
        const earlier = sentences[k] as IssueContext;
        if (earlier.heading || s.paragraph - earlier.paragraph > 1) break;
        if (!earlier.speaker) continue;
        if (earlier.speaker === s.speaker && continuesSubject(s, earlier)) out[i] = [...(out[k] as string[])];
        break;
      }
    }
  });
  return out;
}
