/** Plain data shared by the steps of the claims pipeline. All offsets are UTF-16 code units. */

/** What kind of voice a speaker is. */
export type SpeakerKind = "person" | "institution" | "document" | "source";

/** How a claim is voiced: direct quote, reported speech, or the outlet's own narration. */
export type ClaimKind = "quote" | "reported" | "narration";

/** A half-open range [start, end). */
export type Span = { start: number; end: number };

/** One open issue of the story and the phrases that signal it. */
export type IssueLexicon = {
  slug: string;
  title: string;
  description?: string;
  phrases: string[];
  exclusions: string[];
};

/** What the text itself says about the article; null wherever it does not say. */
export type ArticleMeta = {
  outlet: string | null;
  title: string | null;
  published: string | null;
  byline: string | null;
  dateline: string | null;
};

/**
 * A measured value stated in the text. A range ("one or two", "4.5 to 4.75 percent") has `value` its low
 * end and `high` its high end; a score ("won 2-1") has `value` and `high` its two sides. Vague amounts
 * ("tens of thousands") carry their lower bound.
 */
export type Figure = {
  value: number;
  high?: number;
  unit: string;
  raw: string;
  kind: "percent" | "money" | "duration" | "count" | "age" | "multiple" | "score";
  about: string | null;
  start: number;
  end: number;
};

/** A claim derived from an article, with offsets into the original text. */
export type Claim = {
  kind: ClaimKind;
  /** Exactly `original.slice(start, end)`. */
  text: string;
  /** The quoted words without their marks, for quotes; null otherwise. */
  quote: string | null;
  partial: boolean;
  speaker: string | null;
  speakerId: string | null;
  speakerKind: SpeakerKind | null;
  speakerMention: string | null;
  /** Where in the original text the speaker was resolved from (a name, pronoun or description), or null. */
  speakerMentionStart: number | null;
  speakerMentionEnd: number | null;
  /** How the speaker was found: the sieve stage, then the kind of mention ("tag:after-quote:pronoun"). */
  attributionReason: string | null;
  verb: string | null;
  start: number;
  end: number;
  issues: string[];
  figures: Figure[];
  confidence: number;
  method: string;
  fingerprint: string;
};

/** A sentence of the original text with the issues it bears on. */
export type SentenceOut = {
  start: number;
  end: number;
  paragraph: number;
  heading: boolean;
  issues: string[];
};
