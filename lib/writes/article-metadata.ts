import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { resolveOutlet, type OutletHooks } from "@/lib/writes/outlets";
import type { ArticleEditInput } from "@/lib/validations/article";

export class ArticleNotFoundError extends AppError {
  constructor(readonly articleId: string) {
    super("not_found", `No article has the id “${articleId}”.`);
  }
}

/** The article changed since the caller read it (a newer text was stored). */
export class ArticleConflictError extends AppError {
  constructor(readonly current: number) {
    super("conflict", `A newer text of this article was stored meanwhile (version ${current}): reload it and make your change again.`);
  }
}

type Edit = { field: string; from: string | null; to: string | null };

function asJson(value: string | null): Prisma.InputJsonValue | undefined {
  return value === null ? undefined : value;
}

/**
 * Changes an article's outlet (by name, created if new; null makes it unattributed), title, published
 * date, URL and byline in one transaction, only on the text version the caller read when it says
 * (`version`, else the one read here), with one audit entry (who, when, from, to) per changed field.
 * Calls `onAnalysisChange` after the commit when anything changed (sources, names and dates feed the briefs).
 * @returns the fields that changed.
 */
export async function updateArticleMetadata(
  db: Db,
  actorId: string,
  articleId: string,
  input: ArticleEditInput,
  { onAnalysisChange }: OutletHooks = {},
): Promise<string[]> {
  const edits = await db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: articleId },
      select: { title: true, url: true, byline: true, publishedAt: true, version: true, outlet: { select: { id: true, name: true } } },
    });
    if (!article) throw new ArticleNotFoundError(articleId);
    if (input.version !== undefined && input.version !== article.version) throw new ArticleConflictError(article.version);
    const edits: Edit[] = [];
    const data: Prisma.ArticleUncheckedUpdateInput = {};
    if (input.outlet !== undefined) {
      const outlet = input.outlet === null ? null : await resolveOutlet(tx, input.outlet);
      if ((outlet?.id ?? null) !== (article.outlet?.id ?? null)) {
        data.outletId = outlet?.id ?? null;
        edits.push({ field: "outlet", from: article.outlet?.name ?? null, to: outlet?.name ?? null });
      }
    }
    for (const field of ["title", "url", "byline"] as const) {
      const next = input[field];
      if (next !== undefined && next !== article[field]) {
        data[field] = next;
        edits.push({ field, from: article[field], to: next });
      }
    }
    if (input.publishedAt !== undefined && (input.publishedAt?.getTime() ?? null) !== (article.publishedAt?.getTime() ?? null)) {
      data.publishedAt = input.publishedAt;
      edits.push({ field: "publishedAt", from: article.publishedAt?.toISOString() ?? null, to: input.publishedAt?.toISOString() ?? null });
    }
    if (edits.length === 0) return edits;
    const updated = await tx.article.updateMany({ where: { id: articleId, version: article.version }, data });
    if (updated.count !== 1) throw new ArticleConflictError(article.version + 1);
    await tx.articleEdit.createMany({ data: edits.map((edit) => ({ articleId, actorId, field: edit.field, from: asJson(edit.from), to: asJson(edit.to) })) });
    return edits;
  });
  if (edits.length > 0) await onAnalysisChange?.({ kind: "articles", articleIds: [articleId] });
  return edits.map((edit) => edit.field);
}
