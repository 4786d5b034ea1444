import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Span } from "./types";

type Nlp = ReturnType<typeof winkNLP>;

let nlp: Nlp | null = null;

/**
 * The wink-nlp instance, built once per process. Only sentence boundaries and part-of-speech tags
 * are used, so the pipeline runs just those (the same boundaries and tags as the full pipeline).
 */
export function getNlp(): Nlp {
  nlp ??= winkNLP(model, ["sbd", "pos"]);
  return nlp;
}

/** Word tokens of a text with their offsets and part-of-speech tags. */
export type Tokens = {
  values: string[];
  pos: string[];
  starts: Int32Array;
  ends: Int32Array;
  count: number;
};

/** A sentence of the cleaned text: [start, end), its paragraph, and whether it is a heading. */
export type Sentence = Span & {
  paragraph: number;
  heading: boolean;
  tokenStart: number;
  tokenEnd: number;
};

/** Paragraphs (lines), sentences and tokens of a cleaned text. */
export type SentenceSplit = {
  paragraphs: Span[];
  sentences: Sentence[];
  tokens: Tokens;
};

const GLUED_BOUNDARY = /[\p{Ll}\p{N}%)][.!?]+["”’»]?(?=["“«]?\p{Lu}\p{Ll})/gu;
const LOWERCASE_START = /^[\s"“”'‘’«»()[\]—–-]*\p{Ll}/u;
const CLOSING_MARKS = /^[”"»’)\]]+(?=\s|$)/u;
const DANGLING_OPENER = /\s+[“”"«]$/u;
const PUNCTUATION_ONLY = /^[\p{P}\s]*$/u;
const TITLE_ABBREVIATION = /(?:^|[\s(“"])(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|St|Rev|Adm|Maj|Cmdr|Supt|Insp|No|vs|Nos|approx|Fr|Hon)\.$/u;
const MONTH_ABBREVIATION = /\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/u;
const INITIALISM = /\b(?:\p{Lu}\.){2,}$/u;
const TERMINAL = /[.!?…:;]["”’»)\]]*$|["”»]$/u;
const WORD = /[\p{L}\p{N}]+/gu;

/** Letters of the Latin script beyond Latin-1 with no decomposition to a Latin-1 letter. */
const LATIN_STAND_INS: Record<string, string> = {
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  ı: "i",
  Ħ: "H",
  ħ: "h",
  Ŧ: "T",
  ŧ: "t",
  Œ: "O",
  œ: "o",
  Ŋ: "N",
  ŋ: "n",
  ƒ: "f",
  Ə: "A",
  ə: "a",
};
const BEYOND_LATIN_1 = /[\u0100-\u024f\u1e00-\u1eff]/gu;

/**
 * The text with each Latin letter beyond Latin-1 replaced by its base letter ("Wiśniewski" →
 * "Wisniewski", "Łukasz" → "Lukasz"), one UTF-16 unit for one, so every offset stays the same.
 * wink-nlp's tokenizer splits a word at such a letter ("Wi", "ś", "niewski"); it reads the folded
 * text, and the tokens' values are taken back from the original.
 */
function foldLatin(text: string): string {
  return text.replace(BEYOND_LATIN_1, (c) => {
    const stand = LATIN_STAND_INS[c];
    if (stand) return stand;
    const base = c.normalize("NFD")[0] as string;
    return base.charCodeAt(0) < 0x100 && base !== c ? base : c;
  });
}

function tokenize(original: string): { tokens: Tokens; sentenceSpans: Span[] } {
  const text = foldLatin(original);
  const folded = text !== original;
  const doc = getNlp().readDoc(text);
  const its = getNlp().its;
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const count = values.length;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const value = values[i] as string;
    let at = offset + (spaces[i] as string).length;
    if (!text.startsWith(value, at)) {
      const found = text.indexOf(value, offset);
      at = found >= 0 ? found : at;
    }
    starts[i] = at;
    ends[i] = at + value.length;
    offset = ends[i] as number;
    if (folded) values[i] = original.slice(at, at + value.length);
  }
  const sentenceSpans = (doc.sentences().out(its.span) as unknown as number[][]).map(([a, b]) => ({
    start: starts[a as number] as number,
    end: ends[b as number] as number,
  }));
  return { tokens: { values, pos, starts, ends, count }, sentenceSpans };
}

/** Index of the first token whose end is after `offset` (binary search). */
export function tokenIndexAt(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens.ends[mid] as number) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the sentence that contains `offset` (or the last one starting before it), by binary search. */
export function sentenceIndexAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sentences[mid] as Sentence).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

function paragraphsOf(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n") {
      if (i > start && text.slice(start, i).trim()) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/u.test(text[start] as string)) start++;
  while (end > start && /\s/u.test(text[end - 1] as string)) end--;
  return { start, end };
}

function splitGlued(text: string, span: Span): Span[] {
  const body = text.slice(span.start, span.end);
  const out: Span[] = [];
  let from = span.start;
  GLUED_BOUNDARY.lastIndex = 0;
  for (let m = GLUED_BOUNDARY.exec(body); m; m = GLUED_BOUNDARY.exec(body)) {
    const cut = span.start + m.index + m[0].length;
    if (cut > from && cut < span.end) {
      out.push({ start: from, end: cut });
      from = cut;
    }
  }
  out.push({ start: from, end: span.end });
  return out;
}

function shouldMerge(text: string, current: Span, next: Span): boolean {
  const head = text.slice(current.start, current.end);
  const tail = text.slice(next.start, next.end);
  if (LOWERCASE_START.test(tail) || PUNCTUATION_ONLY.test(tail)) return true;
  if (TITLE_ABBREVIATION.test(head)) return true;
  if (/^\d/u.test(tail) && (MONTH_ABBREVIATION.test(head) || INITIALISM.test(head))) return true;
  return false;
}

function wordCount(text: string): number {
  WORD.lastIndex = 0;
  let n = 0;
  while (WORD.exec(text)) n++;
  return n;
}

/**
 * "The verdict was in. Opposition leaders …", "He said no. Officials …": wink-nlp reads "in." and "no."
 * as abbreviations (inches, number) and runs the sentences together. Before a capital they end a
 * sentence, unless a number comes before "in." ("a 12 in. pipe").
 */
const WORD_PERIOD_END = /(?<![\p{L}\p{N}])(?:in|no)\.(?=\s+[\p{Lu}“"‘])/gu;

function splitAtWordPeriods(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let from = span.start;
  const body = text.slice(span.start, span.end);
  for (const m of body.matchAll(WORD_PERIOD_END)) {
    const at = span.start + m.index;
    if (m[0].startsWith("in") && /\d\s*$/u.test(text.slice(Math.max(span.start, at - 4), at))) continue;
    const cut = at + m[0].length;
    const next = cut + (/^\s+/u.exec(text.slice(cut, span.end))?.[0].length ?? 0);
    out.push({ start: from, end: cut });
    from = next;
  }
  out.push({ start: from, end: span.end });
  return out;
}

function correctParagraph(text: string, spans: Span[]): Span[] {
  const pieces = spans.flatMap((s) => splitGlued(text, s)).flatMap((s) => splitAtWordPeriods(text, s));
  for (let i = 0; i + 1 < pieces.length; i++) {
    const piece = pieces[i] as Span;
    const next = pieces[i + 1] as Span;
    const dangling = DANGLING_OPENER.exec(text.slice(piece.start, piece.end));
    if (dangling && next.start === piece.end && !/\s/u.test(text[next.start] ?? " ")) {
      next.start = piece.end - 1;
      piece.end = piece.start + dangling.index;
    }
  }
  const out: Span[] = [];
  for (const piece of pieces) {
    const previous = out[out.length - 1];
    if (!previous) {
      out.push({ ...piece });
      continue;
    }
    const closing = CLOSING_MARKS.exec(text.slice(piece.start, piece.end));
    if (closing) {
      previous.end = piece.start + closing[0].length;
      const rest = trimSpan(text, previous.end, piece.end);
      if (rest.end > rest.start) out.push(rest);
      continue;
    }
    if (shouldMerge(text, previous, piece)) previous.end = piece.end;
    else out.push({ ...piece });
  }
  return out;
}

/**
 * Splits a cleaned text into paragraphs (its lines), then sentences. wink-nlp finds the sentence
 * boundaries inside each paragraph; the result is then corrected where news text misleads it: a
 * boundary glued without a space (`region.“That`), a speech tag split off a quotation (`“Wow!”` +
 * `he said.`), a closing quote mark pushed to the next sentence, and title or month abbreviations
 * (`Mr.`, `Dec. 28`). A line without final punctuation is a heading, its own sentence.
 */
export function splitSentences(text: string): SentenceSplit {
  const { tokens, sentenceSpans } = tokenize(text);
  const paragraphs = paragraphsOf(text);
  const spansByParagraph: Span[][] = paragraphs.map(() => []);
  let p = 0;
  for (const span of sentenceSpans) {
    let from = span.start;
    while (from < span.end) {
      while (p < paragraphs.length && (paragraphs[p] as Span).end <= from) p++;
      const para = paragraphs[p];
      if (!para) break;
      const start = Math.max(from, para.start);
      const end = Math.min(span.end, para.end);
      const trimmed = trimSpan(text, start, end);
      if (trimmed.end > trimmed.start) (spansByParagraph[p] as Span[]).push(trimmed);
      from = para.end;
    }
  }
  const sentences: Sentence[] = [];
  spansByParagraph.forEach((spans, paragraph) => {
    const corrected = correctParagraph(text, spans);
    for (const s of corrected) {
      const body = text.slice(s.start, s.end);
      const heading = corrected.length === 1 && !TERMINAL.test(body) && wordCount(body) <= 20;
      sentences.push({
        start: s.start,
        end: s.end,
        paragraph,
        heading,
        tokenStart: tokenIndexAt(tokens, s.start),
        tokenEnd: tokenIndexAt(tokens, s.end),
      });
    }
  });
  return { paragraphs, sentences, tokens };
}
