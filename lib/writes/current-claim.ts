import type { ClaimKind } from "@/lib/generated/prisma/enums";

/** Editors' corrections of the pipeline's output, as stored in `Claim.corrections`. */
export type Corrections = { speakerId?: string; kind?: ClaimKind; issues?: string[]; start?: number; end?: number };

/** The pipeline's output for a claim, as kept in `Claim.pipeline*`. */
export type PipelineClaim = { kind: ClaimKind; start: number; end: number; text: string; quote: string | null; speakerId: string | null };

/** The claim as it is now, as stored in Claim's own columns (what every reader reads). */
export type CurrentClaim = PipelineClaim;

/** Reads `Claim.corrections` (JSON) into its known fields; anything else is ignored. */
export function readCorrections(value: unknown): Corrections {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const raw = value as Record<string, unknown>;
  const out: Corrections = {};
  if (typeof raw.speakerId === "string") out.speakerId = raw.speakerId;
  if (raw.kind === "quote" || raw.kind === "reported" || raw.kind === "narration") out.kind = raw.kind;
  if (Array.isArray(raw.issues)) out.issues = raw.issues.filter((slug): slug is string => typeof slug === "string");
  if (typeof raw.start === "number") out.start = raw.start;
  if (typeof raw.end === "number") out.end = raw.end;
  return out;
}

const QUOTED = /[“"«]([\s\S]*)[”"»]/;

/** The words a quote claim quotes: those between the outer quotation marks of its span, or the whole span. */
export function quotedWords(text: string): string {
  return (QUOTED.exec(text)?.[1] ?? text).trim();
}

/**
 * The claim as it is now: the pipeline's output with an editor's corrections applied. The text is the
 * article's text at the (corrected) span; a quote's words are the pipeline's unless the span or kind was
 * corrected, then the words between the span's quotation marks. The migration that introduced the
 * current columns backfills them with the same rule in SQL. The one place a corrected claim is computed:
 * the review write and re-derivation store its result, readers only read the columns.
 * @param articleText the article's `originalText`, which the offsets index (UTF-16 code units).
 */
export function currentClaim(pipeline: PipelineClaim, corrections: Corrections, articleText: string): CurrentClaim {
  const kind = corrections.kind ?? pipeline.kind;
  const start = Math.min(corrections.start ?? pipeline.start, articleText.length);
  const end = Math.min(Math.max(corrections.end ?? pipeline.end, start), articleText.length);
  const spanChanged = start !== pipeline.start || end !== pipeline.end;
  const text = spanChanged ? articleText.slice(start, end) : pipeline.text;
  const quote = kind !== "quote" ? null : !spanChanged && pipeline.kind === "quote" && pipeline.quote !== null ? pipeline.quote : quotedWords(text);
  return { kind, start, end, text, quote, speakerId: corrections.speakerId ?? pipeline.speakerId };
}

/** The stored `pipeline*` columns of a claim as a PipelineClaim. */
export function pipelineOf(row: {
  pipelineKind: ClaimKind;
  pipelineStart: number;
  pipelineEnd: number;
  pipelineText: string;
  pipelineQuote: string | null;
  pipelineSpeakerId: string | null;
}): PipelineClaim {
  return {
    kind: row.pipelineKind,
    start: row.pipelineStart,
    end: row.pipelineEnd,
    text: row.pipelineText,
    quote: row.pipelineQuote,
    speakerId: row.pipelineSpeakerId,
  };
}

/** Select for `pipelineOf`. */
export const PIPELINE_SELECT = {
  pipelineKind: true,
  pipelineStart: true,
  pipelineEnd: true,
  pipelineText: true,
  pipelineQuote: true,
  pipelineSpeakerId: true,
} as const;
