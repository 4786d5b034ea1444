import { getNlp } from "./sentences";

/**
 * The baseline for extraction throughput: wink-nlp's bare `readDoc` on the same text, with the same
 * model instance the pipeline uses, returning its sentence count. Benchmarks divide the pipeline's
 * sentences per second by this function's.
 */
export function baselineSentenceCount(text: string): number {
  return getNlp().readDoc(text).sentences().length();
}
