import "server-only";
import { cache } from "react";
import { countScope, scopeParts } from "@/lib/analysis/counts";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export type SpeakerChoice = { id: string; slug: string; name: string };

/** How many speakers a filter suggests at once: a corpus of a year has thousands, a form lists a few. */
export const SPEAKER_SUGGESTIONS = 30;

/** The speaker a filter value names: its slug (links from the briefs), its id (the API), or its name in any case (typed into the form); null when none does. */
export const findSpeaker = cache(async (value: string): Promise<SpeakerChoice | null> => {
  // lower() = lower(), not Prisma's case-insensitive `equals` (an ILIKE, where a typed "%" would match anyone).
  const rows = await db.$queryRaw<SpeakerChoice[]>`
    SELECT id, slug, name FROM "Speaker"
    WHERE slug = ${value} OR id = ${value} OR lower(name) = lower(${value})
    ORDER BY slug = ${value} DESC, id = ${value} DESC, slug
    LIMIT 1`;
  return rows[0] ?? null;
});

/** `%`, `_` and `\` stand for themselves in an ILIKE pattern built from what someone typed. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Speakers for a filter's suggestions, most claims first as the stored analysis counts them (its
 * per-speaker counts: one indexed read, never a count over the claims), then by name; speakers the
 * analysis has not counted yet come after. With `query`, only speakers whose name contains it (any case).
 */
export async function suggestSpeakers(query = "", limit = SPEAKER_SUGGESTIONS): Promise<SpeakerChoice[]> {
  const { kind, issue, source } = scopeParts(countScope.speakers);
  const text = query.trim();
  const match = text ? Prisma.sql`WHERE s.name ILIKE ${likePattern(text)}` : Prisma.empty;
  return db.$queryRaw<SpeakerChoice[]>`
    SELECT s.id, s.slug, s.name
    FROM "Speaker" s
    LEFT JOIN "AnalysisCount" c ON c.scope = ${kind} AND c.issue = ${issue} AND c.source = ${source} AND c.key = s.id
    ${match}
    ORDER BY c.value DESC NULLS LAST, s.name, s.slug
    LIMIT ${Math.min(Math.max(Math.trunc(limit), 1), 100)}`;
}
