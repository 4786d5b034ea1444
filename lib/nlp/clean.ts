import type { ArticleMeta } from "./types";
import { MONTHS } from "./lexicon/numbers";
import {
  CAPTION_LINE,
  COPYRIGHT_LINE,
  CREDITS_LINE,
  CREDIT_ONLY_LINE,
  KNOWN_OUTLETS,
  NEWSLETTER_LINE,
  PAST_EMPLOYER,
  PROMPT_LINE,
  TRAILING_CREDIT,
  URL_LINE,
  WIRE_NAMES,
} from "./lexicon/page-junk";

/**
 * Article text with page junk removed, and for every character of it the range of the original
 * text it came from. `starts[i]`/`ends[i]` are the original offsets of cleaned character `i`
 * (an entity such as `&amp;` maps one cleaned character to its whole source).
 */
export type CleanedText = {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
  meta: ArticleMeta;
};

type Mapped = { text: string; starts: Int32Array | null; ends: Int32Array | null };

class MappedBuilder {
  private parts: string[] = [];
  private length = 0;
  private starts: Int32Array;
  private ends: Int32Array;

  constructor(capacity: number) {
    this.starts = new Int32Array(Math.max(16, capacity));
    this.ends = new Int32Array(Math.max(16, capacity));
  }

  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.starts.length) return;
    const size = Math.max(needed, this.starts.length * 2);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    starts.set(this.starts.subarray(0, this.length));
    ends.set(this.ends.subarray(0, this.length));
    this.starts = starts;
    this.ends = ends;
  }

  copy(source: Mapped, from: number, to: number): void {
    if (to <= from) return;
    const n = to - from;
    this.reserve(n);
    this.parts.push(source.text.slice(from, to));
    if (source.starts && source.ends) {
      this.starts.set(source.starts.subarray(from, to), this.length);
      this.ends.set(source.ends.subarray(from, to), this.length);
    } else {
      for (let i = 0; i < n; i++) {
        this.starts[this.length + i] = from + i;
        this.ends[this.length + i] = from + i + 1;
      }
    }
    this.length += n;
  }

  emit(value: string, originalStart: number, originalEnd: number): void {
    if (!value) return;
    this.reserve(value.length);
    this.parts.push(value);
    for (let i = 0; i < value.length; i++) {
      this.starts[this.length + i] = originalStart;
      this.ends[this.length + i] = originalEnd;
    }
    this.length += value.length;
  }

  build(): { text: string; starts: Int32Array; ends: Int32Array } {
    return {
      text: this.parts.join(""),
      starts: this.starts.slice(0, this.length),
      ends: this.ends.slice(0, this.length),
    };
  }
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ensp: " ",
  emsp: " ",
  thinsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  sbquo: "‚",
  bdquo: "„",
  laquo: "«",
  raquo: "»",
  lsaquo: "‹",
  rsaquo: "›",
  pound: "£",
  euro: "€",
  yen: "¥",
  cent: "¢",
  copy: "©",
  reg: "®",
  trade: "™",
  deg: "°",
  times: "×",
  middot: "·",
  bull: "•",
  shy: "",
  zwj: "",
  zwnj: "",
  prime: "′",
  Prime: "″",
  eacute: "é",
  egrave: "è",
  ecirc: "ê",
  euml: "ë",
  aacute: "á",
  agrave: "à",
  acirc: "â",
  auml: "ä",
  atilde: "ã",
  aring: "å",
  oacute: "ó",
  ograve: "ò",
  ocirc: "ô",
  ouml: "ö",
  otilde: "õ",
  oslash: "ø",
  uacute: "ú",
  ugrave: "ù",
  ucirc: "û",
  uuml: "ü",
  iacute: "í",
  igrave: "ì",
  icirc: "î",
  iuml: "ï",
  ntilde: "ñ",
  ccedil: "ç",
  szlig: "ß",
  Eacute: "É",
  Aacute: "Á",
  Oacute: "Ó",
  Uacute: "Ú",
  Ntilde: "Ñ",
  Ccedil: "Ç",
  Ouml: "Ö",
  Uuml: "Ü",
  Auml: "Ä",
  scaron: "š",
  Scaron: "Š",
  zcaron: "ž",
  Zcaron: "Ž",
  ccaron: "č",
  Ccaron: "Č",
};

const BLOCK_TAGS = new Set([
  "p",
  "div",
  "br",
  "li",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "tr",
  "table",
  "section",
  "article",
  "header",
  "footer",
  "figure",
  "hr",
  "dd",
  "dt",
  "dl",
  "pre",
  "aside",
  "main",
]);

const SPECIAL_CHARS = /[<&\r\u00a0\u2028\u2029\u200b-\u200d\ufeff\u00ad]/g;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/y;
const SKIPPED_ELEMENT = /<(script|style|figcaption|noscript|iframe)\b[^>]*>[\s\S]*?<\/\1\s*>/iy;
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/y;
const TAG_FRAGMENT = /<\/?(p|div|span|br|a|b|i|em|strong|li|ul|ol|h[1-6]|blockquote|figure|section|article|header|footer|table|tr|td)(?![a-zA-Z0-9>])/iy;
const ENTITY = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/y;

function decodeEntity(body: string): string | null {
  if (body.startsWith("#x") || body.startsWith("#X")) return safeCodePoint(parseInt(body.slice(2), 16));
  if (body.startsWith("#")) return safeCodePoint(parseInt(body.slice(1), 10));
  return ENTITIES[body] ?? null;
}

function safeCodePoint(code: number): string | null {
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return null;
  if (code === 0xa0) return " ";
  return String.fromCodePoint(code);
}

function stickyMatch(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Removes markup and invisible characters, keeping a map to the original offsets. */
function decodeMarkup(original: string): Mapped {
  const out = new MappedBuilder(original.length);
  const source: Mapped = { text: original, starts: null, ends: null };
  let last = 0;
  SPECIAL_CHARS.lastIndex = 0;
  for (let m = SPECIAL_CHARS.exec(original); m; m = SPECIAL_CHARS.exec(original)) {
    const at = m.index;
    if (at < last) continue;
    out.copy(source, last, at);
    const ch = original[at] as string;
    let next = at + 1;
    if (ch === "<") {
      const skipped = stickyMatch(COMMENT, original, at) ?? stickyMatch(SKIPPED_ELEMENT, original, at);
      const tag = skipped ? null : (stickyMatch(TAG, original, at) ?? stickyMatch(TAG_FRAGMENT, original, at));
      if (skipped) {
        next = at + skipped[0].length;
      } else if (tag) {
        next = at + tag[0].length;
        if (BLOCK_TAGS.has((tag[1] ?? "").toLowerCase())) out.emit("\n", at, next);
      } else {
        out.emit("<", at, next);
      }
    } else if (ch === "&") {
      const entity = stickyMatch(ENTITY, original, at);
      const decoded = entity ? decodeEntity(entity[1] as string) : null;
      if (entity && decoded !== null) {
        next = at + entity[0].length;
        out.emit(decoded, at, next);
      } else {
        out.emit("&", at, next);
      }
    } else if (ch === "\r") {
      if (original[at + 1] === "\n") next = at + 2;
      out.emit("\n", at, next);
    } else if (ch === "\u00a0") {
      out.emit(" ", at, next);
    } else if (ch === "\u2028" || ch === "\u2029") {
      out.emit("\n", at, next);
    }
    last = next;
    SPECIAL_CHARS.lastIndex = next;
  }
  out.copy(source, last, original.length);
  return out.build();
}

type Line = { from: number; to: number; text: string; keep: boolean };

const DATE_HEADER = /^date\s*:?\s*(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*/iu;
const PUBLISHED_LINE = /^(published|posted|first published|updated|last updated|last modified|modified|date)(?:\s+on)?\s*:?\s*(.{4,60})$/iu;
const BYLINE_LINE = /^(?:(?:written|words|reported|story)\s+)?by\s*:?\s+(.{2,160})$/iu;
const BYLINE_ROLE = /\b(?:correspondent|editor|reporter|writer|staff|bureau|chief|producer|analyst|columnist|contributor|desk)\b/iu;
const TITLE_TAIL = /^(.{12,}?)\s+(?:\||-|–|—)\s+([^|–—-]{2,60})$/u;
const PERSON_NAME = /^(?:\p{Lu}[\p{L}'’.-]*\.?|de|van|von|da|bin|al|le|la|del|der)(?:\s+(?:\p{Lu}[\p{L}'’.-]*\.?|de|van|von|da|bin|al|le|la|del|der)){1,3}$/u;
const DATELINE =
  /^(\p{Lu}[\p{Lu}'’.-]+(?:\s+\p{Lu}[\p{Lu}'’.-]+)*(?:,\s*\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)*)?)(?:,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?\s*(?:\(([^()]{2,40})\))?\s*(?:—|–|--|-)\s*(?=\S)/u;
const BARE_CREDIT = /^\(([^()]{2,40})\)\s*(?:—|–|--|-)\s*(?=\S)/u;
const MONTH_DAY = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?`;
const PLACE_DATE_CREDIT = new RegExp(
  String.raw`^(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)*(?:\s*\[[^\]]{2,40}\])?(?:,\s*\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)*)*),?\s+(${MONTH_DAY})\s*\(([^()]{2,40})\)\s*(?:—|–|--|-|:)\s*(?=\S)`,
  "u",
);
const WEEKDAY = String.raw`(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?`;
const CLOCK = String.raw`\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*[A-Z]{2,5}(?:[+-]\d{1,2})?)?`;
const DATE_ONLY_LINE = new RegExp(
  String.raw`^(?:${WEEKDAY}\s+)?(?:\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})(?:\s*(?:[,|•·]|at|-|–)?\s*${CLOCK})?\.?$`,
  "iu",
);
const BIO_START =
  /^([A-Z][\p{L}'’.-]+(?:\s+(?:[A-Z][\p{L}'’.-]+|de|van|von|da|bin|al)){1,3})\s+(?:covers|reports|writes|is|was|has been|contributed|edits|hosts|anchors|joined)\b/u;
const BIO_JOB =
  /\b(?:covers|reporter|correspondent|editor|writer|producer|columnist|journalist|contributor|reporting|intern|fellow|host|anchor|bureau chief|based in)\b/iu;
const FOR_OUTLET = /\bfor\s+((?:[Tt]he\s+)?[A-Z][\p{L}\p{N}&'’.-]*(?:\s+(?:(?:of|&|and)\s+)?[A-Z][\p{L}\p{N}&'’.-]*)*)/u;
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=[A-Z])/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Words (runs of letters and digits, as `[\p{L}\p{N}]+` finds them) in a text, counted up to
 * `limit` (a longer text counts as `limit`). ASCII is classified by code, other characters by
 * `WORD_CHAR`.
 */
function wordCount(text: string, limit = Infinity): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length && n < limit;) {
    const code = text.codePointAt(i) as number;
    const word = code < 0x80 ? (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) : WORD_CHAR.test(String.fromCodePoint(code));
    if (word && !inWord) n++;
    inWord = word;
    i += code > 0xffff ? 2 : 1;
  }
  return n;
}

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 10 ||
    code === 11 ||
    code === 12 ||
    code === 13 ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f
  );
}

/** Reads an explicit date ("2026-01-03", "March 4, 2026", "4 March 2026") as YYYY-MM-DD. */
export function parseDate(text: string): string | null {
  const iso = /\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b/u.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const mdy = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/u.exec(text);
  if (mdy) {
    const month = MONTHS.get((mdy[1] as string).toLowerCase());
    if (month) return isoDate(Number(mdy[3]), month, Number(mdy[2]));
  }
  const dmy = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/u.exec(text);
  if (dmy) {
    const month = MONTHS.get((dmy[2] as string).toLowerCase());
    if (month) return isoDate(Number(dmy[3]), month, Number(dmy[1]));
  }
  return null;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const OUTLET_NAME =
  /^(?:[Tt]he\s+)?(?:[A-Z][\p{L}&'’.-]*\s+){0,3}(?:News|Times|Post|Journal|Herald|Tribune|Gazette|Telegraph|Guardian|Press|Agency|Radio|TV|Television|Broadcasting|Daily|Express|Mail|Chronicle|Observer|Review|Magazine|Network|Media|Today|Wire|Courier|Independent|Standard|Record|Ledger|Bulletin|Dispatch|Inquirer|Sentinel|Examiner)$/u;

/** The outlet a byline names after its people ("By Ana Ruiz, CNN", "By Ana Ruiz | Reuters", "By Ana Ruiz for AFP"). */
function bylineOutlet(list: string): string | null {
  const items = list.split(/\s*(?:,|;|\||\band\b|&|\bfor\b)\s*/u).map((item) => item.trim().replace(/[.]$/u, ""));
  for (let i = items.length - 1; i > 0; i--) {
    const item = items[i] as string;
    const known = KNOWN_OUTLETS.get(item.toLowerCase());
    if (known) return known;
    if (/^[A-Z]{2,6}$/u.test(item) || OUTLET_NAME.test(item)) return tidyOutlet(item);
  }
  return null;
}

/** An outlet's name alone on a line ("Reuters", "Source: Sky News"). */
function outletLine(text: string): string | null {
  return (
    KNOWN_OUTLETS.get(
      text
        .replace(/^(?:(?:source|via)\s*:|—|–|-)\s*/iu, "")
        .replace(/[.:]$/u, "")
        .trim()
        .toLowerCase(),
    ) ?? null
  );
}

function splitNames(list: string): string[] {
  return list
    .split(/\s*(?:,|;|\||\band\b|\bfor\b|&)\s*/u)
    .map((s) => s.trim())
    .filter((s) => PERSON_NAME.test(s) && !BYLINE_ROLE.test(s));
}

function outletFromBio(line: string): string | null {
  for (const sentence of line.split(SENTENCE_BREAK)) {
    if (PAST_EMPLOYER.test(sentence)) continue;
    const m = FOR_OUTLET.exec(sentence);
    if (m) return tidyOutlet(m[1] as string);
  }
  return null;
}

function tidyOutlet(name: string): string {
  const trimmed = name.replace(/[.,;:]+$/u, "").replace(/^the\s+/u, "");
  return WIRE_NAMES.get(trimmed) ?? trimmed;
}

function isHeadline(text: string): boolean {
  const words = wordCount(text);
  if (words < 3 || words > 20 || text.length > 160) return false;
  if (/[.;,:…]["”’»)]?$/u.test(text)) return false;
  if (/[.!?]["”’»]?\s+[A-Z]/u.test(text)) return false;
  return !/^\p{Ll}/u.test(text);
}

function copyrightOutlet(text: string): string | null {
  if (!/^(?:©|\(c\)|copyright)/iu.test(text)) return null;
  const m = COPYRIGHT_LINE.exec(text);
  return m ? tidyOutlet((m[1] as string).trim()) : null;
}

function isJunkLine(text: string): boolean {
  const words = wordCount(text, 41);
  if (CAPTION_LINE.test(text) || CREDIT_ONLY_LINE.test(text) || URL_LINE.test(text)) return true;
  if (words <= 25 && PROMPT_LINE.test(text)) return true;
  if (words <= 30 && NEWSLETTER_LINE.test(text)) return true;
  return words <= 40 && TRAILING_CREDIT.test(text) && !/["“”«»]/u.test(text);
}

/**
 * Strips markup, entities, captions, credits, prompts, bylines, datelines and trailing author bios,
 * and reads the article's metadata from them. Never invents metadata: outlet, title, published date
 * and byline are null unless the text states them (a bio's "for OUTLET" in the present tense, a wire
 * credit in the dateline — "SANDHAVEN (AP) —", "(CNN) —", "Sandhaven [Valdoria], March 4 (ANI):" — an outlet
 * named after a byline's people or alone on a line, a copyright line; a headline-like first line; a
 * "date"/"Published" header, a date alone on a line or a dated dateline).
 * Paragraphs of the cleaned text are its lines, separated by one "\n".
 */
export function cleanText(original: string): CleanedText {
  const decoded = decodeMarkup(original);
  const d = decoded.text;
  const lines: Line[] = [];
  let lineStart = 0;
  for (let i = 0; i <= d.length; i++) {
    if (i === d.length || d[i] === "\n") {
      let from = lineStart;
      let to = i;
      while (from < to && isSpace(d.charCodeAt(from))) from++;
      while (to > from && isSpace(d.charCodeAt(to - 1))) to--;
      lines.push({ from, to, text: d.slice(from, to), keep: from < to });
      lineStart = i + 1;
    }
  }

  const meta: ArticleMeta = { outlet: null, title: null, published: null, byline: null, dateline: null };
  let creditOutlet: string | null = null;
  let copyright: string | null = null;
  const bioNames: string[] = [];
  let bioOutlet: string | null = null;
  let creditNames: string[] = [];
  let namedOutlet: string | null = null;
  let bodyLines = 0;
  const takeOutletLine = (line: Line): boolean => {
    const outlet = outletLine(line.text);
    if (outlet) {
      namedOutlet ??= outlet;
      line.keep = false;
    }
    return outlet !== null;
  };

  for (const line of lines) {
    if (!line.keep) continue;
    if (bodyLines === 0) {
      const header = DATE_HEADER.exec(line.text);
      if (header) {
        meta.published ??= parseDate(header[1] as string);
        line.from += header[0].length;
        line.text = d.slice(line.from, line.to);
        if (!line.text) {
          line.keep = false;
          continue;
        }
      }
    }
    if (bodyLines <= 3) {
      const published = PUBLISHED_LINE.exec(line.text);
      if (published && wordCount(line.text) <= 12) {
        const date = parseDate(published[2] as string);
        if (date) {
          if (!/updated|modified/iu.test(published[1] as string)) meta.published ??= date;
          line.keep = false;
          continue;
        }
      }
      if (DATE_ONLY_LINE.test(line.text)) {
        meta.published ??= parseDate(line.text);
        line.keep = false;
        continue;
      }
      if (takeOutletLine(line)) continue;
    }
    if (bodyLines <= 2) {
      const byline = BYLINE_LINE.exec(line.text);
      if (byline) {
        const names = splitNames(byline[1] as string);
        if (names.length) {
          meta.byline ??= names.join(", ");
          namedOutlet ??= bylineOutlet(byline[1] as string);
          line.keep = false;
          continue;
        }
      }
    }
    copyright ??= copyrightOutlet(line.text);
    if (isJunkLine(line.text)) {
      line.keep = false;
      continue;
    }
    bodyLines++;
  }

  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as Line;
    if (!line.keep) continue;
    const bio = BIO_START.exec(line.text);
    if (bio && BIO_JOB.test(line.text)) {
      bioNames.unshift(bio[1] as string);
      bioOutlet = outletFromBio(line.text) ?? bioOutlet;
      line.keep = false;
      continue;
    }
    if (takeOutletLine(line)) continue;
    if (CREDITS_LINE.test(line.text)) {
      const reporting = /^(?:additional reporting by|reporting by|writing by|with reporting from)\s+([^;|]+)/iu.exec(line.text);
      if (reporting) creditNames = splitNames((reporting[1] as string).replace(/\s+in\s+[A-Z][\p{L}]+.*$/u, ""));
      line.keep = false;
      continue;
    }
    break;
  }

  let checked = 0;
  let titleChecked = false;
  for (const line of lines) {
    if (!line.keep || checked >= 3) continue;
    checked++;
    const credit = BARE_CREDIT.exec(line.text) ?? PLACE_DATE_CREDIT.exec(line.text);
    if (credit) {
      const bare = credit.length === 2;
      if (!bare) {
        meta.dateline = (credit[1] as string).trim();
        meta.published ??= parseDate(credit[2] as string);
      }
      creditOutlet = tidyOutlet((credit[bare ? 1 : 3] as string).trim());
      line.from += credit[0].length;
      line.text = d.slice(line.from, line.to);
      titleChecked = true;
      break;
    }
    const dateline = DATELINE.exec(line.text);
    if (dateline) {
      meta.dateline = (dateline[1] as string).trim();
      if (dateline[2]) creditOutlet = tidyOutlet((dateline[2] as string).trim());
      line.from += dateline[0].length;
      line.text = d.slice(line.from, line.to);
      titleChecked = true;
      break;
    }
    if (!titleChecked) {
      titleChecked = true;
      if (bodyLines >= 2 && isHeadline(line.text)) {
        // a page title keeps its site's name: "Port strike ends | Harbour Courier"
        const tail = TITLE_TAIL.exec(line.text);
        const site = tail
          ? (KNOWN_OUTLETS.get((tail[2] as string).trim().toLowerCase()) ??
            (OUTLET_NAME.test((tail[2] as string).trim()) ? tidyOutlet((tail[2] as string).trim()) : null))
          : null;
        meta.title = site ? (tail?.[1] as string) : line.text;
        if (site) namedOutlet ??= site;
      }
    }
  }

  meta.outlet = bioOutlet ?? creditOutlet ?? namedOutlet ?? copyright;
  if (!meta.byline) {
    const names = bioNames.length ? bioNames : creditNames;
    if (names.length) meta.byline = names.join(", ");
  }

  const out = new MappedBuilder(d.length);
  let previousEnd = -1;
  for (const line of lines) {
    if (!line.keep || line.from >= line.to) continue;
    if (previousEnd >= 0) out.emit("\n", previousEnd, previousEnd);
    out.copy(decoded, line.from, line.to);
    previousEnd = decoded.ends ? (decoded.ends[line.to - 1] as number) : line.to;
  }
  const built = out.build();
  return { ...built, meta };
}

/** Maps a [start, end) range of the cleaned text to the original text. */
export function toOriginalSpan(cleaned: CleanedText, start: number, end: number): [number, number] {
  const n = cleaned.text.length;
  if (end > start && start < n) {
    return [cleaned.starts[start] as number, cleaned.ends[Math.min(end, n) - 1] as number];
  }
  const at = start < n ? (cleaned.starts[start] as number) : n > 0 ? (cleaned.ends[n - 1] as number) : 0;
  return [at, at];
}
