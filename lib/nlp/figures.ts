import type { Figure } from "./types";
import { tokenIndexAt, type Sentence, type Tokens } from "./sentences";
import type { VerbHit } from "./reported";
import { CURRENCIES, FIGURATIVE_UNITS, LABEL_HEADS, MAGNITUDES, MONTHS, NUMBER_WORDS, SCALES, TIME_UNITS } from "./lexicon/numbers";
import { NON_NAME_WORDS } from "./lexicon/roles";
import { ALL_SPEECH_VERBS } from "./lexicon/speech-verbs";

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const WORDNUM = String.raw`(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|hundred|a dozen|dozen`;
const UNIT = String.raw`seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?`;
const SCALE = String.raw`thousand|million|billion|trillion`;

const DIGIT_FIGURE = new RegExp(
  [
    String.raw`(?<cur>US\$|\$|€|£|¥|₴|₽|₹|(?<![\p{L}])(?:Rs\.?|USD|EUR|GBP|INR)(?=\s?\d))\s?(?<mnum>${NUM})(?:\s?(?<mscale>${SCALE}|crores?|lakhs?|bn|mn|tn|m|k|b)(?![\p{L}]))?`,
    String.raw`(?<wnum>${NUM})\s?(?<wscale>${SCALE}|crores?|lakhs?)?\s(?<curw>dollars|euros|pounds|rubles|roubles|hryvnias|yuan|yen|rupees|USD|EUR|GBP)(?![\p{L}])`,
    String.raw`(?<pnum>${NUM})\s?(?:%|per\s?cent(?![\p{L}])|percent(?![\p{L}])|pct(?![\p{L}]))`,
    String.raw`(?<dnum>${NUM})(?<dsep>-|\s)(?<dunit>${UNIT})(?![\p{L}])(?:\s+(?:and\s+)?(?<d2num>${NUM}|${WORDNUM})\s+(?<d2unit>${UNIT})(?![\p{L}]))?`,
    String.raw`(?<unum>${NUM})\s?(?<uu>km|kg|mph|km/h|kph|MW|GW|kW|kWh|sq km|tonnes)(?![\p{L}])`,
    String.raw`(?<tnum>${NUM})(?<tu>\s?°\s?[CF]|[CF℃℉])(?![\p{L}\p{N}])`,
    String.raw`(?<cnum>${NUM})(?:(?:\s|(?=bn|mn|tn))(?<cscale>${SCALE}|crores?|lakhs?|bn|mn|tn)(?![\p{L}]))?`,
  ].join("|"),
  "giu",
);

const WORD_FIGURE = new RegExp(
  String.raw`(?<![\p{L}])(?:` +
    [
      String.raw`(?<pnum>${WORDNUM})\s?(?:per\s?cent|percent)(?![\p{L}])`,
      String.raw`(?<dnum>${WORDNUM})(?<dsep>-|\s)(?<dunit>${UNIT})(?![\p{L}])(?:\s+(?:and\s+)?(?<d2num>${NUM}|${WORDNUM})\s+(?<d2unit>${UNIT})(?![\p{L}]))?`,
      String.raw`(?<cwnum>${WORDNUM}|half an?|an?)\s(?<cwscale>${SCALE})(?![\p{L}])`,
    ].join("|") +
    ")",
  "iuy",
);

function allMatches(text: string, starts: readonly number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  DIGIT_FIGURE.lastIndex = 0;
  for (let m = DIGIT_FIGURE.exec(text); m; m = DIGIT_FIGURE.exec(text)) out.push(m);
  out.push(...scanAt(WORD_FIGURE, text, starts));
  out.sort((a, b) => a.index - b.index);
  return out.filter((m, i) => {
    const prev = out[i - 1];
    return !prev || prev.index + prev[0].length <= m.index;
  });
}

const WORD_BOUNDARY_BEFORE = /[\p{L}\p{N}]/u;
const LABEL_BEFORE = /(?:^|[^\p{L}])(\p{Lu}[\p{L}.]*)\s+$/u;
const QUANTITY_CUE =
  /(?:^|\s)(?:to|at|about|around|nearly|almost|roughly|some|approximately|than|over|under|least|of|by|from|just|only|reached|hit|totalled|totaled|record)\s+$/iu;
const AGE_AROUND = /,\s*$/u;
const DURATION_CUE =
  /(?:^|[^\p{L}])(?:for|in|within|than|about|only|just|over|after|last|past|next|single|nearly|almost|around|lasting|under|of|least|up to)\s+$/iu;
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
  if (/(?:1[89]|2[01])\d\d[-–/]$/u.test(text.slice(Math.max(0, start - 5), start))) return null; // "the 2022-23 season"
  if (g.pnum) return { value: parseNumber(g.pnum), unit: "%", raw, kind: "percent", start, end };
  if (g.uu) return { value: parseNumber(g.unum as string), unit: g.uu, raw, kind: "count", start, end };
  if (g.tu) {
    // "38C", "41 °C", "minus 5C": a temperature; a lower-case letter after a number is something else.
    const scale = /[F℉]/u.test(g.tu) ? "°F" : /[C℃]/u.test(g.tu) ? "°C" : null;
    if (!scale || LABEL_BEFORE.test(text.slice(Math.max(0, start - 30), start))) return null;
    const below = /(?:^|[^\p{L}])minus\s+$|(?:^|\s)[-−]$/iu.test(text.slice(Math.max(0, start - 7), start));
    return { value: (below ? -1 : 1) * parseNumber(g.tnum as string), unit: scale, raw, kind: "count", start, end };
  }
  if (g.dunit) {
    const first = TIME_UNITS.get((g.dunit as string).toLowerCase());
    if (!first) return null;
    if (/^[-\s]old\b/u.test(text.slice(end, end + 5))) {
      return first.unit === "years"
        ? { value: parseNumber(g.dnum as string), unit: "years", raw: text.slice(start, end + 4), kind: "age", start, end: end + 4 }
        : null;
    }
    if (/^-long/u.test(nextText)) return null;
    // "one" is a duration after a cue ("for one year") or before a time word ("One week after the alarm"); otherwise
    // it is too often "one day" of a story or a figure of speech ("a one-week miracle").
    if (
      parseNumber(g.dnum as string) === 1 &&
      !g.d2unit &&
      !DURATION_CUE.test(text.slice(Math.max(0, start - 16), start)) &&
      !/^\s+(?:after|later|before|earlier|into|since)\b/u.test(text.slice(end, end + 10))
    )
      return null;
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
  if (/(?:^|[^\p{L}])aged\s+$/iu.test(before) && /^\d{1,3}$/u.test(digits)) return { value: parseNumber(digits), unit: "years", raw, kind: "age", start, end };
  const label = LABEL_BEFORE.exec(before);
  if (label && !NON_NAME_WORDS.has((label[1] as string).toLowerCase()) && !/[.!?]\s+\S+\s+$/u.test(before)) return null;
  if (AGE_AROUND.test(before) && /^,/u.test(nextText) && /[\p{L}]{2,},\s*$/u.test(before) && /^\d{1,3}$/u.test(digits) && parseNumber(digits) < 120) {
    return { value: parseNumber(digits), unit: "years", raw, kind: "age", start, end };
  }
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

/** How many tokens either side of a figure {@link findAbout} looks at. */
const ABOUT_WINDOW = 80;

function findAbout(text: string, sentence: Sentence, tokens: Tokens, figure: Raw, verbStarts: ReadonlySet<number>): string | null {
  const first = tokenIndexAt(tokens, figure.start);
  const last = tokenIndexAt(tokens, figure.end - 1);
  const after = last + 1;
  // What a figure is about lies within a few dozen words of it; the window keeps a very long sentence linear.
  const floor = Math.max(sentence.tokenStart, first - ABOUT_WINDOW);
  const ceiling = Math.min(sentence.tokenEnd, last + 1 + ABOUT_WINDOW);
  const nextWord = (k: number): string => ((tokens.values[k] as string | undefined) ?? "").toLowerCase();
  let k = after;
  while (k < ceiling && /^[”"»’]$/u.test(tokens.values[k] as string)) k++;
  if (["agreement", "aligned", "agreed", "consensus"].includes(nextWord(k)) && nextWord(k + 1) === "on") {
    const np = nounPhrase(tokens, k + 2, ceiling, false);
    if (np) return clean(text.slice(np.start, np.end));
  }
  if (nextWord(k) === "of" && figure.kind === "percent") {
    const np = nounPhrase(tokens, k + 1, ceiling, false);
    if (np) return clean(text.slice(np.start, np.end));
  }
  if ((figure.kind === "percent" || figure.kind === "money") && (tokens.pos[k] === "NOUN" || tokens.pos[k] === "ADJ")) {
    const np = nounPhrase(tokens, k, ceiling, false);
    if (np) {
      const head = text.slice(np.start, np.end).split(/\s+/u).pop()?.toLowerCase() ?? "";
      const np2End = tokenIndexAt(tokens, np.end);
      if (SHELL_HEADS.has(head) && ["in", "of"].includes(nextWord(np2End))) {
        const inner = nounPhrase(tokens, np2End + 1, ceiling, false);
        if (inner) return clean(text.slice(inner.start, inner.end));
      }
      return clean(text.slice(np.start, np.end));
    }
  }
  let b = first - 1;
  while (
    b >= floor &&
    /^(?:about|around|nearly|almost|roughly|close|to|up|some|more|than|less|over|under|at|least|just|only|approximately|[“"«‘]|of)$/iu.test(
      tokens.values[b] as string,
    )
  ) {
    if ((tokens.values[b] as string).toLowerCase() === "of" && b > floor) {
      let e = b - 1;
      while (e >= floor && /^[”"»’]$/u.test(tokens.values[e] as string)) e--;
      let s = e;
      while (s > floor && NP_POS.has(tokens.pos[s - 1] as string) && tokens.pos[s - 1] !== "DET") s--;
      if (e >= s && (tokens.pos[e] === "NOUN" || tokens.pos[e] === "PROPN")) return clean(text.slice(tokens.starts[s] as number, tokens.ends[e] as number));
    }
    b--;
  }
  if (b >= floor && (tokens.values[b] as string) === ":") {
    let s = b - 1;
    while (s > floor && (NP_POS.has(tokens.pos[s - 1] as string) || tokens.values[s - 1] === "-")) s--;
    if (s < b) return clean(text.slice(tokens.starts[s] as number, tokens.ends[b - 1] as number));
  }
  if (b >= floor && (tokens.values[b] as string).toLowerCase() === "by") {
    const e = b - 1;
    let s = e;
    while (s > floor && NP_POS.has(tokens.pos[s - 1] as string)) s--;
    if (e >= s && (tokens.pos[e] === "NOUN" || tokens.pos[e] === "PROPN")) return clean(text.slice(tokens.starts[s] as number, tokens.ends[e] as number));
  }
  let clauseStart = floor;
  for (let t = first - 1; t >= floor; t--) {
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
 * Finds measured figures as newsrooms write them: percentages ("90%", "95 per cent"), money ("$4.5 million",
 * "£3.2m", "millions of euros"), durations ("one hour and 15 minutes" = 75 minutes, "60-day", "more than an
 * hour", "a three-and-a-half-hour meeting"), counts in digits or words ("240,000 vehicles", "three
 * inspectors", "an 82-run defeat"), vague magnitudes ("tens of thousands", read as their lower bound),
 * multiples ("twice as long" = 2 x), ranges ("one or two", "4.5 to 4.75 percent": `value` the low end,
 * `high` the high end), scores ("won 2-1"), ages ("Ambe, 52,", "a 29-year-old") and a unit left implicit
 * ("in three days and Porto in five"). Dates, times, years, ordinals, labels ("20-point plan", "Article 5",
 * "under-18s") and figures of speech ("a one-week miracle", "the two leaders") are not figures. `about` is
 * what the figure measures: the noun phrase it qualifies or the subject of its clause; null when unclear.
 */
export function findFigures(text: string, sentences: readonly Sentence[], tokens: Tokens, verbs: readonly VerbHit[]): Figure[] {
  const out: Figure[] = [];
  const verbStarts = new Set(verbs.filter((v) => v.isReported || v.isTag).map((v) => v.start));
  const found: Raw[] = [];
  const starts = candidateStarts(tokens);
  for (const m of allMatches(text, starts)) {
    const raw = classify(text, m);
    if (!raw) continue;
    if (raw.kind === "count" && !raw.unit) {
      // "87 of parliament's 175 seats", "12 of the 40 suspects": the part is counted in the whole's unit.
      const partOf = PART_OF.exec(text.slice(raw.end, raw.end + 40));
      // "Of 146 beds, 139 were in use", "So far 85 have opened": a count as a clause's subject, in the unit of the sentence's count before it.
      const subject =
        SUBJECT_COUNT_AFTER.test(text.slice(raw.end, raw.end + 12)) && CLAUSE_START_BEFORE.test(text.slice(Math.max(0, raw.start - 12), raw.start));
      const direct = countUnit(text, tokens, raw.end);
      const unit =
        direct ??
        (partOf ? countUnit(text, tokens, raw.end + partOf[0].length) : null) ??
        (subject
          ? (found.findLast((f) => f.kind === "count" && f.unit && f.end <= raw.start && !/[.!?]/u.test(text.slice(f.end, raw.start)))?.unit ?? null)
          : null);
      // A count with thousands separators is a figure on its own ("an attendance of 31,406", "holds 38,500").
      const grouped = /^\d{1,3}(?:,\d{3})+$/u.test(raw.raw);
      if (!unit && !subject && !grouped && !QUANTITY_CUE.test(text.slice(Math.max(0, raw.start - 20), raw.start)) && raw.value < 1e6) continue;
      if (!unit && /^\s+\p{Lu}\p{Ll}/u.test(text.slice(raw.end, raw.end + 3))) continue; // an address or a name: "at 10 Harbour Road"
      if (/^-/u.test(text.slice(raw.end, raw.end + 1))) continue;
      raw.unit = unit ?? "";
      if (direct) {
        raw.end = raw.end + text.slice(raw.end).indexOf(direct) + direct.length;
        raw.raw = text.slice(raw.start, raw.end);
      }
    }
    found.push(raw);
  }
  found.push(
    ...wordCounts(text, tokens, starts),
    ...compounds(text, starts),
    ...magnitudes(text, tokens, starts),
    ...multiples(text, starts),
    ...fractions(text, starts),
    ...shares(text, starts),
    ...scores(text, starts),
    ...decades(text, tokens, starts),
  );
  const joined = joinRanges(text, withoutOverlaps(found));
  let s = 0;
  for (const raw of withoutOverlaps([...joined, ...ellipticUnits(text, sentences, joined)])) {
    while (s < sentences.length - 1 && (sentences[s] as Sentence).end <= raw.start) s++;
    const sentence = sentences[s];
    out.push({ ...raw, about: sentence ? findAbout(text, sentence, tokens, raw, verbStarts) : null });
  }
  return out;
}

const NOT_UNIT_WORDS: ReadonlySet<string> = new Set([
  "north",
  "south",
  "east",
  "west",
  "northeast",
  "northwest",
  "southeast",
  "southwest",
  "today",
  "yesterday",
  "tomorrow",
  "tonight",
  "overnight",
  "apiece",
  "each",
]);

function countUnit(text: string, tokens: Tokens, end: number): string | null {
  let t = tokenIndexAt(tokens, end);
  if ((tokens.starts[t] as number) < end) t++;
  const from = t;
  let lastNoun = -1;
  for (; t < tokens.count && t < from + 3; t++) {
    const pos = tokens.pos[t] as string;
    // "80 hectares west of Skelda", "300 homes yesterday": a direction or a day ends the unit.
    if (t > from && NOT_UNIT_WORDS.has((tokens.values[t] as string).toLowerCase())) break;
    if (pos === "NOUN" || (pos === "PROPN" && isPlural(tokens.values[t] as string))) lastNoun = t;
    else if (pos !== "ADJ" && pos !== "PROPN") break;
    if (pos === "NOUN" && !/^(?:NOUN|ADJ)$/u.test(tokens.pos[t + 1] as string)) break;
  }
  if (lastNoun < 0) return null;
  const start = tokens.starts[from] as number;
  if (start - end > 1) return null;
  return text.slice(start, tokens.ends[lastNoun] as number);
}

// Figures written the way newsrooms write them: counts and amounts in words, vague magnitudes,
// compound adjectives ("82-run defeat"), multiples, fractions of units, scores, ranges and elliptic units.

const WORDS = String.raw`(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozen`;
const WORD_COUNT = new RegExp(String.raw`(?<![\p{L}\p{N}-])(?<n>${WORDS})(?![\p{L}\p{N}-])`, "iuy");
const COMPOUND = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,-])(?<cur>[$€£])?(?<n>${NUM}|${WORDS}|an?[- ]quarter|quarter|half)(?<half>-and-a-half)?(?:-(?<sc>thousand|million|billion|trillion))?-(?<u>\p{Ll}+)(?<old>-old)?(?![\p{L}\p{N}]|-\p{L})`,
  "uy",
);
const MAGNITUDE = /(?<![\p{L}])(?<m>tens|dozens|hundreds|thousands|millions|billions|trillions)(?:\s+of\s+(?<m2>thousands|millions|billions))?(?![\p{L}])/iuy;
const MULTIPLE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.])(?:(?<tw>twice|thrice)|(?<n>${NUM}|${WORDS})(?:\s+times|-fold|x))(?=\s+(?:as|more|less|the|larger|higher|bigger|greater|faster|longer|over|that|what|bigger)\b)|(?<![\p{L}\p{N}.])(?<f>${NUM}|${WORDS})-fold(?![\p{L}])`,
  "iuy",
);
const FRACTION = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?<h>half)\s+an?\s+(?<hu>${UNIT}|point|percentage point)|(?<n>${NUM}|${WORDS}|an?)\s+and\s+a\s+half\s+(?<nu>${UNIT})|(?<a>an?)\s+(?<au>hour|${UNIT})(?:\s+and\s+(?<a2>an?\s+half|${NUM}|${WORDS})(?:\s+(?<a2u>${UNIT}))?)?)(?![\p{L}])`,
  "iuy",
);
const SHARE =
  /(?<![\p{L}\p{N}-])(?:(?<n>one|two|three|four|a)(?:(?<hy>-)|\s+)(?<d>half|thirds?|quarters?|fifths?|tenths?)|(?<h>half))(?=(?<of>\s+of\b)|-|\s|[.,;:!?]|$)/iuy;
const PART_OF = /^\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|my\s+|your\s+|\p{L}+['’]s\s+)?\d[\d,.]*(?=\s)/u;
/** An auxiliary or copula right after a count: the count is a clause's subject ("139 were in use"). */
const SUBJECT_COUNT_AFTER = /^\s+(?:were|was|are|is|have|has|had|remain|remained|will|would)\b/u;
/** Where a clause starts before a count: the sentence's start, a comma, semicolon or colon, "and", "so far", "only", "just". */
const CLAUSE_START_BEFORE = /(?:^|[,;:]\s*|\band\s+|\bso far\s+|\bonly\s+|\bjust\s+)$/iu;
const BY_SHARE = /\bby\s+(?:almost|nearly|about|around|roughly|some|more than|less than|over|under|just over|just under|close to|up to)?\s*$/iu;
const SHARE_PARTS: ReadonlyMap<string, number> = new Map([
  ["half", 2],
  ["third", 3],
  ["quarter", 4],
  ["fifth", 5],
  ["tenth", 10],
]);
/** "have met three times", "sails 4 times a day": how often, where "N times" is not a multiple ("three times as long"). */
const TIMES = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,-])(?<n>${NUM}|${WORDS})\s+times(?![\p{L}])(?!\s+(?:as|more|less|larger|bigger|higher|greater|faster|longer|smaller|lower|over|that|what|the)\b)`,
  "iuy",
);
const FREQUENCY = /(?<![\p{L}])(?:just|only|at least|more than|fewer than|less than|exactly)\s+(?<n>once|twice|thrice)(?![\p{L}])/iuy;
const SCORE = /(?<![\p{L}\p{N}.,/-])(?<a>\d{1,2})\s?[-–]\s?(?<b>\d{1,2})(?![\p{N}\p{L}/-]|[.,]\d|\s?(?:%|per ?cent))/uy;
const SCORE_CUE_BEFORE =
  /(?:^|[^\p{L}])(?:won|win|wins|winning|lost|lose|loses|losing|beat|beats|beaten|beating|drew|draw|drawn|drawing|thrashed|thrashing|edged|edging|led|leads|lead|leading|trail|trails|trailed|trailing|series|score|scoreline|voted|vote|margin|victory|defeat|by|at)\s+(?:\p{L}+\s+){0,2}$/iu;
const SCORE_CUE_AFTER = /^\s+(?:up|down|win|victory|defeat|lead|loss|vote|margin|majority|scoreline|in favou?r|against|ahead|behind|series)\b/iu;
const AGE_DECADE = /(?<=(?:^|[^\p{L}])(?:in|into)\s+(?:his|her|their)\s+)(?<d>[1-9]0)s(?![\p{L}])/iuy;
const DECADE = /(?<![\p{L}\p{N}])(?<q>early|mid|late)[- ](?<d>[1-9]0)s(?![\p{L}])/iuy;
const IRREGULAR_PLURALS = new Set([
  "men",
  "women",
  "people",
  "children",
  "police",
  "staff",
  "personnel",
  "feet",
  "troops",
  "crew",
  "cattle",
  "aircraft",
  "sheep",
  "data",
  "media",
]);
const NOT_HEADS = new Set([
  "is",
  "was",
  "has",
  "does",
  "this",
  "its",
  "his",
  "us",
  "as",
  "yes",
  "thus",
  "plus",
  "less",
  "unless",
  "across",
  "always",
  "perhaps",
]);
const CONTENT_POS = new Set(["ADJ", "ADV", "NOUN", "PROPN", "VERB"]);
const ONE_IDIOMS = new Set([
  "another",
  "by",
  "hand",
  "way",
  "thing",
  "point",
  "time",
  "side",
  "more",
  "last",
  "such",
  "day",
  "moment",
  "reason",
  "word",
  "kind",
  "sort",
  "after",
  "other",
  "too",
  "too,",
]);
const ONE_BEFORE = new Set(["no", "any", "every", "each", "which", "anyone", "someone", "the", "this", "that", "no-"]);
const DYAD_BEFORE = new Set(["the", "these", "those", "both", "our", "their", "its"]);
const OF_PARTITIVE = /^\s+of\s+(?:the|them|us|you|whom|which|those|these|his|her|their|its|our|my|your)\b/iu;
const BEFORE_WORD = /([\p{L}-]+)\s*$/u;

const TRIGGERS: ReadonlySet<string> = new Set([
  ...NUMBER_WORDS.keys(),
  ...MAGNITUDES.keys(),
  "twenty",
  "thirty",
  "forty",
  "fifty",
  "sixty",
  "seventy",
  "eighty",
  "ninety",
  "early",
  "mid",
  "late",
  "just",
  "only",
  "at",
  "more",
  "fewer",
  "less",
  "exactly",
  "us",
]);

/** Char codes a figure written in digits or with a currency sign starts with. */
const STARTS_FIGURE = new Set([..."0123456789$€£¥₴₽"].map((c) => c.charCodeAt(0)));

/** Offsets of the tokens a figure can start at (digits, currency signs, number and amount words): the sticky patterns run only there. */
function candidateStarts(tokens: Tokens): number[] {
  const out: number[] = [];
  for (let t = 0; t < tokens.count; t++) {
    const value = tokens.values[t] as string;
    if (STARTS_FIGURE.has(value.charCodeAt(0))) {
      out.push(tokens.starts[t] as number);
      continue;
    }
    const lower = value.toLowerCase();
    const dash = lower.indexOf("-");
    if (TRIGGERS.has(lower) || (dash >= 0 && TRIGGERS.has(lower.slice(0, dash)))) out.push(tokens.starts[t] as number);
  }
  return out;
}

/** Matches of a sticky pattern at the given offsets, each starting after the previous match. */
function scanAt(re: RegExp, text: string, starts: readonly number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let after = 0;
  for (const start of starts) {
    if (start < after) continue;
    re.lastIndex = start;
    const m = re.exec(text);
    if (!m) continue;
    out.push(m);
    after = m.index + m[0].length;
  }
  return out;
}

function isPlural(word: string): boolean {
  const w = word.toLowerCase();
  if (NOT_HEADS.has(w)) return false;
  return IRREGULAR_PLURALS.has(w) || (/s$/u.test(w) && !/(?:ss|us|is|['’]s)$/u.test(w));
}

function plural(unit: string, value: number): string {
  if (value === 1 || /s$/u.test(unit)) return unit;
  return /[^aeiou]y$/u.test(unit) ? `${unit.slice(0, -1)}ies` : `${unit}s`;
}

/** The noun phrase a count in words counts ("two working groups" → "working groups"), or null when none follows. */
function countedNoun(text: string, tokens: Tokens, end: number, one: boolean): { end: number; unit: string } | null {
  let t = tokenIndexAt(tokens, end);
  if (t < tokens.count && (tokens.starts[t] as number) < end) t++;
  if (t >= tokens.count || (tokens.starts[t] as number) - end > 1) return null;
  while (t < tokens.count && tokens.pos[t] === "ADV" && /^(?:very|more|most|so|too|extra|highly|particularly|especially)$/iu.test(tokens.values[t] as string))
    t++;
  const from = tokens.starts[t] as number;
  let nounEnd = -1;
  for (let k = 0; k < 4 && t < tokens.count; k++, t++) {
    const value = tokens.values[t] as string;
    const pos = tokens.pos[t] as string;
    if (!CONTENT_POS.has(pos) || /^\p{P}+$/u.test(value)) break;
    if (one) {
      // "one user wrote", "one official said": someone the text does not name, not a count.
      if (pos === "VERB" && nounEnd >= 0 && ALL_SPEECH_VERBS.has(value.toLowerCase())) return null;
      if (pos === "VERB" && /(?:ed|ing)$/u.test(value) && nounEnd >= 0) break;
      if (pos === "NOUN" || (pos === "VERB" && nounEnd >= 0)) nounEnd = tokens.ends[t] as number;
      else if (pos !== "ADJ") break;
    } else if (isPlural(value) && pos !== "ADV") return { end: tokens.ends[t] as number, unit: text.slice(from, tokens.ends[t] as number) };
    else if (pos === "VERB" && !/(?:ing|ed)$/u.test(value)) break;
  }
  return nounEnd >= 0 ? { end: nounEnd, unit: text.slice(from, nounEnd) } : null;
}

/** A label noun among the next three words ("20-point peace plan", "five-point programme"). */
function labelFollows(text: string, end: number): boolean {
  const words = /^[\s-]*((?:[\p{L}'’-]+\s+){0,2}[\p{L}'’-]+)/u.exec(text.slice(end, end + 48))?.[1] ?? "";
  return words
    .toLowerCase()
    .split(/[\s-]+/u)
    .some((w) => LABEL_HEADS.has(w));
}

function previousWord(text: string, start: number): string {
  return (BEFORE_WORD.exec(text.slice(Math.max(0, start - 24), start))?.[1] ?? "").toLowerCase();
}

function nextWord(text: string, end: number): string {
  return (/^\s*([\p{L}]+)/u.exec(text.slice(end, end + 24))?.[1] ?? "").toLowerCase();
}

/** A capitalised number word inside a sentence is part of a name ("Formula One", "Channel Four"). */
function isNamePart(text: string, start: number, word: string): boolean {
  return /^\p{Lu}/u.test(word) && !/(?:^|[.!?:;“"«(\n—–-]\s*|^\s*)$/u.test(text.slice(Math.max(0, start - 3), start));
}

function wordCounts(text: string, tokens: Tokens, starts: readonly number[]): Raw[] {
  const out: Raw[] = [];
  for (const m of scanAt(WORD_COUNT, text, starts)) {
    const word = m[0];
    const start = m.index;
    const value = parseNumber(word.replace(/^a /iu, ""));
    if (isNamePart(text, start, word)) continue;
    const end = start + word.length;
    const one = value === 1;
    const before = previousWord(text, start);
    if (one && (ONE_BEFORE.has(before) || ALL_SPEECH_VERBS.has(before) || ONE_IDIOMS.has(nextWord(text, end)) || /^\p{Lu}/u.test(word))) continue;
    if (value === 2 && DYAD_BEFORE.has(before)) continue; // "the two leaders" refers back to two named parties
    if (OF_PARTITIVE.test(text.slice(end, end + 16))) {
      // "two of them"; of one, only a member of a counted set ("nine items, one of which was dropped")
      // ("“…,” one of them said" is a speaker, not a count).
      const member = /^\s+of\s+(?:which|whom|them)\b\s*(\p{L}*)/iu.exec(text.slice(end, end + 30));
      if (!one || (member && !ALL_SPEECH_VERBS.has((member[1] as string).toLowerCase()))) out.push({ value, unit: "", raw: word, kind: "count", start, end });
      continue;
    }
    const noun = countedNoun(text, tokens, end, one);
    if (!noun || labelFollows(text, start + word.length)) continue;
    if (TIME_UNITS.has(noun.unit.toLowerCase()) || /^times?$/iu.test(noun.unit)) continue;
    out.push({ value, unit: noun.unit, raw: text.slice(start, noun.end), kind: "count", start, end: noun.end });
  }
  return out;
}

function compounds(text: string, starts: readonly number[]): Raw[] {
  const out: Raw[] = [];
  for (const m of scanAt(COMPOUND, text, starts)) {
    const g = m.groups ?? {};
    const unit = (g.u as string).toLowerCase();
    const start = m.index;
    const end = start + m[0].length;
    const n = (g.n as string).toLowerCase().replace(/^an?[- ]/u, "");
    let value = parseNumber(n) + (g.half ? 0.5 : 0);
    if (!Number.isFinite(value) || isNamePart(text, start, g.n as string) || isDateNeighbour(text, start, end)) continue;
    // "a 900-million-crown contract", "a $2-billion deal": an amount written as one adjective.
    if (g.sc || g.cur) {
      // "$2-billion": the scale may be the last word.
      const amount = Number((value * scaleOf(g.sc ?? unit)).toFixed(6));
      const currency = g.cur ? CURRENCIES.get(g.cur) : CURRENCIES.get(unit);
      if (currency) out.push({ value: amount, unit: currency, raw: m[0], kind: "money", start, end });
      else out.push({ value: amount, unit: plural(unit, amount), raw: m[0], kind: "count", start, end });
      continue;
    }
    const time = TIME_UNITS.get(unit);
    if (g.old) {
      if (time?.unit === "years") out.push({ value, unit: "years", raw: m[0], kind: "age", start, end });
      continue;
    }
    if (FIGURATIVE_UNITS.has(unit) || labelFollows(text, end)) continue;
    if (time) {
      if (!g.half) continue; // "60-day" is read by the digit and word patterns
      out.push({ value, unit: time.unit, raw: m[0], kind: "duration", start, end });
      continue;
    }
    if (value === 1 && !/quarter|half/u.test(n)) continue;
    if (/^\d{4}$/u.test(n)) continue;
    value = Number(value.toFixed(6));
    out.push({ value, unit: plural(unit, value), raw: m[0], kind: "count", start, end });
  }
  return out;
}

function magnitudes(text: string, tokens: Tokens, starts: readonly number[]): Raw[] {
  const out: Raw[] = [];
  for (const m of scanAt(MAGNITUDE, text, starts)) {
    const g = m.groups ?? {};
    const start = m.index;
    let end = start + m[0].length;
    const value = (MAGNITUDES.get((g.m as string).toLowerCase()) ?? 1) * (g.m2 ? (MAGNITUDES.get((g.m2 as string).toLowerCase()) ?? 1) : 1);
    if (value === 10 && !g.m2) continue; // "tens" alone is not an amount
    const of = /^\s+of\s+/u.exec(text.slice(end, end + 6));
    let unit = "";
    let kind: Raw["kind"] = "count";
    if (of) {
      const currency = /^(?:(?:US|American|Canadian|Australian)\s+)?(dollars|euros|pounds|rubles|roubles|hryvnias|yuan|yen)(?![\p{L}])/iu.exec(
        text.slice(end + of[0].length, end + of[0].length + 24),
      );
      if (currency) {
        unit = CURRENCIES.get((currency[1] as string).toLowerCase()) ?? (currency[1] as string);
        kind = "money";
        end += of[0].length + currency[0].length;
      } else {
        const noun = countedNoun(text, tokens, end + of[0].length - 1, false);
        if (noun) {
          unit = noun.unit;
          end = noun.end;
        }
      }
    }
    out.push({ value, unit, raw: text.slice(start, end), kind, start, end });
  }
  return out;
}

function multiples(text: string, starts: readonly number[]): Raw[] {
  const out: Raw[] = [];
  for (const m of scanAt(MULTIPLE, text, starts)) {
    const g = m.groups ?? {};
    const value = parseNumber((g.tw ?? g.n ?? g.f) as string);
    if (!Number.isFinite(value) || value < 2) continue;
    out.push({ value, unit: "x", raw: m[0], kind: "multiple", start: m.index, end: m.index + m[0].length });
  }
  for (const m of scanAt(TIMES, text, starts)) {
    const value = parseNumber((m.groups?.n as string).toLowerCase());
    if (!Number.isFinite(value) || value < 2) continue;
    out.push({ value, unit: "times", raw: m[0], kind: "count", start: m.index, end: m.index + m[0].length });
  }
  for (const m of scanAt(FREQUENCY, text, starts)) {
    const start = m.index + m[0].length - (m.groups?.n as string).length;
    out.push({ value: parseNumber(m.groups?.n as string), unit: "times", raw: m.groups?.n as string, kind: "count", start, end: m.index + m[0].length });
  }
  return out;
}

function fractions(text: string, starts: readonly number[]): Raw[] {
  const out: Raw[] = [];
  for (const m of scanAt(FRACTION, text, starts)) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    let raw: Raw | null = null;
    if (g.h) {
      const time = TIME_UNITS.get((g.hu as string).toLowerCase());
      raw = { value: 0.5, unit: time?.unit ?? "points", raw: m[0], kind: time ? "duration" : "count", start, end };
    } else if (g.nu) {
      const time = TIME_UNITS.get((g.nu as string).toLowerCase());
      if (time) raw = { value: parseNumber((g.n as string).toLowerCase()) + 0.5, unit: time.unit, raw: m[0], kind: "duration", start, end };
    } else if (g.au) {
      const time = TIME_UNITS.get((g.au as string).toLowerCase());
      const cue = DURATION_CUE.test(text.slice(Math.max(0, start - 16), start));
      if (!time || (!cue && !g.a2)) continue;
      // "for a second day", "a second time": the ordinal, not a duration.
      if (
        !g.a2 &&
        /^seconds?$/iu.test(g.au as string) &&
        /^\s+(?!(?:of|and|or|to|for|in|on|at|later|ago|before|after|longer|more|less)\b)\p{L}/iu.test(text.slice(end, end + 12))
      )
        continue;
      let value = 1;
      let unit = time.unit;
      if (g.a2) {
        const second = g.a2u ? TIME_UNITS.get((g.a2u as string).toLowerCase()) : undefined;
        if (/half/iu.test(g.a2 as string)) value = 1.5;
        else if (second) {
          value = time.minutes / second.minutes + parseNumber((g.a2 as string).toLowerCase());
          unit = second.unit;
        } else continue;
      }
      raw = { value, unit, raw: m[0], kind: "duration", start, end };
    }
    if (raw) out.push(raw);
  }
  return out;
}

/** Shares as fractions: "two-thirds of members", "a quarter of the fleet", "half of the crews" (as percentages). */
function shares(text: string, starts: readonly number[]): Raw[] {
  const out: Raw[] = [];
  for (const m of scanAt(SHARE, text, starts)) {
    const g = m.groups ?? {};
    const end = m.index + m[0].length;
    // "fell by almost a third", "cut by a quarter": a change by a share of the whole.
    const byShare = BY_SHARE.test(text.slice(Math.max(0, m.index - 40), m.index));
    if (!g.of && !g.hy && !byShare) continue;
    const parts = g.h ? 2 : (SHARE_PARTS.get((g.d as string).toLowerCase().replace(/s$/u, "")) ?? 0);
    const n = g.h ? 1 : parseNumber((g.n as string).toLowerCase().replace(/^a$/u, "one"));
    if (!parts || n >= parts) continue;
    // "a quarter of a million people": a share of a scale word is a number.
    const ofScale = g.of ? /^\s+of\s+an?\s+(thousand|million|billion)\b/iu.exec(text.slice(end, end + 24)) : null;
    if (ofScale) {
      const full = end + ofScale[0].length;
      out.push({ value: (n / parts) * scaleOf(ofScale[1]), unit: "", raw: text.slice(m.index, full), kind: "count", start: m.index, end: full });
      continue;
    }
    // "a quarter of a percentage point": a share of a unit, not of a whole.
    const ofUnit = g.of ? /^\s+of\s+an?\s+(percentage point|point|hour|mile|second)\b/iu.exec(text.slice(end, end + 30)) : null;
    if (ofUnit) {
      const unit = ofUnit[1]!.toLowerCase();
      const time = TIME_UNITS.get(unit);
      const full = end + ofUnit[0].length;
      out.push({
        value: n / parts,
        unit: time?.unit ?? (unit.endsWith("point") ? "points" : `${unit}s`),
        raw: text.slice(m.index, full),
        kind: time ? "duration" : "count",
        start: m.index,
        end: full,
      });
      continue;
    }
    out.push({ value: Math.round((n / parts) * 1000) / 10, unit: "%", raw: m[0], kind: "percent", start: m.index, end });
  }
  return out;
}

function scores(text: string, starts: readonly number[]): Raw[] {
  const out: Raw[] = [];
  for (const m of scanAt(SCORE, text, starts)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 40), start);
    const cueAfter = SCORE_CUE_AFTER.test(text.slice(end, end + 16));
    if (!cueAfter && (!SCORE_CUE_BEFORE.test(before) || isPlural(nextWord(text, end)))) continue;
    if (isDateNeighbour(text, start, end)) continue;
    out.push({ value: Number(m.groups?.a), high: Number(m.groups?.b), unit: "", raw: m[0], kind: "score", start, end });
  }
  return out;
}

function decades(text: string, tokens: Tokens, starts: readonly number[]): Raw[] {
  const out: Raw[] = [];
  for (const m of scanAt(DECADE, text, starts)) {
    const base = Number(m.groups?.d);
    const q = (m.groups?.q as string).toLowerCase();
    const [low, high] = q === "early" ? [base, base + 3] : q === "mid" ? [base + 4, base + 6] : [base + 7, base + 9];
    const start = m.index;
    const noun = countedNoun(text, tokens, start + m[0].length, false);
    const end = noun?.end ?? start + m[0].length;
    out.push({ value: low, high, unit: noun?.unit ?? "", raw: text.slice(start, end), kind: "count", start, end });
  }
  for (const m of scanAt(AGE_DECADE, text, starts)) {
    const low = Number(m.groups?.d);
    out.push({ value: low, high: low + 9, unit: "years", raw: m[0], kind: "age", start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const RANGE_HEAD = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?<between>between\s+)?(?:US\$|\$|€|£)?(?<a>${NUM}|${WORDS})(?:\s?(?<ascale>${SCALE}|bn|mn|tn|m|k)(?![\p{L}]))?(?:\s?(?:%|per\s?cent|percent))?(?:,\s*(?:${NUM}|${WORDS}))*\s*(?<sep>to|or|and|-|–)\s*(?:US\$|\$|€|£)?$`,
  "iu",
);

/** Joins "one or two berths", "4.5 to 4.75 percent", "between 10 and 12 days", "30, 40 or 50 years" into one range figure. */
function joinRanges(text: string, figures: Raw[]): Raw[] {
  const out: Raw[] = [];
  for (const f of figures) {
    const prev = out[out.length - 1];
    const swallow = prev && prev.high === undefined && (prev.unit === f.unit || (prev.unit === "" && /^[\d.,]+$/u.test(prev.raw)));
    const from = Math.max(prev && !swallow ? prev.end : 0, f.start - 60);
    const head = f.high === undefined && f.kind !== "age" ? RANGE_HEAD.exec(text.slice(from, f.start)) : null;
    const a = head ? parseNumber((head.groups?.a as string).toLowerCase()) : NaN;
    const sep = (head?.groups?.sep ?? "").toLowerCase();
    const own = head ? parseNumber((/^(?:\d[\d.,]*|[\p{L}]+(?:-[\p{L}]+)?)/u.exec(f.raw.replace(/^(?:US\$|\$|€|£)/u, ""))?.[0] ?? "").toLowerCase()) : NaN;
    const scale = own !== 0 ? f.value / own : 1;
    const ownScale = head?.groups?.ascale ? scaleOf(head.groups.ascale) : null;
    const change = head && sep === "to" && previousWord(text, from + head.index) === "from"; // "rose from 3% to 5%"
    if (
      head &&
      !change &&
      Number.isFinite(a) &&
      Number.isFinite(ownScale ?? scale) &&
      (sep !== "and" || head.groups?.between) &&
      a * (ownScale ?? scale) < f.value
    ) {
      const start = from + head.index;
      if (prev && prev.start >= start) out.pop();
      out.push({ ...f, value: Number((a * (ownScale ?? scale)).toFixed(6)), high: f.value, raw: text.slice(start, f.end), start });
      continue;
    }
    out.push(f);
  }
  return out;
}

const ELLIPSIS = new RegExp(String.raw`(?<![\p{L}])(?<p>in|within|after|for|by)\s+(?<n>${NUM}|${WORDS})(?=\s*(?:[.,;)]|and\b|$))`, "giu");

/** "Perth in two days and Brisbane in four": a bare number after the same preposition takes the unit stated before it. */
function ellipticUnits(text: string, sentences: readonly Sentence[], figures: readonly Raw[]): Raw[] {
  const out: Raw[] = [];
  for (const f of figures) {
    if (f.kind !== "duration" && f.kind !== "count") continue;
    const p = previousWord(text, f.start);
    if (!["in", "within", "after", "for", "by"].includes(p)) continue;
    const sentence = sentences.find((s) => s.start <= f.start && f.start < s.end);
    if (!sentence) continue;
    ELLIPSIS.lastIndex = f.end;
    for (let m = ELLIPSIS.exec(text); m && m.index < sentence.end; m = ELLIPSIS.exec(text)) {
      if ((m.groups?.p as string).toLowerCase() !== p) continue;
      const start = m.index + m[0].length - (m.groups?.n as string).length;
      if (figures.some((o) => o.start < start + 1 && o.end > start)) continue;
      out.push({
        value: parseNumber((m.groups?.n as string).toLowerCase()),
        unit: f.unit,
        raw: m.groups?.n as string,
        kind: f.kind,
        start,
        end: m.index + m[0].length,
      });
    }
  }
  return out;
}

/**
 * Keeps, of figures that overlap, the one that covers more text (the first on a tie); a score keeps
 * its two sides against a count read from its second ("a 3-2 win" is not "2 win").
 */
function withoutOverlaps(figures: Raw[]): Raw[] {
  const sorted = [...figures].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Raw[] = [];
  for (const f of sorted) {
    const prev = out[out.length - 1];
    if (prev && f.start < prev.end) {
      if (prev.kind === "score") continue;
      if (f.kind === "score" || f.end - f.start > prev.end - prev.start) out[out.length - 1] = f;
      continue;
    }
    out.push(f);
  }
  return out;
}
