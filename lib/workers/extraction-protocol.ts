import type { ArticleExtraction, IssueLexicon, IssueTaggerModel, SpeakerRegistryData } from "../nlp";

/**
 * What one batch of extractions shares, sent once to every thread of the pool: the story's issue
 * lexicons, its tagger, and the speakers known when the batch began. Each thread extends its own copy of
 * the registry with the articles it extracts, as one thread extracting them in a row would.
 */
export type ExtractionSession = {
  issues: readonly IssueLexicon[];
  tagger: IssueTaggerModel | null;
  speakers: SpeakerRegistryData;
  maxSentences?: number;
};

/** An extraction as a thread hands it back: everything but the registry, which stays in the thread. */
export type ThreadExtraction = Omit<ArticleExtraction, "speakers">;

export type ToThread =
  | { type: "session"; session: number; data: ExtractionSession }
  | { type: "end"; session: number }
  | { type: "extract"; task: number; session: number; text: string };

/** A failure inside the pipeline, carried across the thread boundary by name and fields. */
export type ThreadFailure = { name: string; message: string; sentences?: number; limit?: number };

export type FromThread =
  { type: "ready" } | { type: "done"; task: number; extraction: ThreadExtraction } | { type: "failed"; task: number; error: ThreadFailure };
