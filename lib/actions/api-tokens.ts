"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createApiToken, revokeApiToken } from "@/lib/writes/api-tokens";
import { readableText } from "@/lib/validations/text";

const tokenSchema = z.object({
  name: readableText(z.string().trim().min(1, "Name the token after what will use it, e.g. “CMS importer”.").max(100), "The name"),
  userId: z.string().min(1, "Choose whose role the token acts with."),
});

/** Admins create tokens for other newsroom tools; the token is shown once. */
export const createApiTokenAction = defineAction({ role: "admin", schema: tokenSchema, keep: ["name"] }, async ({ name, userId }) => {
  const owner = await db.user.findUnique({ where: { id: userId }, select: { isActive: true } });
  if (!owner?.isActive) throw new AppError("not_found", "That user does not exist or is deactivated.", { field: "userId" });
  const created = await createApiToken(db, userId, name);
  revalidatePath("/admin/tokens");
  return { data: { token: created.token, name: created.name } };
});

/** Admins revoke a token; it stops working at once. */
export const revokeApiTokenAction = defineAction(
  { role: "admin", schema: z.object({ id: z.string().min(1, "Name the token to revoke.") }) },
  async ({ id }) => {
    await revokeApiToken(db, id);
    revalidatePath("/admin/tokens");
    return { message: "Token revoked." };
  },
);
