import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

/** A piece of an article's text, marked as the claim, the speaker's mention, or plain. */
export type ContextPiece = { text: string; mark: "claim" | "mention" | null };

/** What the claim page needs to let a reader check who the pipeline credited, and why. */
export type AttributionContext = {
  speaker: string | null;
  mention: string | null;
  reason: string | null;
  /** The paragraph before the claim's and the claim's own, each cut into marked pieces. */
  paragraphs: ContextPiece[][];
  /** The mention lies outside the shown paragraphs (an earlier quote's tag, for instance). */
  mentionElsewhere: boolean;
};

function pieces(text: string, from: number, to: number, marks: { start: number; end: number; mark: "claim" | "mention" }[]): ContextPiece[] {
  const cuts = new Set([from, to]);
  for (const m of marks) for (const at of [m.start, m.end]) if (at > from && at < to) cuts.add(at);
  const points = [...cuts].sort((a, b) => a - b);
  const out: ContextPiece[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k] as number;
    const end = points[k + 1] as number;
    const mention = marks.find((m) => m.mark === "mention" && m.start <= start && m.end >= end);
    const claim = marks.find((m) => m.mark === "claim" && m.start <= start && m.end >= end);
    out.push({ text: text.slice(start, end), mark: mention ? "mention" : claim ? "claim" : null });
  }
  return out;
}

/**
 * The claim in its paragraph and the paragraph before, with the claim's span and the mention its
 * speaker was resolved from marked, plus the pipeline's reason code. Offsets are the pipeline's,
 * into the article's original text.
 */
export const getAttributionContext = cache(async (claimId: string): Promise<AttributionContext | null> => {
  const row = await db.claim.findUnique({
    where: { id: claimId },
    select: {
      start: true,
      end: true,
      speakerText: true,
      speakerMentionStart: true,
      speakerMentionEnd: true,
      attributionReason: true,
      speaker: { select: { name: true } },
      article: { select: { originalText: true, sentences: { select: { start: true, end: true, paragraph: true }, orderBy: { index: "asc" } } } },
    },
  });
  if (!row) return null;
  const { originalText: text, sentences } = row.article;
  const own = sentences.find((s) => s.start <= row.start && s.end > row.start)?.paragraph ?? null;
  const span = (paragraph: number) => {
    const inside = sentences.filter((s) => s.paragraph === paragraph);
    return inside.length ? { start: Math.min(...inside.map((s) => s.start)), end: Math.max(...inside.map((s) => s.end)) } : null;
  };
  const shown = own === null ? [] : [span(own - 1), span(own)].filter((s): s is { start: number; end: number } => s !== null);
  if (shown.length === 0) shown.push({ start: row.start, end: row.end });
  const marks: { start: number; end: number; mark: "claim" | "mention" }[] = [{ start: row.start, end: row.end, mark: "claim" }];
  const hasMention = row.speakerMentionStart !== null && row.speakerMentionEnd !== null;
  if (hasMention) marks.push({ start: row.speakerMentionStart as number, end: row.speakerMentionEnd as number, mark: "mention" });
  const mentionShown = hasMention && shown.some((s) => (row.speakerMentionStart as number) >= s.start && (row.speakerMentionEnd as number) <= s.end);
  return {
    speaker: row.speaker?.name ?? null,
    mention: hasMention ? text.slice(row.speakerMentionStart as number, row.speakerMentionEnd as number) : row.speakerText,
    reason: row.attributionReason,
    paragraphs: shown.map((s) => pieces(text, s.start, s.end, marks)),
    mentionElsewhere: hasMention && !mentionShown,
  };
});
