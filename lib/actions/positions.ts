"use server";

import { revalidatePath } from "next/cache";
import { authorizeAction } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ContrastNotFoundError, dismissContrast } from "@/lib/services/contrasts";
import { dismissContrastSchema } from "@/lib/validations/positions";

export type DismissContrastState = { status?: "ok" | "error"; message?: string };

/** Dismisses a pair of contrasting positions on an issue. Editors only. */
export async function dismissContrastAction(_previous: DismissContrastState, formData: FormData): Promise<DismissContrastState> {
  const caller = await authorizeAction("editor");
  if (!caller.user) return { status: "error", message: caller.denied };
  const parsed = dismissContrastSchema.safeParse({ issue: formData.get("issue") ?? undefined, a: formData.get("a") ?? undefined, b: formData.get("b") ?? undefined });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message };
  let issueSlug: string;
  try {
    ({ issueSlug } = await dismissContrast(db, caller.user.id, parsed.data));
  } catch (error) {
    if (error instanceof ContrastNotFoundError) return { status: "error", message: error.message };
    throw error;
  }
  revalidatePath(`/issues/${issueSlug}`);
  revalidatePath("/");
  return { status: "ok", message: "Pair dismissed." };
}
