"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentPublicOrigin } from "@/lib/api/public-origin";
import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createShareLink, restoreShareLink, revokeShareLink, shareUrl } from "@/lib/writes/share-links";
import { createShareLinkSchema, shareFormInput } from "@/lib/validations/share-links";

/** Creates a share link (editors and admins; viewers are refused here, whatever the page showed). */
export const createShareLinkAction = defineAction(
  { role: "editor", schema: createShareLinkSchema, read: shareFormInput },
  async (input, user): Promise<{ message: string; data: { url: string; expiresAt: string | null } }> => {
    const created = await createShareLink(db, user, input);
    revalidatePath("/shares");
    return {
      message: "Link created. Copy it now: it is not shown again.",
      data: { url: shareUrl(await currentPublicOrigin(), created.token), expiresAt: created.expiresAt?.toISOString() ?? null },
    };
  },
);

const LINK_ID = (missing: string) => z.string().trim().min(1, missing).max(200);

/** Revokes a share link: the caller's own, or any for an admin. The link stops working at once. */
export const revokeShareLinkAction = defineAction({ role: "viewer", schema: z.object({ id: LINK_ID("Name the link to revoke.") }) }, async ({ id }, user) => {
  if (!(await revokeShareLink(db, user, id))) throw new AppError("not_found", "No such link of yours; it may have been deleted with its issue or claim.");
  revalidatePath("/shares");
  return { message: "Link revoked." };
});

/** Undoes a revocation made moments ago ("Revoked — Undo"): the link works again at once. */
export const restoreShareLinkAction = defineAction({ role: "viewer", schema: z.object({ id: LINK_ID("Name the link to restore.") }) }, async ({ id }, user) => {
  if (!(await restoreShareLink(db, user, id))) {
    throw new AppError("conflict", "Too late to undo: the link was revoked over a minute ago. Make a new link instead.");
  }
  revalidatePath("/shares");
  return { message: "Link restored." };
});
