import type { ArticleMeta, Claim, Figure, IssueLexicon, SentenceOut, Span } from "./types";
import { cleanText, toOriginalSpan, type CleanedText } from "./clean";
import { sentenceIndexAt, splitSentences, type Sentence, type SentenceSplit, type Tokens } from "./sentences";
import { findQuotes } from "./quotes";
import { findMentions } from "./mentions";
import { findSpeechVerbs } from "./reported";
import { attributeQuotes, resolveMentions, type AttributionInput } from "./attribution";
import { findFigures } from "./figures";
import { carryIssues, compileIssues, matchIssues, matchIssuesBySentence, type CompiledIssue, type IssueMatch } from "./issues";
import { claimFingerprint } from "./fingerprint";
import { lexiconHash, stem, tagSentences, trainIssueTagger, type IssueTaggerModel, type TaggerSentence } from "./tagger";
import { SpeakerBook, SpeakerRegistry, type LearnedSpeaker } from "./speakers";
import { ArticleTooLongError, MAX_ARTICLE_CLAIMS, MAX_CLAIM_CHARS } from "./limits";

export type { ArticleMeta, Claim, ClaimKind, Figure, IssueLexicon, SentenceOut, SpeakerKind, Span } from "./types";
export type { LearnedSpeaker, SpeakerSeed, SpeakerEntry, SpeakerRegistryData } from "./speakers";
export { SpeakerRegistry, createSpeakerRegistry, canonicalName, UNNAMED_SOURCE } from "./speakers";
export { loadIssueLexicons } from "./issues";
export type { IssueTaggerModel, TaggerSentence } from "./tagger";
export { lexiconHash, trainIssueTagger, TAGGER_VERSION } from "./tagger";
export { claimFingerprint } from "./fingerprint";
export { ArticleTooLongError, MAX_ARTICLE_CLAIMS, MAX_ARTICLE_SENTENCES, MAX_CLAIM_CHARS } from "./limits";

/**
 * Options of one extraction: the story's issue lexicons, the speakers known so far, and the story's
 * issue tagger (trained on those lexicons; a model trained on other lexicons is ignored).
 */
export type ExtractOptions = {
  issues: readonly IssueLexicon[];
  speakers?: SpeakerRegistry;
  tagger?: IssueTaggerModel | null;
  /** Refuse (throw {@link ArticleTooLongError}) an article of more sentences than this; no limit when absent. */
  maxSentences?: number;
  /** Keep at most this many claims (default {@link MAX_ARTICLE_CLAIMS}): quotes first, then reported speech, then narration. */
  maxClaims?: number;
};

/**
 * What the pipeline derives from one article. Offsets are into the original text as given
 * (UTF-16 code units). `speakersLearned` lists the speakers this article mentioned, with the names
 * it used for them; `speakers` is the registry extended with them — pass it to the next extraction
 * so that one person gets one canonical name across articles.
 */
export type ArticleExtraction = {
  meta: ArticleMeta;
  cleanedText: string;
  sentences: SentenceOut[];
  claims: Claim[];
  /** Claims found beyond the `maxClaims` cap and not kept (0 when none were left out). */
  claimsOmitted: number;
  speakersLearned: LearnedSpeaker[];
  speakers: SpeakerRegistry;
};

/** Alias of `ArticleExtraction`. */
export type ExtractedArticle = ArticleExtraction;

const compiledCache = new WeakMap<readonly IssueLexicon[], { issues: CompiledIssue[]; hash: string }>();

function compiled(issues: readonly IssueLexicon[]): { issues: CompiledIssue[]; hash: string } {
  let c = compiledCache.get(issues);
  if (!c) {
    c = { issues: compileIssues(issues), hash: lexiconHash(issues) };
    compiledCache.set(issues, c);
  }
  return c;
}

type Prepared = { original: string; cleaned: CleanedText; split: SentenceSplit; tagInput?: ReturnType<typeof taggerSentences> };

function prepare(original: string): Prepared {
  const cleaned = cleanText(original);
  return { original, cleaned, split: splitSentences(cleaned.text) };
}

function taggerSentence(
  text: string,
  s: Span & { paragraph: number; heading?: boolean },
  matches: readonly IssueMatch[],
  vetoed: readonly IssueMatch[] = [],
): TaggerSentence {
  let masked = text.slice(s.start, s.end);
  for (const m of [...matches, ...vetoed]) masked = masked.slice(0, m.start - s.start) + " ".repeat(m.end - m.start) + masked.slice(m.end - s.start);
  const lexicon = unique(matches.map((m) => m.slug));
  const otherEvents = unique(vetoed.map((m) => m.slug)).filter((slug) => !lexicon.includes(slug));
  return {
    body: text.slice(s.start, s.end),
    masked,
    paragraph: s.paragraph,
    heading: s.heading ?? false,
    lexicon,
    ...(otherEvents.length ? { vetoed: otherEvents } : {}),
  };
}

function taggerSentences(
  text: string,
  { sentences, tokens }: SentenceSplit,
  issues: readonly CompiledIssue[],
): { matches: IssueMatch[][]; tagger: TaggerSentence[] } {
  const vetoed: IssueMatch[][] = sentences.map(() => []);
  const matches = matchIssuesBySentence(text, sentences, issues, vetoed);
  return {
    matches,
    tagger: sentences.map((s, i) => {
      const nouns: string[] = [];
      const compounds: string[] = [];
      const blanked = [...(matches[i] as IssueMatch[]), ...(vetoed[i] as IssueMatch[])];
      for (let t = s.tokenStart; t < s.tokenEnd; t++) {
        const pos = tokens.pos[t];
        const value = tokens.values[t] as string;
        // Common nouns and adjectives only: "Staff" in "Medical Staff Association" is part of a name.
        if ((pos !== "NOUN" && pos !== "ADJ") || (t > s.tokenStart && /^\p{Lu}/u.test(value))) continue;
        const word = stem(value);
        if (pos === "NOUN") nouns.push(word);
        const inMatch = blanked.some((m) => (tokens.starts[t] as number) >= m.start && (tokens.starts[t] as number) < m.end);
        if (!inMatch && t + 1 < s.tokenEnd && tokens.pos[t + 1] === "NOUN") compounds.push(word);
      }
      return { ...taggerSentence(text, s, matches[i] as IssueMatch[], vetoed[i]), nouns, compounds };
    }),
  };
}

/**
 * The sentences of a stored article as the issue tagger reads them, from the article's text and its
 * sentence spans: what `trainIssueTagger` takes, one document per article.
 */
export function taggerDocument(
  text: string,
  sentences: readonly (Span & { paragraph: number; heading?: boolean })[],
  issues: readonly IssueLexicon[],
): TaggerSentence[] {
  const c = compiled(issues).issues;
  return sentences.map((s) => {
    const vetoed: IssueMatch[] = [];
    return taggerSentence(text, s, matchIssues(text, s.start, s.end, c, vetoed), vetoed);
  });
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

type Draft = Omit<Claim, "text" | "start" | "end" | "speaker" | "fingerprint" | "figures"> & Span;

function mentionFields(mention: { start: number; end: number; type: string } | null, method: string) {
  return {
    speakerMentionStart: mention?.start ?? null,
    speakerMentionEnd: mention?.end ?? null,
    attributionReason: mention ? `${method}:${mention.type}` : method,
  };
}

/**
 * Derives claims from one article: cleans it, splits sentences, finds quotes and attributes them,
 * finds reported speech, figures and issues, and returns claims with exact offsets.
 *
 * Claim spans: for a `quote`, `start`/`end` cover the quoted words including their quote marks
 * (so `text` is exactly the quotation as printed, one claim per double-quoted segment of a
 * paragraph); for `reported`, the clause from the speaker to the end of what they are reported to
 * have said; for `narration`, the whole sentence. For every claim `text === original.slice(start, end)`.
 * Narration claims are the outlet's own sentences that bear on an issue or carry a figure.
 */
export function extractArticle(original: string, options: ExtractOptions): ArticleExtraction {
  return extractPrepared(prepare(original), options);
}

function extractPrepared(prepared: Prepared, options: ExtractOptions): ArticleExtraction {
  const { original, cleaned, split } = prepared;
  const text = cleaned.text;
  const { paragraphs, sentences, tokens } = split;
  if (options.maxSentences !== undefined && sentences.length > options.maxSentences) throw new ArticleTooLongError(sentences.length, options.maxSentences);
  const quotes = findQuotes(text, paragraphs);
  const mentions = findMentions(text, sentences, tokens, quotes);
  const verbs = findSpeechVerbs(sentences, tokens, quotes);
  const book = new SpeakerBook((options.speakers ?? new SpeakerRegistry()).data);
  const input: AttributionInput = { text, paragraphs, sentences, quotes, mentions, verbs, tokens };
  const resolutions = resolveMentions(input, book);
  const attribution = attributeQuotes(input, resolutions, book);
  const figures = findFigures(text, sentences, tokens, verbs);
  const lexicons = compiled(options.issues);
  const model = options.tagger && options.tagger.lexiconHash === lexicons.hash ? options.tagger : null;
  const tagInput = model ? (prepared.tagInput ?? taggerSentences(text, split, lexicons.issues)) : null;
  const matches = tagInput?.matches ?? matchIssuesBySentence(text, sentences, lexicons.issues);
  const tagged = model && tagInput ? tagSentences(model, tagInput.tagger) : null;

  const drafts: Draft[] = [];
  for (const a of attribution.quotes) {
    if (!a.isClaim) continue;
    drafts.push({
      kind: "quote",
      quote: text.slice(a.quote.innerStart, a.quote.innerEnd).trim(),
      partial: a.partial,
      speakerId: a.speakerId,
      speakerKind: a.speakerKind,
      speakerMention: a.mention?.text ?? null,
      ...mentionFields(a.speakerId ? a.mention : null, a.method),
      verb: a.verb,
      start: a.quote.start,
      end: a.quote.end,
      issues: [],
      confidence: a.confidence,
      method: a.method,
    });
  }
  for (const f of attribution.frames) {
    drafts.push({
      kind: "reported",
      quote: null,
      partial: false,
      speakerId: f.speakerId,
      speakerKind: f.speakerKind,
      speakerMention: f.mention.text,
      ...mentionFields(f.mention, f.method),
      verb: f.verb,
      start: f.frame.start,
      end: trimEnd(text, f.frame.start, f.frame.end),
      issues: [],
      confidence: f.confidence,
      method: f.method,
    });
  }

  const bySentence: Draft[][] = sentences.map(() => []);
  const figuresBySentence: Figure[][] = sentences.map(() => []);
  const sentenceRange = (span: Span): [number, number] => [
    sentenceIndexAt(sentences, span.start),
    sentenceIndexAt(sentences, Math.max(span.start, span.end - 1)),
  ];
  for (const d of drafts) {
    const [a, b] = sentenceRange(d);
    for (let i = a; i <= b; i++) (bySentence[i] as Draft[]).push(d);
  }
  for (const f of figures) (figuresBySentence[sentenceIndexAt(sentences, f.start)] as Figure[]).push(f);

  const claimOf = (i: number): Draft | null => {
    const s = sentences[i] as Sentence;
    let best: Draft | null = null;
    let bestShare = 0;
    for (const d of bySentence[i] as Draft[]) {
      if (d.kind === "quote" && d.partial) continue;
      const share = overlap(d, s) / Math.max(1, s.end - s.start);
      if (share > bestShare) {
        best = d;
        bestShare = share;
      }
    }
    return bestShare >= 0.4 ? best : null;
  };
  const carried = carryIssues(
    sentences.map((s, i) => {
      const claim = claimOf(i);
      return {
        paragraph: s.paragraph,
        heading: s.heading,
        issues: unique([...(matches[i] as IssueMatch[]).map((m) => m.slug), ...(tagged?.[i] ?? [])]),
        body: text.slice(s.start, s.end),
        speaker: claim?.speakerId ?? null,
        quoted: claim?.kind === "quote",
        quoteGoesOn: claim?.kind === "quote" && claim.end > s.end,
      };
    }),
  );

  sentences.forEach((s, i) => {
    if (s.heading && !hasVerb(tokens, s)) return;
    const inSentence = bySentence[i] as Draft[];
    const covers = coverage(inSentence);
    const looseFigure = (figuresBySentence[i] as Figure[]).some((f) => f.end <= s.end && !covers(f));
    if (claimOf(i) && !looseFigure) return;
    if (!(carried[i] as string[]).length && !looseFigure) return;
    const narration: Draft = {
      kind: "narration",
      quote: null,
      partial: false,
      speakerId: null,
      speakerKind: null,
      speakerMention: null,
      ...mentionFields(null, "narration"),
      verb: null,
      start: s.start,
      end: s.end,
      issues: [],
      confidence: 0.9,
      method: "narration",
    };
    drafts.push(narration);
    inSentence.push(narration);
  });

  for (const d of drafts) shorten(text, d);

  const figuresOf = new Map<Draft, Figure[]>();
  const matchesIn = sentences.map((_, i) => byStart(matches[i] as IssueMatch[]));
  const figuresIn = sentences.map((_, i) => byStart(figuresBySentence[i] as Figure[]));
  for (const d of drafts) {
    const found = new Set<string>();
    const inside: Figure[] = [];
    const [a, b] = sentenceRange(d);
    for (let i = a; i <= b; i++) {
      const s = sentences[i] as Sentence;
      const shared = overlap(d, s);
      if (!shared) continue;
      for (const m of within(matchesIn[i] as IssueMatch[], d)) found.add(m.slug);
      const mostly = shared / Math.max(1, s.end - s.start) >= 0.5;
      if (mostly || d.partial || d.kind === "narration") for (const slug of carried[i] as string[]) found.add(slug);
      inside.push(...within(figuresIn[i] as Figure[], d));
    }
    d.issues = unique(found);
    figuresOf.set(d, inside);
  }

  const kept = capClaims(drafts, options.maxClaims ?? MAX_ARTICLE_CLAIMS);
  const claims = kept
    .map((d) => finishClaim(original, cleaned, d, figuresOf.get(d) ?? [], book))
    .sort((a, b) => a.start - b.start || kindOrder(a.kind) - kindOrder(b.kind));

  return {
    meta: cleaned.meta,
    cleanedText: text,
    sentences: sentences.map((s, i) => {
      const [start, end] = toOriginalSpan(cleaned, s.start, s.end);
      return { start, end, paragraph: s.paragraph, heading: s.heading, issues: carried[i] as string[] };
    }),
    claims,
    claimsOmitted: drafts.length - kept.length,
    speakersLearned: book.mentioned(),
    speakers: book.handOver(),
  };
}

/** Cuts a draft longer than {@link MAX_CLAIM_CHARS} at its last word break within the limit (its quote too). */
function shorten(text: string, d: Draft): void {
  if (d.end - d.start <= MAX_CLAIM_CHARS) return;
  const limit = d.start + MAX_CLAIM_CHARS;
  const lastBreak = text.lastIndexOf(" ", limit);
  d.end = trimEnd(text, d.start, lastBreak > d.start ? lastBreak : limit);
  if (d.quote !== null && d.quote.length > MAX_CLAIM_CHARS) {
    const cut = d.quote.lastIndexOf(" ", MAX_CLAIM_CHARS);
    d.quote = d.quote.slice(0, cut > 0 ? cut : MAX_CLAIM_CHARS).trim();
  }
}

/** Spans sorted by start (a copy), for {@link within}. */
function byStart<T extends Span>(spans: readonly T[]): T[] {
  return [...spans].sort((a, b) => a.start - b.start);
}

/** The spans of `sorted` (by start) that lie inside `outer`, found by binary search: one long sentence costs no more than many short ones. */
function within<T extends Span>(sorted: readonly T[], outer: Span): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as T).start < outer.start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sorted.length && (sorted[i] as T).start < outer.end; i++) if ((sorted[i] as T).end <= outer.end) out.push(sorted[i] as T);
  return out;
}

/** Whether a span lies inside one of `spans`, answered in O(log n) after an O(n log n) sort. */
function coverage(spans: readonly Span[]): (inner: Span) => boolean {
  const sorted = byStart(spans);
  const reach: number[] = [];
  for (const span of sorted) reach.push(Math.max(reach.at(-1) ?? -Infinity, span.end));
  return (inner) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as Span).start <= inner.start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && (reach[lo - 1] as number) >= inner.end;
  };
}

function hasVerb(tokens: Tokens, s: Sentence): boolean {
  for (let t = s.tokenStart; t < s.tokenEnd; t++) if (tokens.pos[t] === "VERB") return true;
  return false;
}

/** At most `limit` drafts: direct quotes first, then reported speech, then narration, each in text order. */
function capClaims(drafts: Draft[], limit: number): Draft[] {
  if (drafts.length <= limit) return drafts;
  return [...drafts].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.start - b.start).slice(0, Math.max(0, limit));
}

function kindOrder(kind: Claim["kind"]): number {
  return kind === "quote" ? 0 : kind === "reported" ? 1 : 2;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s,;]/u.test(text[end - 1] as string)) end--;
  return end;
}

function finishClaim(original: string, cleaned: CleanedText, d: Draft, figures: readonly Figure[], book: SpeakerBook): Claim {
  const [start, end] = toOriginalSpan(cleaned, d.start, d.end);
  const claimText = original.slice(start, end);
  const speaker = d.speakerId ? book.name(d.speakerId) : null;
  const mention = d.speakerMentionStart !== null && d.speakerMentionEnd !== null ? toOriginalSpan(cleaned, d.speakerMentionStart, d.speakerMentionEnd) : null;
  const inside = figures.map((f) => {
    const [fs, fe] = toOriginalSpan(cleaned, f.start, f.end);
    return { ...f, raw: original.slice(fs, fe), start: fs, end: fe };
  });
  return {
    kind: d.kind,
    text: claimText,
    quote: d.quote,
    partial: d.partial,
    speaker,
    speakerId: d.speakerId,
    speakerKind: d.speakerKind,
    speakerMention: d.speakerMention,
    speakerMentionStart: mention?.[0] ?? null,
    speakerMentionEnd: mention?.[1] ?? null,
    attributionReason: d.attributionReason,
    verb: d.verb,
    start,
    end,
    issues: d.issues,
    figures: inside,
    confidence: d.confidence,
    method: d.method,
    fingerprint: claimFingerprint({ speaker, text: claimText }),
  };
}

/**
 * Re-applies canonical names from a later registry (one that has seen more articles) to an
 * extraction, and recomputes fingerprints, so every article of a batch names each speaker alike.
 */
export function withCanonicalSpeakers(extraction: ArticleExtraction, registry: SpeakerRegistry): ArticleExtraction {
  return {
    ...extraction,
    speakersLearned: extraction.speakersLearned.map((s) => ({ ...s, name: registry.name(s.id) ?? s.name })),
    claims: extraction.claims.map((c) => {
      const speaker = c.speakerId ? (registry.name(c.speakerId) ?? c.speaker) : null;
      return { ...c, speaker, fingerprint: claimFingerprint({ speaker, text: c.text }) };
    }),
  };
}

/**
 * Extracts several articles in order with one shared speaker registry, then names every speaker
 * by the final registry's canonical name. Unless `options.tagger` gives one, the story's issue tagger
 * is first trained on all the texts' lexicon matches and then tags each of them.
 */
export function extractArticles(
  texts: readonly string[],
  options: ExtractOptions,
): { articles: ArticleExtraction[]; speakers: SpeakerRegistry; tagger: IssueTaggerModel } {
  const lexicons = compiled(options.issues);
  const prepared = texts.map((text) => {
    const p = prepare(text);
    return { ...p, tagInput: taggerSentences(p.cleaned.text, p.split, lexicons.issues) };
  });
  const tagger =
    options.tagger ??
    trainIssueTagger(
      prepared.map((p) => p.tagInput.tagger),
      options.issues,
    );
  let registry = options.speakers ?? new SpeakerRegistry();
  const raw: ArticleExtraction[] = [];
  for (const p of prepared) {
    const result = extractPrepared(p, { issues: options.issues, speakers: registry, tagger });
    registry = result.speakers;
    raw.push(result);
  }
  return { articles: raw.map((r) => withCanonicalSpeakers(r, registry)), speakers: registry, tagger };
}
