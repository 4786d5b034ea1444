import crypto from "node:crypto";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/writes/derived-writes";
import { slugify } from "@/lib/text/slug";
import type { AnalysisScope } from "@/lib/analysis/run/refresh";

/** An outlet change that cannot be made (unknown outlet, a name another outlet has); the message says what to do. */
export class OutletChangeError extends AppError {
  constructor(
    readonly field: string,
    message: string,
    code: "not_found" | "conflict" | "invalid" = "invalid",
  ) {
    super(code, message, { field });
  }
}

/** Called after the commit with what the stored analysis must take in. */
export type OutletHooks = { onAnalysisChange?: (scope: AnalysisScope) => unknown };

/**
 * The outlet an editor means by `name`: one already named so (any case), or one whose slug the name
 * gives, or a new one. Slugs never change once made, so links and stored source keys stay valid.
 */
export async function resolveOutlet(tx: Tx, name: string): Promise<{ id: string; name: string }> {
  const named = await tx.outlet.findFirst({
    where: { name: { equals: name, mode: "insensitive" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true },
  });
  if (named) return named;
  const slug = slugify(name);
  await tx.$executeRaw`INSERT INTO "Outlet" (id, slug, name, "updatedAt") VALUES (${crypto.randomUUID()}, ${slug}, ${name}, now()) ON CONFLICT (slug) DO NOTHING`;
  return tx.outlet.findUniqueOrThrow({ where: { slug }, select: { id: true, name: true } });
}

async function requireOutlet(tx: Tx, id: string, field: string) {
  const outlet = await tx.outlet.findUnique({ where: { id }, select: { id: true, name: true, slug: true, domain: true } });
  if (!outlet) throw new OutletChangeError(field, "That outlet no longer exists: reload the page.", "not_found");
  return outlet;
}

/** Renames an outlet (its slug stays); refuses a name another outlet has, which calls for a merge. */
export async function renameOutlet(db: Db, outletId: string, name: string, { onAnalysisChange }: OutletHooks = {}) {
  const renamed = await db.$transaction(async (tx) => {
    const outlet = await requireOutlet(tx, outletId, "outletId");
    if (outlet.name === name) return false;
    const other = await tx.outlet.findFirst({ where: { id: { not: outletId }, name: { equals: name, mode: "insensitive" } }, select: { name: true } });
    if (other) throw new OutletChangeError("name", `Another outlet is already named ${other.name}: merge the two instead.`, "conflict");
    await tx.outlet.update({ where: { id: outletId }, data: { name } });
    return true;
  });
  // A source's name is in every brief that shows it: everything is recomputed.
  if (renamed) await onAnalysisChange?.({ kind: "full" });
}

/** Sets an outlet's site address (a host name), or clears it with null. */
export async function setOutletDomain(db: Db, outletId: string, domain: string | null) {
  await db.$transaction(async (tx) => {
    await requireOutlet(tx, outletId, "outletId");
    await tx.outlet.update({ where: { id: outletId }, data: { domain } });
  });
}

/**
 * Merges outlet `outletId` into `intoId` in one transaction: its articles move to `intoId` (one audit
 * entry per article), `intoId` takes its site address if it has none, and the merged outlet is deleted.
 * @returns how many articles moved.
 */
export async function mergeOutlets(db: Db, actorId: string, outletId: string, intoId: string, { onAnalysisChange }: OutletHooks = {}): Promise<number> {
  const moved = await db.$transaction(async (tx) => {
    const from = await requireOutlet(tx, outletId, "outletId");
    const into = await requireOutlet(tx, intoId, "intoId");
    const articles = await tx.article.findMany({ where: { outletId }, select: { id: true } });
    await tx.article.updateMany({ where: { outletId }, data: { outletId: intoId } });
    if (articles.length > 0) {
      await tx.articleEdit.createMany({
        data: articles.map((article) => ({ articleId: article.id, actorId, field: "outlet", from: from.name, to: into.name })),
      });
    }
    if (!into.domain && from.domain) await tx.outlet.update({ where: { id: intoId }, data: { domain: from.domain } });
    await tx.outlet.delete({ where: { id: outletId } });
    return articles.length;
  });
  await onAnalysisChange?.({ kind: "full" });
  return moved;
}
