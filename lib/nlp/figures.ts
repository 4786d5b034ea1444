import type { Figure } from "./types";
import { tokenIndexAt, type Sentence, type Tokens } from "./sentences";
import type { VerbHit } from "./reported";
import { CURRENCIES, MONTHS, NUMBER_WORDS, SCALES, TIME_UNITS } from "./lexicon/numbers";
import { NON_NAME_WORDS } from "./lexicon/roles";

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const WORDNUM = String.raw`(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|hundred|a dozen|dozen`;
const UNIT = String.raw`seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?`;
const SCALE = String.raw`thousand|million|billion|trillion`;

const DIGIT_FIGURE = new RegExp(
  [
    String.raw`(?<cur>US\$|\$|€|£|¥|₴|₽)\s?(?<mnum>${NUM})(?:\s?(?<mscale>${SCALE}|bn|mn|tn|m|k|b)(?![\p{L}]))?`,
    String.raw`(?<wnum>${NUM})\s?(?<wscale>${SCALE})?\s(?<curw>dollars|euros|pounds|rubles|roubles|hryvnias|yuan|yen)(?![\p{L}])`,
    String.raw`(?<pnum>${NUM})\s?(?:%|per\s?cent(?![\p{L}])|percent(?![\p{L}])|pct(?![\p{L}]))`,
    String.raw`(?<dnum>${NUM})(?<dsep>-|\s)(?<dunit>${UNIT})(?![\p{L}])(?:\s+and\s+(?<d2num>${NUM}|${WORDNUM})\s+(?<d2unit>${UNIT})(?![\p{L}]))?`,
    String.raw`(?<cnum>${NUM})(?:\s(?<cscale>${SCALE})(?![\p{L}]))?`,
  ].join("|"),
  "giu",
);

const WORD_FIGURE = new RegExp(
  String.raw`(?<![\p{L}])(?:` +
    [
      String.raw`(?<pnum>${WORDNUM})\s?(?:per\s?cent|percent)(?![\p{L}])`,
      String.raw`(?<dnum>${WORDNUM})(?<dsep>-|\s)(?<dunit>${UNIT})(?![\p{L}])(?:\s+and\s+(?<d2num>${NUM}|${WORDNUM})\s+(?<d2unit>${UNIT})(?![\p{L}]))?`,
      String.raw`(?<cwnum>${WORDNUM})\s(?<cwscale>${SCALE})(?![\p{L}])`,
    ].join("|") +
    ")",
  "giu",
);

function allMatches(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (const re of [DIGIT_FIGURE, WORD_FIGURE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push(m);
  }
  out.sort((a, b) => a.index - b.index);
  return out.filter((m, i) => {
    const prev = out[i - 1];
    return !prev || prev.index + prev[0].length <= m.index;
  });
}

const WORD_BOUNDARY_BEFORE = /[\p{L}\p{N}]/u;
const LABEL_BEFORE = /(?:^|[^\p{L}])(\p{Lu}[\p{L}.]*)\s+$/u;
const QUANTITY_CUE = /(?:^|\s)(?:to|at|about|around|nearly|almost|roughly|some|approximately|than|over|under|least|of|by|from|just|only|reached|hit|totalled|totaled)\s+$/iu;
const AGE_AROUND = /,\s*$/u;
const SHELL_HEADS = new Set(["increase", "rise", "cut", "fall", "drop", "jump", "hike", "decline", "reduction", "surge", "gain", "loss"]);
const ABOUT_PREPOSITIONS = new Set(["on", "of", "in", "under", "with", "for", "between", "over"]);
const NP_POS = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"]);

function parseNumber(raw: string): number {
  const lower = raw.toLowerCase();
  const word = NUMBER_WORDS.get(lower);
  if (word !== undefined) return word;
  const compound = /^(\w+)-(\w+)$/u.exec(lower);
  if (compound) return (NUMBER_WORDS.get(compound[1] as string) ?? 0) + (NUMBER_WORDS.get(compound[2] as string) ?? 0);
  return Number(raw.replace(/,/gu, ""));
}

function scaleOf(raw: string | undefined): number {
  return raw ? (SCALES.get(raw.toLowerCase()) ?? 1) : 1;
}

function isDateNeighbour(text: string, start: number, end: number): boolean {
  const before = /([\p{L}]+)\.?\s+$/u.exec(text.slice(Math.max(0, start - 12), start));
  if (before && MONTHS.has((before[1] as string).toLowerCase())) return true;
  const after = /^\s+([\p{L}]+)/u.exec(text.slice(end, end + 12));
  return !!after && MONTHS.has((after[1] as string).toLowerCase());
}

type Raw = Omit<Figure, "about">;

function classify(text: string, m: RegExpExecArray): Raw | null {
  const g = m.groups ?? {};
  const start = m.index;
  const end = start + m[0].length;
  const raw = m[0];
  const prevChar = text[start - 1] ?? " ";
  const nextText = text.slice(end, end + 6);
  if (g.cur) {
    return { value: parseNumber(g.mnum as string) * scaleOf(g.mscale), unit: CURRENCIES.get(g.cur.toLowerCase()) ?? g.cur, raw, kind: "money", start, end };
  }
  if (g.curw) {
    return { value: parseNumber(g.wnum as string) * scaleOf(g.wscale), unit: CURRENCIES.get(g.curw.toLowerCase()) ?? g.curw, raw, kind: "money", start, end };
  }
  if (WORD_BOUNDARY_BEFORE.test(prevChar) || (prevChar === "-" && /[\p{L}]/u.test(text[start - 2] ?? ""))) return null;
  if (g.pnum) return { value: parseNumber(g.pnum), unit: "%", raw, kind: "percent", start, end };
  if (g.dunit) {
    if (/^-?(?:old|ago)\b|^\s+(?:old|ago)\b/u.test(text.slice(end, end + 5)) || /^-(?:old|long)/u.test(nextText)) return null;
    const first = TIME_UNITS.get((g.dunit as string).toLowerCase());
    if (!first) return null;
    let value = parseNumber(g.dnum as string);
    let unit = first.unit;
    if (g.d2unit) {
      const second = TIME_UNITS.get((g.d2unit as string).toLowerCase());
      if (second) {
        value = value * (first.minutes / second.minutes) + parseNumber(g.d2num as string);
        unit = second.unit;
      }
    }
    return { value, unit, raw, kind: "duration", start, end };
  }
  if (g.cwnum) return { value: parseNumber(g.cwnum) * scaleOf(g.cwscale), unit: "", raw, kind: "count", start, end };
  if (!g.cnum) return null;
  const digits = g.cnum as string;
  if (/^-\d|^-\p{L}|^[\p{L}]|^:\d|^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|BST|ET\b)/u.test(nextText)) return null;
  if (!g.cscale && /^(?:1[89]|2[01])\d\d$/u.test(digits)) return null;
  if (isDateNeighbour(text, start, end)) return null;
  const before = text.slice(Math.max(0, start - 30), start);
  const label = LABEL_BEFORE.exec(before);
  if (label && !NON_NAME_WORDS.has((label[1] as string).toLowerCase()) && !/[.!?]\s+\S+\s+$/u.test(before)) return null;
  if (AGE_AROUND.test(before) && /^,/u.test(nextText) && /\p{Lu}[\p{L}]+,\s*$/u.test(before)) return null;
  return { value: parseNumber(digits) * scaleOf(g.cscale), unit: "", raw, kind: "count", start, end };
}

function nounPhrase(tokens: Tokens, from: number, to: number, withPreposition: boolean): { start: number; end: number } | null {
  let i = from;
  while (i < to && !NP_POS.has(tokens.pos[i] as string) && !/^[“"«‘]$/u.test(tokens.values[i] as string)) i++;
  while (i < to && /^[“"«‘”»’]$/u.test(tokens.values[i] as string)) i++;
  if (i >= to) return null;
  let j = i;
  let lastNoun = -1;
  while (j < to) {
    const pos = tokens.pos[j] as string;
    const value = tokens.values[j] as string;
    if (NP_POS.has(pos) || (value === "-" && (tokens.starts[j] as number) === (tokens.ends[j - 1] as number))) {
      if (pos === "NOUN" || pos === "PROPN") lastNoun = j;
      if (pos === "DET" && j > i) break;
      j++;
      continue;
    }
    break;
  }
  if (lastNoun < 0) return null;
  let end = tokens.ends[lastNoun] as number;
  const next = lastNoun + 1;
  if (withPreposition && next < to && ABOUT_PREPOSITIONS.has((tokens.values[next] as string).toLowerCase())) {
    const tail = nounPhrase(tokens, next + 1, to, false);
    if (tail) end = tail.end;
  }
  return { start: tokens.starts[i] as number, end };
}

function clean(text: string): string {
  return text.replace(/^[“"«‘\s]+|[”"»’\s,.:;]+$/gu, "").replace(/\s+/gu, " ");
}

function findAbout(text: string, sentence: Sentence, tokens: Tokens, figure: Raw, verbStarts: ReadonlySet<number>): string | null {
  const first = tokenIndexAt(tokens, figure.start);
  const last = tokenIndexAt(tokens, figure.end - 1);
  const after = last + 1;
  const nextWord = (k: number): string => ((tokens.values[k] as string | undefined) ?? "").toLowerCase();
  let k = after;
  while (k < sentence.tokenEnd && /^[”"»’]$/u.test(tokens.values[k] as string)) k++;
  if (["agreement", "aligned", "agreed", "consensus"].includes(nextWord(k)) && nextWord(k + 1) === "on") {
    const np = nounPhrase(tokens, k + 2, sentence.tokenEnd, false);
    if (np) return clean(text.slice(np.start, np.end));
  }
  if (nextWord(k) === "of" && figure.kind === "percent") {
    const np = nounPhrase(tokens, k + 1, sentence.tokenEnd, false);
    if (np) return clean(text.slice(np.start, np.end));
  }
  if ((figure.kind === "percent" || figure.kind === "money") && (tokens.pos[k] === "NOUN" || tokens.pos[k] === "ADJ")) {
    const np = nounPhrase(tokens, k, sentence.tokenEnd, false);
    if (np) {
      const head = text.slice(np.start, np.end).split(/\s+/u).pop()?.toLowerCase() ?? "";
      const np2End = tokenIndexAt(tokens, np.end);
      if (SHELL_HEADS.has(head) && ["in", "of"].includes(nextWord(np2End))) {
        const inner = nounPhrase(tokens, np2End + 1, sentence.tokenEnd, false);
        if (inner) return clean(text.slice(inner.start, inner.end));
      }
      return clean(text.slice(np.start, np.end));
    }
  }
  let b = first - 1;
  while (b >= sentence.tokenStart && /^(?:about|around|nearly|almost|roughly|close|to|up|some|more|than|less|over|under|at|least|just|only|approximately|[“"«‘]|of)$/iu.test(tokens.values[b] as string)) {
    if ((tokens.values[b] as string).toLowerCase() === "of" && b > sentence.tokenStart) {
      let e = b - 1;
      while (e >= sentence.tokenStart && /^[”"»’]$/u.test(tokens.values[e] as string)) e--;
      let s = e;
      while (s > sentence.tokenStart && NP_POS.has(tokens.pos[s - 1] as string) && tokens.pos[s - 1] !== "DET") s--;
      if (e >= s && (tokens.pos[e] === "NOUN" || tokens.pos[e] === "PROPN")) return clean(text.slice(tokens.starts[s] as number, tokens.ends[e] as number));
    }
    b--;
  }
  if (b >= sentence.tokenStart && (tokens.values[b] as string) === ":") {
    let s = b - 1;
    while (s > sentence.tokenStart && (NP_POS.has(tokens.pos[s - 1] as string) || tokens.values[s - 1] === "-")) s--;
    if (s < b) return clean(text.slice(tokens.starts[s] as number, tokens.ends[b - 1] as number));
  }
  if (b >= sentence.tokenStart && (tokens.values[b] as string).toLowerCase() === "by") {
    const e = b - 1;
    let s = e;
    while (s > sentence.tokenStart && NP_POS.has(tokens.pos[s - 1] as string)) s--;
    if (e >= s && (tokens.pos[e] === "NOUN" || tokens.pos[e] === "PROPN")) return clean(text.slice(tokens.starts[s] as number, tokens.ends[e] as number));
  }
  let clauseStart = sentence.tokenStart;
  for (let t = first - 1; t >= sentence.tokenStart; t--) {
    const v = (tokens.values[t] as string).toLowerCase();
    if (v === "that" || v === ";" || v === ":" || v === "—" || v === "–") {
      clauseStart = t + 1;
      break;
    }
    if (verbStarts.has(tokens.starts[t] as number)) {
      clauseStart = t + 1;
      break;
    }
    if (v === "," && nounPhrase(tokens, t + 1, first, true)) {
      clauseStart = t + 1;
      break;
    }
  }
  const np = nounPhrase(tokens, clauseStart, first, true);
  return np ? clean(text.slice(np.start, np.end)) : null;
}

/**
 * Finds measured figures: percentages ("90%", "95 per cent"), money ("$4.5 million", "£3.2m"),
 * durations ("one hour and 15 minutes" = 75 minutes, "60-day") and counts with digits ("240,000
 * vehicles", "around 20 points"). Dates, times, years, ages, scores ("5-2"), ordinals and labels
 * ("20-point plan", "Article 5", "under-18s") are not figures. `about` is what the figure measures:
 * the noun phrase it qualifies or the subject of its clause; null when unclear.
 */
export function findFigures(text: string, sentences: readonly Sentence[], tokens: Tokens, verbs: readonly VerbHit[]): Figure[] {
  const out: Figure[] = [];
  const verbStarts = new Set(verbs.filter((v) => v.isReported || v.isTag).map((v) => v.start));
  let s = 0;
  for (const m of allMatches(text)) {
    const raw = classify(text, m);
    if (!raw) continue;
    if (raw.kind === "count") {
      const unit = countUnit(text, tokens, raw.end);
      if (!unit && !QUANTITY_CUE.test(text.slice(Math.max(0, raw.start - 20), raw.start)) && raw.value < 1e6) continue;
      if (/^-/u.test(text.slice(raw.end, raw.end + 1))) continue;
      raw.unit = unit ?? "";
      if (unit) {
        raw.end = raw.end + text.slice(raw.end).indexOf(unit) + unit.length;
        raw.raw = text.slice(raw.start, raw.end);
      }
    }
    while (s < sentences.length - 1 && (sentences[s] as Sentence).end <= raw.start) s++;
    const sentence = sentences[s];
    out.push({ ...raw, about: sentence ? findAbout(text, sentence, tokens, raw, verbStarts) : null });
  }
  return out;
}

function countUnit(text: string, tokens: Tokens, end: number): string | null {
  let t = tokenIndexAt(tokens, end);
  if ((tokens.starts[t] as number) < end) t++;
  const from = t;
  let lastNoun = -1;
  for (; t < tokens.count && t < from + 3; t++) {
    const pos = tokens.pos[t] as string;
    if (pos === "NOUN" || pos === "PROPN") lastNoun = t;
    else if (pos !== "ADJ") break;
    if (pos === "NOUN" && !/^(?:NOUN|ADJ)$/u.test(tokens.pos[t + 1] as string)) break;
  }
  if (lastNoun < 0) return null;
  const start = tokens.starts[from] as number;
  if (start - end > 1) return null;
  return text.slice(start, tokens.ends[lastNoun] as number);
}
