"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentPublicOrigin } from "@/lib/api/public-origin";
import { authorizeAction } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createShareLink, restoreShareLink, revokeShareLink, shareUrl, ShareTargetNotFoundError } from "@/lib/services/share-links";
import { createShareLinkSchema, shareFormInput } from "@/lib/validations/share-links";

export type ShareLinkState = { status?: "ok" | "error"; message?: string; url?: string; expiresAt?: string | null };

/** Creates a share link (editors and admins; viewers are refused here, whatever the page showed). */
export async function createShareLinkAction(_previous: ShareLinkState, formData: FormData): Promise<ShareLinkState> {
  const caller = await authorizeAction("editor");
  if (!caller.user) return { status: "error", message: caller.denied };
  const user = caller.user;
  const parsed = createShareLinkSchema.safeParse(shareFormInput(formData));
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message ?? "Choose what to share and for how long." };
  let created;
  try {
    created = await createShareLink(db, user, parsed.data);
  } catch (error) {
    if (error instanceof ShareTargetNotFoundError) return { status: "error", message: error.message };
    throw error;
  }
  revalidatePath("/shares");
  return { status: "ok", message: "Link created. Copy it now: it is not shown again.", url: shareUrl(await currentPublicOrigin(), created.token), expiresAt: created.expiresAt?.toISOString() ?? null };
}

const LINK_ID = z.string().trim().min(1).max(200);

/** Revokes a share link: the caller's own, or any for an admin. The link stops working at once. */
export async function revokeShareLinkAction(_previous: ShareLinkState, formData: FormData): Promise<ShareLinkState> {
  const caller = await authorizeAction("viewer");
  if (!caller.user) return { status: "error", message: caller.denied };
  const user = caller.user;
  const id = LINK_ID.safeParse(formData.get("id"));
  if (!id.success) return { status: "error", message: "Name the link to revoke." };
  const isRevoked = await revokeShareLink(db, user, id.data);
  if (!isRevoked) return { status: "error", message: "No such link of yours; it may have been deleted with its issue or claim." };
  revalidatePath("/shares");
  return { status: "ok", message: "Link revoked." };
}

/** Undoes a revocation made moments ago ("Revoked — Undo"): the link works again at once. */
export async function restoreShareLinkAction(_previous: ShareLinkState, formData: FormData): Promise<ShareLinkState> {
  const caller = await authorizeAction("viewer");
  if (!caller.user) return { status: "error", message: caller.denied };
  const id = LINK_ID.safeParse(formData.get("id"));
  if (!id.success) return { status: "error", message: "Name the link to restore." };
  const isRestored = await restoreShareLink(db, caller.user, id.data);
  if (!isRestored) return { status: "error", message: "Too late to undo: the link was revoked over a minute ago. Make a new link instead." };
  revalidatePath("/shares");
  return { status: "ok", message: "Link restored." };
}
