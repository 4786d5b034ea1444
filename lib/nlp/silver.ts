import { attributeQuotes, resolveMentions, type AttributionInput } from "./attribution";
import { cleanText } from "./clean";
import { findMentions, type Mention } from "./mentions";
import { findQuotes } from "./quotes";
import { PRIOR, type RankExample } from "./ranker";
import { findSpeechVerbs } from "./reported";
import { splitSentences } from "./sentences";
import { SpeakerBook, type SpeakerRegistry } from "./speakers";

/** The sieve's near-certain stages: a speech tag next to the quote, or "Name said that …". */
const NEAR_CERTAIN = /^(?:tag:(?:after-quote|after-quote-inverted|before-quote)|reported:(?:adjacent|tag))$/u;

/**
 * Silver training examples for the mention ranker from one article: every person name that the
 * sieve reads as a speaker in a near-certain stage, with the candidates it would have had as a
 * pronoun (read with the prior weights, so the labels depend only on the text) and which of them
 * the name names. Articles share a registry so that a person keeps one identity across them.
 */
export function silverExamples(original: string, registry: SpeakerRegistry): { examples: RankExample[]; registry: SpeakerRegistry } {
  const text = cleanText(original).text;
  const { paragraphs, sentences, tokens } = splitSentences(text);
  const quotes = findQuotes(text, paragraphs);
  const mentions = findMentions(text, sentences, tokens, quotes);
  const verbs = findSpeechVerbs(sentences, tokens, quotes);
  const input: AttributionInput = { text, paragraphs, sentences, quotes, mentions, verbs, tokens };
  const book = new SpeakerBook(registry.data);
  const collected = new Map<Mention, RankExample>();
  const resolutions = resolveMentions(input, book, { weights: PRIOR, silver: (m, example) => collected.set(m, example) });
  const { quotes: attributed, frames } = attributeQuotes(input, resolutions, book);
  const examples: RankExample[] = [];
  const seen = new Set<Mention>();
  for (const a of [...attributed, ...frames]) {
    if (!a.mention || a.mention.type !== "name" || !NEAR_CERTAIN.test(a.method) || a.confidence < 0.8 || seen.has(a.mention)) continue;
    seen.add(a.mention);
    const example = collected.get(a.mention);
    if (example) examples.push(example);
  }
  return { examples, registry: book.snapshot() };
}
