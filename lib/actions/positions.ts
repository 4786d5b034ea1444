"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { dismissContrast } from "@/lib/writes/contrasts";
import { dismissContrastSchema } from "@/lib/validations/positions";

/** Dismisses a pair of contrasting positions on an issue. Editors only. */
export const dismissContrastAction = defineAction({ role: "editor", schema: dismissContrastSchema }, async (input, caller) => {
  const { issueSlug } = await dismissContrast(db, caller.id, input);
  revalidatePath(`/issues/${issueSlug}`);
  revalidatePath("/");
  return { message: "Pair dismissed." };
});
