import WEIGHTS from "./ranker-weights.json";

/**
 * A learned mention ranker: for a pronoun, scores each person mentioned in the preceding sentences
 * by a log-linear model over a few features of position, salience and agreement, and picks the most
 * probable antecedent (softmax over the candidates). The weights are trained offline by
 * `npm run train` on silver labels: speech tags the sieve reads with near certainty ("…,” Name
 * said), where the name is treated as if it were a pronoun and the person it names is the answer.
 *
 * @see Denis & Baldridge (2008), "Specialized models and ranking for coreference resolution", EMNLP.
 */

/** What the ranker knows about one candidate antecedent of a pronoun. */
export type RankFeatures = {
  /** Sentences between the candidate and the pronoun (0 = same sentence). */
  back: number;
  /** Paragraph breaks between them. */
  breaks: number;
  /** The candidate is the grammatical subject of its sentence. */
  subject: boolean;
  /** The candidate's position among the candidates, most recent sentence first (0 = first). */
  order: number;
  /** How many times the person was mentioned in the article so far. */
  salience: number;
  /** 1 when the person's gender (as the text shows it) fits the pronoun, -1 when it does not, 0 unknown. */
  gender: number;
  /** The candidate is followed by a speech verb (it speaks in its sentence). */
  speaks: boolean;
  /** The person is the only one mentioned in that sentence. */
  alone: boolean;
};

export const FEATURE_NAMES = [
  "back0",
  "back1",
  "back2",
  "backFar",
  "breaks",
  "subject",
  "first",
  "orderLog",
  "salienceLog",
  "genderFit",
  "genderClash",
  "speaks",
  "alone",
] as const;

/** The feature vector of a candidate, in the order of `FEATURE_NAMES`. */
export function featureVector(f: RankFeatures): number[] {
  return [
    f.back === 0 ? 1 : 0,
    f.back === 1 ? 1 : 0,
    f.back === 2 ? 1 : 0,
    f.back >= 3 ? 1 : 0,
    f.breaks,
    f.subject ? 1 : 0,
    f.order === 0 ? 1 : 0,
    Math.log1p(f.order),
    Math.log1p(f.salience),
    f.gender > 0 ? 1 : 0,
    f.gender < 0 ? 1 : 0,
    f.speaks ? 1 : 0,
    f.alone ? 1 : 0,
  ];
}

/**
 * The prior the training starts from and is pulled towards: what a reader of news expects of a
 * pronoun — the nearest sentence, its subject, the person who just spoke, never a clashing gender.
 */
export const PRIOR: RankerWeights = {
  features: [...FEATURE_NAMES],
  weights: [1, 0.5, 0, -0.5, -0.3, 1, 1, -0.5, 0.2, 0.5, -3, 0.3, 0.2],
};

/** Stored weights: one per feature name. */
export type RankerWeights = { features: readonly string[]; weights: readonly number[] };

const DEFAULT = WEIGHTS as RankerWeights;

function aligned(weights: RankerWeights): number[] {
  return FEATURE_NAMES.map((name) => {
    const k = weights.features.indexOf(name);
    return k >= 0 ? (weights.weights[k] ?? 0) : 0;
  });
}

const ALIGNED_DEFAULT = aligned(DEFAULT);

/** Probabilities over the candidates (softmax of their scores), in their order. */
export function rankCandidates(candidates: readonly RankFeatures[], weights: RankerWeights = DEFAULT): number[] {
  if (candidates.length === 0) return [];
  const w = weights === DEFAULT ? ALIGNED_DEFAULT : aligned(weights);
  const scores = candidates.map((c) => featureVector(c).reduce((sum, x, k) => sum + x * (w[k] ?? 0), 0));
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / total);
}

/** One training example: the candidates of a mention and which of them is right. */
export type RankExample = { candidates: RankFeatures[]; answer: number };

/**
 * Fits the weights by gradient descent on the softmax cross-entropy of the examples, with an L2
 * penalty towards prior weights (a Gaussian prior), so that features the silver labels rarely
 * exercise — a pronoun whose gender clashes, say — keep their prior value. Deterministic.
 */
export function trainRanker(
  examples: readonly RankExample[],
  options: { epochs?: number; rate?: number; l2?: number; prior?: RankerWeights } = {},
): RankerWeights {
  const { epochs = 300, rate = 0.1, l2 = 0.3, prior = PRIOR } = options;
  const n = FEATURE_NAMES.length;
  const centre = aligned(prior);
  const w = [...centre];
  const vectors = examples.map((e) => ({ xs: e.candidates.map(featureVector), answer: e.answer }));
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Array<number>(n).fill(0);
    for (const { xs, answer } of vectors) {
      const scores = xs.map((x) => x.reduce((s, v, k) => s + v * (w[k] as number), 0));
      const max = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - max));
      const total = exp.reduce((a, b) => a + b, 0);
      xs.forEach((x, i) => {
        const p = (exp[i] as number) / total - (i === answer ? 1 : 0);
        for (let k = 0; k < n; k++) grad[k] = (grad[k] as number) + p * (x[k] as number);
      });
    }
    for (let k = 0; k < n; k++)
      w[k] = (w[k] as number) - rate * ((grad[k] as number) / Math.max(1, vectors.length) + l2 * ((w[k] as number) - (centre[k] as number)));
  }
  return { features: [...FEATURE_NAMES], weights: w.map((x) => Math.round(x * 1000) / 1000) };
}

/** Share of examples whose answer the weights rank first. */
export function rankerAccuracy(examples: readonly RankExample[], weights: RankerWeights): number {
  if (examples.length === 0) return 0;
  let right = 0;
  for (const e of examples) {
    const p = rankCandidates(e.candidates, weights);
    if (p.indexOf(Math.max(...p)) === e.answer) right++;
  }
  return right / examples.length;
}
