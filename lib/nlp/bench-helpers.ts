import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

let bare: ReturnType<typeof winkNLP> | null = null;

/**
 * The baseline for extraction throughput: wink-nlp's bare `readDoc` with its default pipeline on
 * the same text, returning the sentence count. Benchmarks divide the pipeline's sentences per
 * second by this function's.
 */
export function baselineSentenceCount(text: string): number {
  bare ??= winkNLP(model);
  return bare.readDoc(text).sentences().length();
}
