import "server-only";
import { db } from "@/lib/db";

export type OutletRow = { id: string; slug: string; name: string; domain: string | null; articleCount: number };

/** Every outlet with how many articles it has, by name (the Outlets admin page, the article form's suggestions). */
export async function listOutlets(): Promise<OutletRow[]> {
  const rows = await db.outlet.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, slug: true, name: true, domain: true, _count: { select: { articles: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, articleCount: _count.articles }));
}

/** An article's metadata changes, newest first, with who made them. */
export async function listArticleEdits(articleId: string, take = 20) {
  return db.articleEdit.findMany({
    where: { articleId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, field: true, from: true, to: true, createdAt: true, actor: { select: { name: true, email: true } } },
  });
}
