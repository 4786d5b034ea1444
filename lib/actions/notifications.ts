"use server";

import { revalidatePath } from "next/cache";
import { authorizeAction } from "@/lib/auth/session";
import { db } from "@/lib/db";

export type NotificationState = { status?: "ok" | "error"; message?: string };

/** Marks the caller's notifications read (all of them, or the one named `id`). */
export async function markNotificationsReadAction(_previous: NotificationState, formData: FormData): Promise<NotificationState> {
  const caller = await authorizeAction("viewer");
  if (!caller.user) return { status: "error", message: caller.denied };
  const user = caller.user;
  const id = formData.get("id");
  await db.notification.updateMany({
    where: { userId: user.id, readAt: null, ...(typeof id === "string" && id ? { id } : {}) },
    data: { readAt: new Date() },
  });
  revalidatePath("/", "layout");
  return { status: "ok", message: "Marked as read." };
}
