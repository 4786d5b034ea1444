/**
 * The framing of one issue by one source, from counts the database aggregated and the source's claims
 * on the issue. Pure: the service gathers the inputs, this turns them into the stored measures.
 */
import { countAttribution, summarizeFraming, type DistinctiveTerm, type HedgeCount, type VerbCount } from "@/lib/nlp/framing";
import type { ClaimKind } from "@/lib/nlp/types";
import { weightOf, type AnalysisFigure } from "./clusters";
import { describedVerbs, type DescribedVerb } from "./framing-words";
import { formatFigure } from "./similarity";
import type { Source } from "./sources";

export type FramingClaim = {
  id: string;
  kind: ClaimKind;
  speaker: string | null;
  verb: string | null;
  text: string;
  figures: readonly AnalysisFigure[];
  /** The claims it stands for when copies were read folded into one (`AnalysisClaim.copies`): each counts. */
  copies?: readonly string[];
};

/** The claims for {@link countAttribution}, each counted as many times as it has copies. */
function attributionInput(claims: readonly FramingClaim[]) {
  return claims.map((claim) => ({ verb: claim.verb, text: claim.text, copies: weightOf(claim) }));
}

export type FramingInput = {
  source: Source;
  /** Articles of the source that touch the issue, and all its articles. */
  articleCount: number;
  sourceArticleCount: number;
  /** Characters and sentences of the source's text on the issue, and in all. */
  issueChars: number;
  totalChars: number;
  issueSentences: number;
  totalSentences: number;
  /** Per article touching the issue: the 0-based paragraph where it first comes up. */
  firstParagraphs: readonly number[];
  /** The source's claims on the issue. */
  claims: readonly FramingClaim[];
  terms: DistinctiveTerm[];
};

export type Voice = { speaker: string; quote: number; reported: number; total: number };

export type CitedFigure = { value: string; raw: string; about: string | null; speaker: string | null; claimId: string };

/** Stored per issue × source in `FramingAggregate.measures`; the API's framing entries carry these. */
export type FramingMeasures = {
  source: { key: string; kind: Source["kind"]; name: string; articleId: string | null };
  articleCount: number;
  sourceArticleCount: number;
  coverage: { share: number; issueChars: number; totalChars: number; issueSentences: number; totalSentences: number };
  claimCount: number;
  kinds: Record<ClaimKind, number>;
  prominence: {
    /** Median over the source's articles of the 0-based paragraph where the issue first comes up. */
    firstParagraph: number | null;
    /** Share of those articles that raise it in their first paragraph. */
    leadShare: number;
  };
  voices: Voice[];
  dominantVoice: { speaker: string; count: number; share: number } | null;
  verbs: VerbCount[];
  hedges: HedgeCount[];
  terms: DistinctiveTerm[];
  figures: CitedFigure[];
  summary: string;
  /** How the source tells the issue in plain words (`describeFraming` in framing-words.ts); absent from aggregates stored before it existed. */
  description?: string;
  /** Actors other sources carry on the issue that this one does not quote. */
  absent?: { id: string; name: string; carriedBy: number }[];
};

const MAX_VOICES = 12;
const MAX_FIGURES = 12;
const MAX_VERBS = 10;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * The measures of how a source frames an issue: coverage share (characters of its sentences on the
 * issue over all its sentences' characters), claims by kind, prominence, voices (speakers of its quotes
 * and reported speech), attribution verbs and hedges, distinctive terms (given), figures cited, and the
 * summary line built from them.
 */
export function buildFramingMeasures(input: FramingInput): FramingMeasures {
  const kinds: Record<ClaimKind, number> = { quote: 0, reported: 0, narration: 0 };
  const voices = new Map<string, Voice>();
  let voicedCount = 0;
  let claimCount = 0;
  for (const claim of input.claims) {
    const copies = weightOf(claim);
    claimCount += copies;
    kinds[claim.kind] += copies;
    if (claim.kind === "narration") continue;
    voicedCount += copies;
    if (!claim.speaker) continue;
    const voice = voices.get(claim.speaker) ?? { speaker: claim.speaker, quote: 0, reported: 0, total: 0 };
    voice[claim.kind] += copies;
    voice.total += copies;
    voices.set(claim.speaker, voice);
  }
  const rankedVoices = [...voices.values()].sort((a, b) => b.total - a.total || b.quote - a.quote || a.speaker.localeCompare(b.speaker));
  const top = rankedVoices[0];
  const dominantVoice = top ? { speaker: top.speaker, count: top.total, share: top.total / voicedCount } : null;

  const attribution = countAttribution(attributionInput(input.claims));
  const figures = new Map<string, CitedFigure>();
  for (const claim of input.claims) {
    for (const figure of claim.figures) {
      const value = formatFigure(figure.value, figure.unit);
      const key = `${value}|${figure.about?.toLowerCase() ?? ""}`;
      if (!figures.has(key)) figures.set(key, { value, raw: figure.raw, about: figure.about, speaker: claim.speaker, claimId: claim.id });
    }
  }

  const share = input.totalChars > 0 ? input.issueChars / input.totalChars : 0;
  const firstParagraph = median(input.firstParagraphs);
  const leadShare = input.firstParagraphs.length > 0 ? input.firstParagraphs.filter((paragraph) => paragraph === 0).length / input.firstParagraphs.length : 0;
  const summary = summarize({
    share,
    claimCount,
    voicedCount,
    dominantVoice,
    firstParagraph,
    verbs: attribution.verbs,
    hedges: attribution.hedges,
  });
  return {
    source: { key: input.source.key, kind: input.source.kind, name: input.source.name, articleId: input.source.articleId },
    articleCount: input.articleCount,
    sourceArticleCount: input.sourceArticleCount,
    coverage: { share, issueChars: input.issueChars, totalChars: input.totalChars, issueSentences: input.issueSentences, totalSentences: input.totalSentences },
    claimCount,
    kinds,
    prominence: { firstParagraph, leadShare },
    voices: rankedVoices.slice(0, MAX_VOICES),
    dominantVoice,
    verbs: attribution.verbs.slice(0, MAX_VERBS),
    hedges: attribution.hedges,
    terms: input.terms,
    figures: [...figures.values()].slice(0, MAX_FIGURES),
    summary,
  };
}

function summarize(input: {
  share: number;
  claimCount: number;
  voicedCount: number;
  dominantVoice: FramingMeasures["dominantVoice"];
  firstParagraph: number | null;
  verbs: VerbCount[];
  hedges: HedgeCount[];
}): string {
  return summarizeFraming({
    coverageShare: input.share,
    claimCount: input.claimCount,
    voicedCount: input.voicedCount,
    dominantVoice: input.dominantVoice && { speaker: input.dominantVoice.speaker, count: input.dominantVoice.count },
    firstParagraph: input.firstParagraph,
    verbs: input.verbs,
    hedges: input.hedges,
  });
}

/** What a later run needs to restate measures for new source totals without the claims: the loaded verbs the summary names. */
export type FramingDetail = { verbs: VerbCount[]; described: DescribedVerb[] };

/** The {@link FramingDetail} of measures built from `claims` (as given to {@link buildFramingMeasures}). */
export function framingDetail(claims: readonly FramingClaim[]): FramingDetail {
  return {
    verbs: countAttribution(attributionInput(claims))
      .verbs.filter((verb) => verb.tone !== "neutral")
      .slice(0, 2),
    described: describedVerbs(claims),
  };
}

/**
 * The measures again after the source's totals changed (an article of it added, changed or removed that
 * does not touch this issue): the same as {@link buildFramingMeasures} with the new totals, from the stored
 * measures and {@link framingDetail} alone.
 */
export function withSourceTotals(
  measures: FramingMeasures,
  detail: FramingDetail,
  totals: { sourceArticleCount: number; totalChars: number; totalSentences: number },
): FramingMeasures {
  const share = totals.totalChars > 0 ? measures.coverage.issueChars / totals.totalChars : 0;
  return {
    ...measures,
    sourceArticleCount: totals.sourceArticleCount,
    coverage: { ...measures.coverage, share, totalChars: totals.totalChars, totalSentences: totals.totalSentences },
    summary: summarize({
      share,
      claimCount: measures.claimCount,
      voicedCount: measures.kinds.quote + measures.kinds.reported,
      dominantVoice: measures.dominantVoice,
      firstParagraph: measures.prominence.firstParagraph,
      verbs: detail.verbs,
      hedges: measures.hedges,
    }),
  };
}
