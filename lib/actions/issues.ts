"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizeAction } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { requestAnalysis } from "@/lib/server/analysis-job";
import { retagArticles } from "@/lib/services/retag";
import { slugify } from "@/lib/text/slug";
import { issueInputSchema, RESERVED_SLUGS } from "@/lib/validations/issue";

export type IssueFormField = "slug" | "title" | "description" | "phrases" | "exclusions" | "status";
export type IssueFormState = {
  errors?: Partial<Record<IssueFormField, string>>;
  message?: string;
  /** What was submitted, so a refused form keeps the admin's input. */
  values?: Partial<Record<IssueFormField, string>>;
};

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/**
 * Creates an issue (no `originalSlug`) or updates the one at `originalSlug`. Admins only. A new issue,
 * or a changed lexicon, re-tags the stored articles for that issue; a status change refreshes the
 * analysis. Then opens the issue.
 */
export async function saveIssue(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  const caller = await authorizeAction("admin");
  if (!caller.user) return { message: caller.denied };
  const originalSlug = String(formData.get("originalSlug") ?? "");
  const text = (name: IssueFormField) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const values = { slug: text("slug"), title: text("title"), description: text("description"), phrases: text("phrases"), exclusions: text("exclusions"), status: text("status") };
  const parsed = issueInputSchema.safeParse({ ...values, description: values.description ?? "", phrases: values.phrases ?? "", exclusions: values.exclusions ?? "" });
  if (!parsed.success) {
    const errors: IssueFormState["errors"] = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as IssueFormField] ??= issue.message;
    return { errors, message: "Check the highlighted fields.", values };
  }
  const { slug: chosenSlug, ...fields } = parsed.data;

  let slug: string;
  if (originalSlug) {
    const existing = await db.issue.findUnique({ where: { slug: originalSlug }, select: { phrases: true, exclusions: true, status: true } });
    if (!existing) return { message: "This issue no longer exists; it may have been deleted.", values };
    slug = originalSlug;
    await db.issue.update({ where: { slug }, data: fields });
    if (!sameList(existing.phrases, fields.phrases) || !sameList(existing.exclusions, fields.exclusions)) await retagArticles(db, { changed: [slug], refresh: requestAnalysis });
    else if (existing.status !== fields.status) await requestAnalysis();
  } else {
    slug = chosenSlug || slugify(fields.title);
    if (RESERVED_SLUGS.has(slug) || (await db.issue.findUnique({ where: { slug }, select: { id: true } }))) {
      return { errors: { slug: `The slug “${slug}” is taken; choose another.` }, message: "Check the highlighted fields.", values };
    }
    const last = await db.issue.aggregate({ _max: { position: true } });
    await db.issue.create({ data: { ...fields, slug, position: (last._max.position ?? -1) + 1 } });
    await retagArticles(db, { changed: [slug], refresh: requestAnalysis });
  }
  revalidatePath("/");
  revalidatePath("/issues");
  revalidatePath(`/issues/${slug}`);
  redirect(`/issues/${slug}`);
}
