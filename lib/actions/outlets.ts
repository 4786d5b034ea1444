"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { queueAnalysis } from "@/lib/analysis/run/job";
import { mergeOutlets, renameOutlet, setOutletDomain } from "@/lib/writes/outlets";
import { outletDomainSchema, outletMergeSchema, outletRenameSchema } from "@/lib/validations/article";

function done(message: string) {
  revalidatePath("/admin/outlets");
  revalidatePath("/articles");
  return { message };
}

/** Admins rename an outlet; briefs show the new name after the analysis this starts. */
export const renameOutletAction = defineAction({ role: "admin", schema: outletRenameSchema }, async ({ outletId, name }) => {
  await renameOutlet(db, outletId, name, { onAnalysisChange: queueAnalysis });
  return done(`Renamed to ${name}.`);
});

/** Admins set (or, blank, clear) an outlet's site address. */
export const setOutletDomainAction = defineAction(
  {
    role: "admin",
    schema: z.object({ outletId: z.string().min(1, "Choose an outlet."), domain: outletDomainSchema }),
    read: (formData) => ({ outletId: formData.get("outletId"), domain: formData.get("domain") ?? "" }),
  },
  async ({ outletId, domain }) => {
    await setOutletDomain(db, outletId, domain);
    return done(domain ? `Site address set to ${domain}.` : "Site address cleared.");
  },
);

/** Admins merge one outlet into another: its articles follow, in one transaction, and it is removed. */
export const mergeOutletsAction = defineAction({ role: "admin", schema: outletMergeSchema }, async ({ outletId, intoId }, caller) => {
  const moved = await mergeOutlets(db, caller.id, outletId, intoId, { onAnalysisChange: queueAnalysis });
  return done(`Merged: ${moved} ${moved === 1 ? "article" : "articles"} moved.`);
});
