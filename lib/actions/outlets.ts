"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { analyzeAfterResponse } from "@/lib/server/analysis-job";
import { mergeOutlets, OutletChangeError, renameOutlet, setOutletDomain } from "@/lib/services/outlets";
import { outletDomainSchema, outletMergeSchema, outletRenameSchema } from "@/lib/validations/article";

export type OutletFormState = { status?: "ok" | "error"; message?: string; savedAt?: number };

function refused(error: unknown): OutletFormState {
  if (error instanceof OutletChangeError) return { status: "error", message: error.message };
  throw error;
}

function done(message: string): OutletFormState {
  revalidatePath("/admin/outlets");
  revalidatePath("/articles");
  return { status: "ok", message, savedAt: Date.now() };
}

/** Admins rename an outlet; briefs show the new name after the analysis this starts. */
export async function renameOutletAction(_previous: OutletFormState, formData: FormData): Promise<OutletFormState> {
  const caller = await authorizeAction("admin");
  if (!caller.user) return { status: "error", message: caller.denied };
  const parsed = outletRenameSchema.safeParse({ outletId: formData.get("outletId"), name: formData.get("name") });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message };
  try {
    await renameOutlet(db, parsed.data.outletId, parsed.data.name, { onAnalysisChange: analyzeAfterResponse });
  } catch (error) {
    return refused(error);
  }
  return done(`Renamed to ${parsed.data.name}.`);
}

/** Admins set (or, blank, clear) an outlet's site address. */
export async function setOutletDomainAction(_previous: OutletFormState, formData: FormData): Promise<OutletFormState> {
  const caller = await authorizeAction("admin");
  if (!caller.user) return { status: "error", message: caller.denied };
  const parsed = z.object({ outletId: z.string().min(1, "Choose an outlet."), domain: outletDomainSchema }).safeParse({ outletId: formData.get("outletId"), domain: formData.get("domain") ?? "" });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message };
  try {
    await setOutletDomain(db, parsed.data.outletId, parsed.data.domain);
  } catch (error) {
    return refused(error);
  }
  return done(parsed.data.domain ? `Site address set to ${parsed.data.domain}.` : "Site address cleared.");
}

/** Admins merge one outlet into another: its articles follow, in one transaction, and it is removed. */
export async function mergeOutletsAction(_previous: OutletFormState, formData: FormData): Promise<OutletFormState> {
  const caller = await authorizeAction("admin");
  if (!caller.user) return { status: "error", message: caller.denied };
  const parsed = outletMergeSchema.safeParse({ outletId: formData.get("outletId"), intoId: formData.get("intoId") });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message };
  let moved: number;
  try {
    moved = await mergeOutlets(db, caller.user.id, parsed.data.outletId, parsed.data.intoId, { onAnalysisChange: analyzeAfterResponse });
  } catch (error) {
    return refused(error);
  }
  return done(`Merged: ${moved} ${moved === 1 ? "article" : "articles"} moved.`);
}
