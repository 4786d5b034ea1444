/**
 * How much work one article may cost. Every step of the pipeline and of the cross-article analysis is
 * linear (or n log n) in an article's size; these caps bound the size itself, so that no single article,
 * however long, can stall ingest or the analysis of everything after it.
 *
 * - Ingest refuses an article of more than {@link MAX_ARTICLE_SENTENCES} sentences (a long feature has a
 *   few hundred; a book chapter or a dump of many articles pasted as one is what goes over).
 * - An article keeps at most {@link MAX_ARTICLE_CLAIMS} claims: direct quotes first, then reported
 *   speech, then narration, each in text order. Ingest says how many were left out.
 * - A claim spans at most {@link MAX_CLAIM_CHARS} characters: a longer one (a sentence or quotation running
 *   on for pages) is cut at the last word break within the limit.
 */
export const MAX_ARTICLE_SENTENCES = 5_000;
export const MAX_ARTICLE_CLAIMS = 2_000;
export const MAX_CLAIM_CHARS = 5_000;

/** An article over {@link MAX_ARTICLE_SENTENCES} (or the limit given): nothing is derived from it. */
export class ArticleTooLongError extends Error {
  constructor(
    readonly sentences: number,
    readonly limit: number,
  ) {
    super(
      `body has ${sentences.toLocaleString("en-US")} sentences, over the size limit of ${limit.toLocaleString("en-US")} sentences per article: split the text into several articles.`,
    );
    this.name = "ArticleTooLongError";
  }
}
