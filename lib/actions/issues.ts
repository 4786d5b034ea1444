"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requestAnalysis, requestRetag } from "@/lib/analysis/run/job";
import { slugify } from "@/lib/text/slug";
import { issueInputSchema, RESERVED_SLUGS } from "@/lib/validations/issue";

export type IssueFormField = "slug" | "title" | "description" | "phrases" | "exclusions" | "status";
const FIELDS: readonly IssueFormField[] = ["slug", "title", "description", "phrases", "exclusions", "status"];
const CHECK_FIELDS = "Check the highlighted fields.";

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/**
 * Creates an issue (no `originalSlug`) or updates the one at `originalSlug`. Admins only. A new issue,
 * or a changed lexicon, re-tags the stored articles for that issue; a status change refreshes the
 * analysis. Then opens the issue. A refused form keeps what the admin typed (`values`).
 */
export const saveIssue = defineAction(
  {
    role: "admin",
    schema: issueInputSchema.extend({ originalSlug: z.string() }),
    read: (formData) => {
      const text = (name: string) => {
        const value = formData.get(name);
        return typeof value === "string" ? value : undefined;
      };
      return {
        ...Object.fromEntries(FIELDS.map((field) => [field, text(field)])),
        description: text("description") ?? "",
        phrases: text("phrases") ?? "",
        exclusions: text("exclusions") ?? "",
        originalSlug: text("originalSlug") ?? "",
      };
    },
    keep: FIELDS,
    refusal: CHECK_FIELDS,
  },
  async ({ originalSlug, slug: chosenSlug, ...fields }) => {
    let slug: string;
    if (originalSlug) {
      const existing = await db.issue.findUnique({ where: { slug: originalSlug }, select: { phrases: true, exclusions: true, status: true } });
      if (!existing) throw new AppError("not_found", "This issue no longer exists; it may have been deleted.");
      slug = originalSlug;
      await db.issue.update({ where: { slug }, data: fields });
      if (!sameList(existing.phrases, fields.phrases) || !sameList(existing.exclusions, fields.exclusions)) await requestRetag([slug]);
      else if (existing.status !== fields.status) await requestAnalysis({ kind: "full" });
    } else {
      slug = chosenSlug || slugify(fields.title);
      if (RESERVED_SLUGS.has(slug) || (await db.issue.findUnique({ where: { slug }, select: { id: true } }))) {
        throw new AppError("conflict", CHECK_FIELDS, { fields: { slug: `The slug “${slug}” is taken; choose another.` } });
      }
      const last = await db.issue.aggregate({ _max: { position: true } });
      await db.issue.create({ data: { ...fields, slug, position: (last._max.position ?? -1) + 1 } });
      await requestRetag([slug]);
    }
    revalidatePath("/");
    revalidatePath("/issues");
    revalidatePath(`/issues/${slug}`);
    redirect(`/issues/${slug}`);
  },
);
