import type { IssueLexicon } from "./types";

/**
 * A per-story issue tagger, trained on the sentences the issues' lexicons match (see
 * `trainIssueTagger`): per issue, a logistic regression over a sentence's word stems and the previous
 * sentence's lexicon issues, the phrase heads and modifiers that count alone in this story, and the
 * words its matched sentences keep using. Plain data, so it can be stored as JSON beside the issues
 * it tags.
 */
export type IssueTaggerModel = {
  version: typeof TAGGER_VERSION;
  /** `lexiconHash` of the lexicons it was trained with: a model is stale once they change. */
  lexiconHash: string;
  /** Sentences it was trained on. */
  sentences: number;
  issues: { slug: string; bias: number; weights: Record<string, number>; cues: string[]; modifiers: string[]; learned: string[] }[];
};

/** One sentence of a training or tagging document. */
export type TaggerSentence = {
  /** The sentence's text. */
  body: string;
  paragraph: number;
  heading: boolean;
  /** Issues the lexicon matched in it. */
  lexicon: readonly string[];
  /** Issues whose phrases it names only for another event or beside an exclusion ("the 1998 strike ballot"): not tagged either. */
  vetoed?: readonly string[];
  /** The body with the lexicon's matches blanked out (the body itself when absent). */
  masked?: string;
  /** Stems of its nouns, where part-of-speech tags are known: a phrase head counts alone only as a noun. */
  nouns?: readonly string[];
  /** Stems of the words that modify a following noun ("security" in "security framework"), where tags are known. */
  compounds?: readonly string[];
};

export const TAGGER_VERSION = 1;

/** Probability above which the tagger tags a sentence the lexicon missed. */
export const TAG_THRESHOLD = 0.8;

const EPOCHS = 12;
const LEARNING_RATE = 0.5;
const L2 = 0.3;
const HEAD_PRIOR = 2;
const MODIFIER_PRIOR = 0.8;
const DESCRIPTION_PRIOR = 0.6;
/** Pull of a seed word's weight back to its prior. */
const PRIOR_STRENGTH = 0.05;
const MIN_POSITIVES = 2;
const MAX_WEIGHTS = 400;
const LEARNED_MIN = 3;
/** A head that ends this many of an issue's phrases counts alone even before the story has matched one, if the story rarely uses it. */
const EMPHASISED_HEAD = 3;

const STOP = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each " +
    "few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only " +
    "or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very " +
    "was we were what when where which while who whom why will with would you your yours yourself yourselves said says say told tell added according mr mrs ms dr one two three " +
    "monday tuesday wednesday thursday friday saturday sunday week weeks year years day days month months time today yesterday people new also still many much may might must " +
    "shall us it's that's don't won't can't didn't isn't wasn't there's we're they're he's she's i'm"
  ).split(" "),
);

const WORD = /\p{L}[\p{L}\p{N}]*(?:['’-]\p{L}+)*/gu;

/** A crude English stem: plural, possessive and common inflection endings off, lower case. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/’/gu, "'").replace(/'s$/u, "");
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith("s") && !/(?:ss|us|is)$/u.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

/** Content stems of a text, in order (stop words and one- or two-letter words left out). */
export function contentStems(text: string): string[] {
  return analyse(text).stems;
}

function stemOf(word: string): string {
  let stemmed = STEMS.get(word);
  if (stemmed === undefined) {
    const lower = word.toLowerCase().replace(/’/gu, "'");
    stemmed = lower.length < 3 || STOP.has(lower) ? "" : stem(lower);
    if (STEMS.size < 50_000) STEMS.set(word, stemmed);
  }
  return stemmed;
}

type Analysis = { stems: string[]; compounds: Set<string> };
const analyses = new WeakMap<TaggerSentence, Analysis>();

/** `analyse` of a sentence's masked body, once per sentence object (training and tagging share them). */
function analysisOf(s: TaggerSentence): Analysis {
  let a = analyses.get(s);
  if (!a) {
    a = analyse(s.masked ?? s.body);
    analyses.set(s, a);
  }
  return a;
}

/** Content stems of a text in order, and those that stand right before another content word (a modifier position). */
function analyse(text: string): Analysis {
  const stems: string[] = [];
  const compounds = new Set<string>();
  let previous = "";
  let previousEnd = -1;
  for (const m of text.matchAll(WORD)) {
    const stemmed = stemOf(m[0]);
    if (stemmed) {
      if (previous && /^\s+$/u.test(text.slice(previousEnd, m.index))) compounds.add(previous);
      stems.push(stemmed);
    }
    previous = stemmed;
    previousEnd = m.index + m[0].length;
  }
  return { stems, compounds };
}

/** Stems of words seen so far ("" for stop words): a story's vocabulary is small. */
const STEMS = new Map<string, string>();

function ownFeatures(stems: readonly string[]): string[] {
  return [...new Set(stems)];
}

/**
 * Features of every sentence of a document: its own stems (with the lexicon's own
 * matches blanked out, so that the model learns the company the lexicon keeps rather than the
 * lexicon), and `^slug` when the sentence before, in the same or the previous paragraph, is one
 * the lexicon matched for that issue.
 */
export function documentFeatures(sentences: readonly TaggerSentence[], stems?: readonly (readonly string[])[]): string[][] {
  return sentences.map((s, i) => {
    const features = ownFeatures(stems?.[i] ?? contentStems(s.masked ?? s.body));
    const prev = sentences[i - 1];
    if (prev && !prev.heading && s.paragraph - prev.paragraph <= 1) for (const slug of prev.lexicon) features.push(`^${slug}`);
    return features;
  });
}

/**
 * Prior weights of an issue from its own words: the head of each lexicon phrase (its last content
 * word: "guarantee" of "security guarantee", "land" of "that land") weighs most, other phrase words
 * and the title's and description's content words less. Training starts from them and is pulled back
 * towards them, so a bare head noun or a synonym named in the description still counts when the
 * story's articles are few.
 */
export function seedPriors(lexicon: IssueLexicon): Map<string, number> {
  const priors = new Map<string, number>();
  const raise = (stemmed: string, value: number) => priors.set(stemmed, Math.max(priors.get(stemmed) ?? 0, value));
  for (const word of contentStems(`${lexicon.title} ${lexicon.description ?? ""}`)) raise(word, DESCRIPTION_PRIOR);
  for (const phrase of lexicon.phrases) {
    const words = contentStems(phrase);
    words.forEach((word, i) => raise(word, i === words.length - 1 ? HEAD_PRIOR : MODIFIER_PRIOR));
  }
  return priors;
}

/** A stable hash of the lexicons (slugs, titles, descriptions, phrases, exclusions), to tell when a model is stale. */
export function lexiconHash(lexicons: readonly IssueLexicon[]): string {
  const text = JSON.stringify(lexicons.map((l) => [l.slug, l.title, l.description ?? "", l.phrases, l.exclusions]));
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `v${TAGGER_VERSION}-${h1.toString(16).padStart(8, "0")}${h2.toString(16).padStart(8, "0")}`;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Trains the tagger from documents whose sentences carry their lexicon matches. For each issue: a
 * logistic regression (class-balanced, L2, fixed-order gradient descent, so the same input always
 * gives the same model) separating the sentences its lexicon matches from the others (all but those
 * in a paragraph the lexicon matched: positive and unlabelled learning, where only reliable negatives
 * are negatives, so the words an article goes on with beside its lexicon's are not learned as signs
 * against the issue), over their
 * stems outside the matches and the previous sentence's lexicon issues, starting from and pulled
 * towards priors from the issue's title, description and phrases (`seedPriors`); the phrase heads
 * and modifiers the story lets count alone (`headCues`, `modifierCues`); and the words its matched
 * sentences keep using (`learnedCues`). Weak supervision in the style of Snorkel's labelling
 * functions: the lexicon labels, the rest generalises to the words that keep company with it. An
 * issue with fewer than two matched sentences gets no regression weights.
 *
 * @see Ratner et al. 2017, "Snorkel: Rapid Training Data Creation with Weak Supervision"
 * @see Liu et al. 2003, "Building Text Classifiers Using Positive and Unlabeled Examples"
 */
export function trainIssueTagger(documents: readonly (readonly TaggerSentence[])[], lexicons: readonly IssueLexicon[]): IssueTaggerModel {
  const rows: { features: string[]; lexicon: readonly string[]; near: ReadonlySet<string> }[] = [];
  const rowStems: PhraseUse[] = [];
  for (const doc of documents) {
    const analysed = doc.map(analysisOf);
    const features = documentFeatures(
      doc,
      analysed.map((a) => a.stems),
    );
    doc.forEach((s, i) => {
      if (s.heading) return;
      rows.push({ features: features[i] as string[], lexicon: s.lexicon, near: paragraphIssues(doc, i) });
      const { stems, compounds } = analysed[i] as { stems: string[]; compounds: Set<string> };
      const outside = new Set(stems);
      const inside = s.masked === undefined || s.masked === s.body ? NOTHING : new Set(contentStems(s.body).filter((w) => !outside.has(w)));
      rowStems.push({ inside, outside, compounds, nouns: s.nouns ? new Set(s.nouns) : null });
    });
  }
  const index = new Map<string, number>();
  const encode = (features: readonly string[]): Int32Array => {
    const ids = new Int32Array(features.length);
    features.forEach((f, k) => {
      let id = index.get(f);
      if (id === undefined) {
        id = index.size;
        index.set(f, id);
      }
      ids[k] = id;
    });
    return ids;
  };
  const encoded = rows.map((r) => encode(r.features));
  const model: IssueTaggerModel = { version: TAGGER_VERSION, lexiconHash: lexiconHash(lexicons), sentences: rows.length, issues: [] };
  for (const lexicon of lexicons) {
    const priors = seedPriors(lexicon);
    // Each sentence is on the issue (the lexicon matched it), unlabelled (null: in the paragraph of one the lexicon
    // matched, as likely to be on the issue in other words), or a reliable negative. The regression and the cues
    // count only the labelled ones. (Reaching the neighbouring paragraphs too would tag more of a story's own
    // articles, but a story that also holds off-topic articles would then learn the story's own vocabulary as the issue's.)
    const labelled = rows.map((r) => (r.lexicon.includes(lexicon.slug) ? true : r.near.has(lexicon.slug) ? null : false));
    const labels = labelled.map((l) => l === true);
    const unsure = labelled.map((l) => l === null);
    const positives = labels.filter(Boolean).length;
    if (positives < MIN_POSITIVES || positives === rows.length) {
      model.issues.push({
        slug: lexicon.slug,
        bias: -10,
        weights: {},
        cues: headCues(lexicon, rowStems, labelled),
        modifiers: modifierCues(lexicon, rowStems, labelled),
        learned: [],
      });
      continue;
    }
    const negatives = rows.length - positives - unsure.filter(Boolean).length;
    const positiveWeight = 0.5 / positives;
    const negativeWeight = 0.5 / Math.max(1, negatives);
    const w = new Float64Array(index.size);
    const prior = new Float64Array(index.size);
    for (const [word, value] of priors) {
      const id = index.get(word);
      if (id !== undefined) prior[id] = value;
    }
    w.set(prior);
    let bias = 0;
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      const rate = LEARNING_RATE / (1 + epoch);
      for (let r = 0; r < encoded.length; r++) {
        if (unsure[r]) continue;
        const ids = encoded[r] as Int32Array;
        const y = labels[r] ? 1 : 0;
        let z = bias;
        for (let k = 0; k < ids.length; k++) z += w[ids[k] as number] as number;
        const g = (sigmoid(z) - y) * (y ? positiveWeight : negativeWeight) * encoded.length;
        bias -= rate * g;
        for (let k = 0; k < ids.length; k++) {
          const id = ids[k] as number;
          const p = prior[id] as number;
          w[id] = (w[id] as number) - rate * (g + (p ? PRIOR_STRENGTH : L2) * ((w[id] as number) - p));
        }
      }
    }
    const weights: Record<string, number> = {};
    for (const [word, value] of priors) if (!index.has(word)) weights[word] = value;
    [...index.entries()]
      .filter(([, id]) => Math.abs(w[id] as number) > 1e-3)
      .sort((a, b) => Math.abs(w[b[1]] as number) - Math.abs(w[a[1]] as number) || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_WEIGHTS)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .forEach(([f, id]) => (weights[f] = Math.round((w[id] as number) * 1e4) / 1e4));
    model.issues.push({
      slug: lexicon.slug,
      bias: Math.round(bias * 1e4) / 1e4,
      weights,
      cues: headCues(lexicon, rowStems, labelled),
      modifiers: modifierCues(lexicon, rowStems, labelled),
      learned: learnedCues(rowStems, labelled, priors),
    });
  }
  return model;
}

/** Issues the lexicon matched in the other sentences of sentence `i`'s paragraph. */
function paragraphIssues(doc: readonly TaggerSentence[], i: number): Set<string> {
  const out = new Set<string>();
  const paragraph = (doc[i] as TaggerSentence).paragraph;
  for (let k = i - 1; k >= 0 && (doc[k] as TaggerSentence).paragraph === paragraph; k--) for (const slug of (doc[k] as TaggerSentence).lexicon) out.add(slug);
  for (let k = i + 1; k < doc.length && (doc[k] as TaggerSentence).paragraph === paragraph; k++)
    for (const slug of (doc[k] as TaggerSentence).lexicon) out.add(slug);
  return out;
}

/** How often each content word of an issue's lexicon phrases ends a phrase (`final`) or starts or sits inside one (`inner`). */
function phrasePositions(lexicon: IssueLexicon): { final: Map<string, number>; inner: Map<string, number> } {
  const final = new Map<string, number>();
  const inner = new Map<string, number>();
  for (const phrase of lexicon.phrases) {
    contentStems(phrase).forEach((word, i, all) => {
      const counts = i === all.length - 1 ? final : inner;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    });
  }
  return { final, inner };
}

/**
 * The heads of an issue's lexicon phrases that count alone ("the ballot" for "strike ballot", "a
 * guarantee lasting 50 years" for "security guarantee"): a word that ends more of the issue's phrases
 * than it starts or sits inside ("security" of "legally binding security" is still a modifier), when
 * the story's reliable negatives (`labels` false) use it as a bare noun at most half as often as inside the issue's matches (or, for a head
 * the lexicon ends `EMPHASISED_HEAD` phrases with, at most once), so a head as generic as "conflict"
 * or "strike" does not count.
 */
function headCues(lexicon: IssueLexicon, rows: readonly PhraseUse[], labels: readonly (boolean | null)[]): string[] {
  const { final, inner } = phrasePositions(lexicon);
  return [...final.keys()]
    .filter((head) => (final.get(head) ?? 0) > (inner.get(head) ?? 0))
    .filter((head) => {
      let inside = 0;
      let bare = 0;
      rows.forEach((r, i) => {
        if (labels[i] && r.inside.has(head)) inside++;
        else if (labels[i] === false && r.outside.has(head) && (!r.nouns || r.nouns.has(head))) bare++;
      });
      return (inside > 0 && bare <= inside) || ((final.get(head) ?? 0) >= EMPHASISED_HEAD && bare <= 1);
    })
    .sort();
}

/**
 * Words the story's sentences on an issue keep using beyond its lexicon (lexicon expansion by
 * bootstrapping): a word in at least `LEARNED_MIN` of the issue's matched sentences (outside the
 * matches) and in at most half as many reliable negatives (`labels` false), not one of the issue's own seed words.
 *
 * @see Riloff & Jones 1999, "Learning Dictionaries for Information Extraction by Multi-Level Bootstrapping"
 */
function learnedCues(rows: readonly PhraseUse[], labels: readonly (boolean | null)[], seeds: ReadonlyMap<string, number>): string[] {
  const inside = new Map<string, number>();
  const bare = new Map<string, number>();
  rows.forEach((r, i) => {
    if (labels[i] === null) return;
    const counts = labels[i] ? inside : bare;
    for (const word of r.outside) counts.set(word, (counts.get(word) ?? 0) + 1);
  });
  return [...inside.entries()]
    .filter(([word, n]) => n >= LEARNED_MIN && 2 * (bare.get(word) ?? 0) <= n && !seeds.has(word))
    .map(([word]) => word)
    .sort();
}

const NOTHING: ReadonlySet<string> = new Set();

type PhraseUse = { inside: ReadonlySet<string>; outside: ReadonlySet<string>; compounds: ReadonlySet<string>; nouns: ReadonlySet<string> | null };

/**
 * The modifiers of an issue's lexicon phrases that count before another noun ("security framework",
 * "security protocols" for "security guarantee"; "after-dark roster" is left to the classifier): a
 * word that starts or sits inside more of the issue's phrases than it ends, when the story's reliable
 * negatives put it before another word at most half as often as inside the issue's matches (and
 * inside at least two of them).
 */
function modifierCues(lexicon: IssueLexicon, rows: readonly PhraseUse[], labels: readonly (boolean | null)[]): string[] {
  const { final, inner } = phrasePositions(lexicon);
  return [...inner.keys()]
    .filter((word) => (inner.get(word) ?? 0) > (final.get(word) ?? 0))
    .filter((word) => {
      let inside = 0;
      let bare = 0;
      rows.forEach((r, i) => {
        if (labels[i] && r.inside.has(word)) inside++;
        else if (labels[i] === false && r.compounds.has(word)) bare++;
      });
      return inside >= 2 && 2 * bare <= inside;
    })
    .sort();
}

/** The tagger's probability, per sentence, that it bears on each issue of the model. */
export function scoreSentences(
  model: IssueTaggerModel,
  sentences: readonly TaggerSentence[],
  stems?: readonly (readonly string[])[],
): Record<string, number>[] {
  const features = documentFeatures(sentences, stems);
  return features.map((fs) => {
    const out: Record<string, number> = {};
    for (const issue of model.issues) {
      let z = issue.bias;
      for (const f of fs) z += issue.weights[f] ?? 0;
      out[issue.slug] = sigmoid(z);
    }
    return out;
  });
}

/** Issues the tagger adds to each sentence (those the lexicon did not already match), above `TAG_THRESHOLD`. */
export function tagSentences(model: IssueTaggerModel, sentences: readonly TaggerSentence[], threshold = TAG_THRESHOLD): string[][] {
  const analysed = sentences.map((s) => analysisOf(s));
  return scoreSentences(
    model,
    sentences,
    analysed.map((a) => a.stems),
  ).map((scores, i) => {
    const s = sentences[i] as TaggerSentence;
    if (s.heading) return [];
    const { stems: words, compounds: modifiers } = analysed[i] as Analysis;
    const stems = new Set(words);
    const nouns = s.nouns ? new Set(s.nouns) : stems;
    const compounds = s.compounds ? new Set(s.compounds) : modifiers;
    return model.issues
      .filter((issue) => {
        if (s.lexicon.includes(issue.slug) || s.vetoed?.includes(issue.slug)) return false;
        if ((scores[issue.slug] as number) >= threshold) return true;
        if (issue.cues.some((cue) => stems.has(cue) && nouns.has(cue)) || issue.modifiers.some((word) => compounds.has(word))) return true;
        return issue.learned.filter((word) => stems.has(word)).length >= 2;
      })
      .map((issue) => issue.slug)
      .sort();
  });
}
