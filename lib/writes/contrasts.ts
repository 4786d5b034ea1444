import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { DismissContrastInput } from "@/lib/validations/positions";

export class ContrastNotFoundError extends AppError {
  constructor(message: string) {
    super("not_found", message);
  }
}

/**
 * Records that an editor dismissed a pair of contrasting positions. Stored by the two claims'
 * fingerprints (sorted), not their ids, so the pair stays dismissed when the claims are derived again and
 * the analysis pairs them anew. Dismissing twice is one dismissal. Throws {@link ContrastNotFoundError}
 * naming what is missing when the issue or a claim does not exist.
 */
export async function dismissContrast(db: Db, userId: string, input: DismissContrastInput): Promise<{ issueSlug: string }> {
  const [issue, claims] = await Promise.all([
    db.issue.findUnique({ where: { slug: input.issue }, select: { id: true, slug: true } }),
    db.claim.findMany({ where: { id: { in: [input.a, input.b] } }, select: { id: true, fingerprint: true } }),
  ]);
  if (!issue) throw new ContrastNotFoundError(`No issue has the slug “${input.issue}”.`);
  const fingerprintOf = new Map(claims.map((claim) => [claim.id, claim.fingerprint]));
  const missing = [input.a, input.b].filter((id) => !fingerprintOf.has(id));
  if (missing.length > 0)
    throw new ContrastNotFoundError(`No claim has the id ${missing.map((id) => `“${id}”`).join(" or ")}; reload the issue page and try again.`);
  const [aFingerprint, bFingerprint] = [fingerprintOf.get(input.a)!, fingerprintOf.get(input.b)!].sort();
  await db.contrastDismissal.createMany({
    data: [{ issueId: issue.id, aFingerprint: aFingerprint!, bFingerprint: bFingerprint!, dismissedById: userId }],
    skipDuplicates: true,
  });
  return { issueSlug: issue.slug };
}
