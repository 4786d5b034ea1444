/**
 * The version of what the pipeline derives from an article (sentences, claims, speakers, figures,
 * issues). Each article stores the version it was derived with; a worker that starts on a newer one
 * queues a `derive` job for the articles derived with an older one (`queueStaleDerivation`), which
 * derives them again, keeping editors' reviews and corrections.
 *
 * Bump it when a change to `lib/nlp` changes what it derives.
 */
export const PIPELINE_VERSION = 38;

/**
 * The fingerprint of the pipeline's files (`pipelineSourcesFingerprint` in `version.test.ts`) this version was recorded for.
 * `version.test.ts` fails when the files change, so that every change to the pipeline is a decision:
 * bump the version (what it derives changed) and record the new fingerprint, or only record it (a
 * comment, a rename).
 */
export const PIPELINE_SOURCES = "21d9f54cf36a651e";
