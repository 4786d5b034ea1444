"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction, requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createApiToken, revokeApiToken } from "@/lib/services/api-tokens";

export type TokenState = { token?: string; name?: string; message?: string };

const tokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token after what will use it, e.g. “CMS importer”.").max(100),
  userId: z.string().min(1, "Choose whose role the token acts with."),
});

/** Admins create tokens for other newsroom tools; the token is shown once. */
export async function createApiTokenAction(_previous: TokenState, formData: FormData): Promise<TokenState> {
  const caller = await authorizeAction("admin");
  if (!caller.user) return { message: caller.denied };
  const parsed = tokenSchema.safeParse({ name: formData.get("name"), userId: formData.get("userId") });
  if (!parsed.success) return { message: parsed.error.issues[0]?.message };
  const owner = await db.user.findUnique({ where: { id: parsed.data.userId }, select: { isActive: true } });
  if (!owner?.isActive) return { message: "That user does not exist or is deactivated." };
  const created = await createApiToken(db, parsed.data.userId, parsed.data.name);
  revalidatePath("/admin/tokens");
  return { token: created.token, name: created.name };
}

export async function revokeApiTokenAction(formData: FormData): Promise<void> {
  await requireUser("admin");
  const id = z.string().min(1).parse(formData.get("id"));
  await revokeApiToken(db, id);
  revalidatePath("/admin/tokens");
}
