/**
 * Framing measures for one source's coverage of one issue: which words set it apart from the other
 * sources, how it attributes what people say, and a one-line summary built from those numbers.
 * Plain data in, plain data out.
 */

/** Function words left out of distinctive terms. Deliberately short: the prior already damps frequent words. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below
  between both but by can can't could couldn't did didn't do does doesn't doing don't down during each few for from
  further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his
  how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not
  of off on once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should
  shouldn't so some such than that that's the their theirs them themselves then there there's these they they'd
  they'll they're they've this those through to too under until up very was wasn't we we'd we'll we're we've were
  weren't what what's when when's where where's which while who who's whom why why's will with won't would wouldn't
  you you'd you'll you're you've your yours yourself yourselves mr mrs ms just said says say told one still yet now even much many well
  like may might must shall per via upon among whether however though although within without according`.split(/\s+/),
);

const WORD = /\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}|\p{N}+(?:[.,]\p{N}+)*/gu;

/** Lower-case words of a text (apostrophes unified, possessive `'s` dropped), numbers included. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    out.push(match[0].replaceAll("’", "'").replace(/'s$/, ""));
  }
  return out;
}

function isAttributionVerb(word: string): boolean {
  return (word.endsWith("ed") || word.endsWith("ing")) && verbLemma(word) !== null;
}

/**
 * The words that can be distinctive terms: no stopwords, numbers, single letters or inflected attribution
 * verbs ("insisted", "claiming": measured on their own, see {@link countAttribution}; "claims" and "states"
 * stay, as they are nouns as often as verbs).
 */
export function tokenize(text: string): string[] {
  return words(text).filter((word) => word.length > 1 && !STOPWORDS.has(word) && !/^\p{N}/u.test(word) && !isAttributionVerb(word));
}

/** Adds the tokens of `text` to a word-count map. */
export function countTokens(text: string, counts: Map<string, number> = new Map()): Map<string, number> {
  for (const token of tokenize(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** Sums word-count maps. */
export function sumCounts(maps: Iterable<ReadonlyMap<string, number>>): Map<string, number> {
  const total = new Map<string, number>();
  for (const map of maps) for (const [word, count] of map) total.set(word, (total.get(word) ?? 0) + count);
  return total;
}

export type DistinctiveTerm = { term: string; z: number; count: number };

export type LogOddsOptions = {
  /**
   * α₀, the total pseudo-count of the prior: how strongly estimates shrink toward the corpus.
   * Default: the corpus size, at most 1,000.
   */
  priorStrength?: number;
  /** Only terms scoring above this z are reported (default 0: over-used by the source, not under-used). */
  minZ?: number;
  /** Terms used fewer times than this by the source are not reported. */
  minCount?: number;
  /** How many terms to return, highest z first. */
  limit?: number;
};

function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

/**
 * The words that most distinguish one source from the rest: the weighted log-odds ratio with an
 * informative Dirichlet prior, as a z-score. For word w, source i and the rest j (= `all` − `source`),
 * δ = log((yᵢ + α_w) / (nᵢ + α₀ − yᵢ − α_w)) − log((yⱼ + α_w) / (nⱼ + α₀ − yⱼ − α_w)),
 * σ² ≈ 1/(yᵢ + α_w) + 1/(yⱼ + α_w), z = δ/σ, with α_w = α₀ · prior_w / Σ prior. The prior is the word
 * frequencies of the whole corpus (`prior`, default `all`), so frequent words need much more evidence
 * than rare ones to stand out, and a small source's chance words do not dominate. Only the source's own
 * words are scored, so the cost is linear in its vocabulary.
 *
 * `sourceTotal` is the source's total word count when `source` holds only some of its words (e.g. just
 * those used at least `minCount` times); by default the sum of `source`.
 *
 * Contract: `source` must be included in `all` (its counts are subtracted to form "the rest"); words
 * absent from the prior get the smallest prior mass of the corpus. Only terms with z above `minZ` are
 * returned, sorted by z descending, then term.
 *
 * @see Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for
 *   Identifying the Content of Political Conflict", Political Analysis 16(4), §3.5, eqs. 16–22.
 *   https://doi.org/10.1093/pan/mpn018
 */
export function distinctiveTerms(
  source: ReadonlyMap<string, number>,
  all: ReadonlyMap<string, number>,
  options: LogOddsOptions = {},
  prior: ReadonlyMap<string, number> = all,
  sourceTotal?: number,
): DistinctiveTerm[] {
  return createLogOdds(all, options, prior)(source, sourceTotal);
}

/**
 * {@link distinctiveTerms} for many sources against one corpus: the corpus totals are summed once, and
 * each call costs only the size of the source it scores.
 */
export function createLogOdds(
  all: ReadonlyMap<string, number>,
  { priorStrength, minZ = 0, minCount = 2, limit = 8 }: LogOddsOptions = {},
  prior: ReadonlyMap<string, number> = all,
): (source: ReadonlyMap<string, number>, sourceTotal?: number) => DistinctiveTerm[] {
  const allTotal = total(all);
  const priorTotal = total(prior);
  const alpha0 = priorStrength ?? Math.min(1000, priorTotal);
  let smallest = Infinity;
  for (const count of prior.values()) if (count > 0 && count < smallest) smallest = count;
  return (source, sourceTotal) => {
    const ni = sourceTotal ?? total(source);
    const nj = allTotal - ni;
    if (ni === 0 || nj <= 0 || priorTotal === 0) return [];
    const terms: DistinctiveTerm[] = [];
    for (const [term, yi] of source) {
      if (yi < minCount) continue;
      const yj = Math.max(0, (all.get(term) ?? yi) - yi);
      const alpha = (alpha0 * (prior.get(term) || smallest)) / priorTotal;
      const omegaI = Math.log((yi + alpha) / (ni + alpha0 - yi - alpha));
      const omegaJ = Math.log((yj + alpha) / (nj + alpha0 - yj - alpha));
      const z = (omegaI - omegaJ) / Math.sqrt(1 / (yi + alpha) + 1 / (yj + alpha));
      if (z > minZ) terms.push({ term, z: Math.round(z * 100) / 100, count: yi });
    }
    terms.sort((a, b) => b.z - a.z || a.term.localeCompare(b.term));
    return terms.slice(0, limit);
  };
}

/**
 * Distinctive terms of every source against all the others at once (each source vs the rest, prior
 * from the whole corpus). See {@link distinctiveTerms}.
 */
export function fightinWords(
  sources: ReadonlyMap<string, ReadonlyMap<string, number>>,
  options: LogOddsOptions = {},
  prior?: ReadonlyMap<string, number>,
): Map<string, DistinctiveTerm[]> {
  const all = sumCounts(sources.values());
  const score = createLogOdds(all, options, prior ?? all);
  return new Map([...sources].map(([key, counts]) => [key, score(counts)]));
}

/** How an attribution verb colours what it reports. */
export type VerbTone = "neutral" | "assertive" | "doubting" | "conceding" | "tentative" | "critical";

/** Attribution verbs by base form and the stance each lends to the reported words. */
export const ATTRIBUTION_VERBS: Readonly<Record<string, VerbTone>> = {
  say: "neutral",
  tell: "neutral",
  state: "neutral",
  add: "neutral",
  note: "neutral",
  explain: "neutral",
  announce: "neutral",
  report: "neutral",
  write: "neutral",
  reply: "neutral",
  respond: "neutral",
  ask: "neutral",
  confirm: "neutral",
  describe: "neutral",
  remark: "neutral",
  continue: "neutral",
  post: "neutral",
  insist: "assertive",
  stress: "assertive",
  declare: "assertive",
  maintain: "assertive",
  vow: "assertive",
  emphasize: "assertive",
  emphasise: "assertive",
  assert: "assertive",
  pledge: "assertive",
  promise: "assertive",
  boast: "assertive",
  tout: "assertive",
  affirm: "assertive",
  reiterate: "assertive",
  claim: "doubting",
  allege: "doubting",
  purport: "doubting",
  contend: "doubting",
  concede: "conceding",
  admit: "conceding",
  acknowledge: "conceding",
  allow: "conceding",
  suggest: "tentative",
  hint: "tentative",
  speculate: "tentative",
  signal: "tentative",
  float: "tentative",
  imply: "tentative",
  predict: "tentative",
  estimate: "tentative",
  hope: "tentative",
  warn: "critical",
  accuse: "critical",
  complain: "critical",
  blast: "critical",
  slam: "critical",
  dismiss: "critical",
  deny: "critical",
  reject: "critical",
  criticize: "critical",
  criticise: "critical",
  threaten: "critical",
};

/** Phrases by which an outlet distances itself from what it reports. */
export const HEDGES: readonly string[] = [
  "without proof",
  "without evidence",
  "without providing evidence",
  "offered no evidence",
  "provided no evidence",
  "no evidence",
  "unsubstantiated",
  "unverified",
  "could not be independently verified",
  "could not be verified",
  "reportedly",
  "allegedly",
  "purportedly",
  "apparently",
  "so-called",
  "it is unclear",
  "it was unclear",
  "it was not clear",
  "it is not clear",
  "appeared to",
  "seemed to",
  "is said to",
  "are said to",
  "was said to",
  "falsely",
  "baseless",
  "disputed",
];

/** The base form of an inflected verb when it is in {@link ATTRIBUTION_VERBS}: "insisted" → "insist". */
export function verbLemma(verb: string): string | null {
  const word = verb.trim().toLowerCase().split(/\s+/)[0] ?? "";
  let lemma = lemmaCache.get(word);
  if (lemma === undefined) {
    lemma = findLemma(word);
    lemmaCache.set(word, lemma);
  }
  return lemma;
}

const lemmaCache = new Map<string, string | null>();

function findLemma(word: string): string | null {
  const irregular: Record<string, string> = { said: "say", says: "say", told: "tell", wrote: "write", written: "write" };
  const candidates = [
    irregular[word],
    word,
    word.replace(/ied$/, "y"),
    word.replace(/ies$/, "y"),
    word.replace(/ed$/, ""),
    word.replace(/d$/, ""),
    word.replace(/ing$/, ""),
    word.replace(/ing$/, "e"),
    word.replace(/es$/, ""),
    word.replace(/s$/, ""),
    word.replace(/(.)\1ed$/, "$1"),
    word.replace(/(.)\1ing$/, "$1"),
  ];
  return candidates.find((candidate): candidate is string => Boolean(candidate && candidate in ATTRIBUTION_VERBS)) ?? null;
}

export type VerbCount = { verb: string; lemma: string; tone: VerbTone; count: number };
export type HedgeCount = { phrase: string; count: number };
export type AttributionCounts = { verbs: VerbCount[]; hedges: HedgeCount[] };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const HEDGE_HINT = new RegExp(HEDGES.map((phrase) => escapeRegExp(phrase).replace(/ /g, "\\s+")).join("|"), "i");
const HEDGE_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...HEDGES]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => escapeRegExp(phrase).replace(/ /g, "\\s+"))
    .join("|")})(?![\\p{L}\\p{N}])`,
  "giu",
);

/**
 * Attribution verbs (each claim's verb as written, toned by its base form; verbs outside
 * {@link ATTRIBUTION_VERBS} are not counted) and hedges (from each claim's text) of a set of claims.
 * A hedge inside a longer one ("no evidence" in "offered no evidence") counts once, as the longer.
 * Sorted by count descending, then alphabetically. A claim with `copies` counts that many times.
 */
export function countAttribution(claims: Iterable<{ verb: string | null; text: string; copies?: number }>): AttributionCounts {
  const verbs = new Map<string, { lemma: string; count: number }>();
  const hedges = new Map<string, number>();
  for (const claim of claims) {
    const copies = claim.copies ?? 1;
    const lemma = claim.verb ? verbLemma(claim.verb) : null;
    if (claim.verb && lemma) {
      const verb = claim.verb.trim().toLowerCase();
      verbs.set(verb, { lemma, count: (verbs.get(verb)?.count ?? 0) + copies });
    }
    if (!HEDGE_HINT.test(claim.text)) continue;
    for (const match of claim.text.matchAll(HEDGE_PATTERN)) {
      const phrase = match[0].toLowerCase().replace(/\s+/g, " ");
      hedges.set(phrase, (hedges.get(phrase) ?? 0) + copies);
    }
  }
  const byCount =
    <T extends { count: number }>(key: (item: T) => string) =>
    (a: T, b: T) =>
      b.count - a.count || key(a).localeCompare(key(b));
  return {
    verbs: [...verbs]
      .map(([verb, { lemma, count }]) => ({ verb, lemma, tone: ATTRIBUTION_VERBS[lemma] ?? "neutral", count }))
      .sort(byCount((item) => item.verb)),
    hedges: [...hedges].map(([phrase, count]) => ({ phrase, count })).sort(byCount((item) => item.phrase)),
  };
}

export type FramingSummaryInput = {
  /** Share of the source's text on the issue, 0–1. */
  coverageShare: number;
  claimCount: number;
  /** Claims in someone's voice (quotes and reported speech). */
  voicedCount: number;
  dominantVoice: { speaker: string; count: number } | null;
  /** 0-based paragraph where the issue first appears (median over the source's articles), null if never. */
  firstParagraph: number | null;
  verbs: VerbCount[];
  hedges: HedgeCount[];
};

function percent(share: number): string {
  if (share > 0 && share < 0.01) return "under 1%";
  return `${Math.round(share * 100)}%`;
}

function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}’` : `${name}’s`;
}

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/**
 * One sentence on how a source treats an issue, built only from its measures: how much of its text the
 * issue takes, whose voice carries it, how early it comes up, and the loaded words it uses
 * ("Gives 18% of its text to the issue, mostly in Jane Doe’s voice, and writes “insisted” and “without proof”.").
 */
export function summarizeFraming(input: FramingSummaryInput): string {
  const clauses: string[] = [];
  clauses.push(
    input.coverageShare >= 0.01
      ? `Gives ${percent(input.coverageShare)} of its text to the issue`
      : `Touches the issue only in passing (${percent(input.coverageShare)} of its text)`,
  );
  if (input.claimCount === 0) {
    clauses.push("with no claims on it");
  } else if (input.voicedCount === 0) {
    clauses.push("entirely in its own voice");
  } else if (input.dominantVoice && input.dominantVoice.count * 2 > input.voicedCount) {
    clauses.push(`mostly in ${possessive(input.dominantVoice.speaker)} voice`);
  } else if (input.dominantVoice) {
    clauses.push(`quoting ${input.dominantVoice.speaker} most (${input.dominantVoice.count} of ${input.voicedCount} attributed claims)`);
  }
  if (input.firstParagraph !== null) {
    clauses.push(
      input.firstParagraph < ORDINALS.length
        ? `raising it in the ${ORDINALS[input.firstParagraph]} paragraph`
        : `not raising it until paragraph ${input.firstParagraph + 1}`,
    );
  }
  const loaded = [
    ...input.verbs
      .filter((verb) => verb.tone !== "neutral")
      .slice(0, 2)
      .map((verb) => verb.verb),
    ...input.hedges.slice(0, 2).map((hedge) => hedge.phrase),
  ].slice(0, 3);
  const head = clauses.join(", ");
  if (loaded.length === 0) return `${head}.`;
  const quoted = loaded.map((word) => `“${word}”`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
  return `${head}, and uses ${list}.`;
}
