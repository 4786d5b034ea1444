import { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimKind } from "@/lib/generated/prisma/enums";

/*
 * A claim's speaker and kind are the pipeline's unless an editor corrected them: corrections are an
 * overlay in `Claim.corrections` that re-derivation keeps. Lists, filters and briefs go by what the claim
 * is now, the corrected value where there is one, never the value it was corrected from.
 */

/** Claims whose speaker, after any correction, is `speakerId`. */
export function speakerIs(speakerId: string): Prisma.ClaimWhereInput {
  return { OR: [{ corrections: { path: ["speakerId"], equals: speakerId } }, { speakerId, corrections: { path: ["speakerId"], equals: Prisma.AnyNull } }] };
}

/** Claims whose kind, after any correction, is `kind`. */
export function kindIs(kind: ClaimKind): Prisma.ClaimWhereInput {
  return { OR: [{ corrections: { path: ["kind"], equals: kind } }, { kind, corrections: { path: ["kind"], equals: Prisma.AnyNull } }] };
}

/** The speaker id of claim `c` after any correction, in SQL. */
export const CORRECTED_SPEAKER_ID = Prisma.sql`coalesce(c.corrections->>'speakerId', c."speakerId")`;

/** The kind of claim `c` after any correction, in SQL (as text). */
export const CORRECTED_KIND = Prisma.sql`coalesce(c.corrections->>'kind', c.kind::text)`;
