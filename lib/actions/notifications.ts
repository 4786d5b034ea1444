"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db";

/** Marks the caller's notifications read (all of them, or the one named `id`). */
export const markNotificationsReadAction = defineAction({ role: "viewer", schema: z.object({ id: z.string().max(200).optional() }) }, async ({ id }, user) => {
  await db.notification.updateMany({ where: { userId: user.id, readAt: null, ...(id ? { id } : {}) }, data: { readAt: new Date() } });
  revalidatePath("/", "layout");
  return { message: "Marked as read." };
});
