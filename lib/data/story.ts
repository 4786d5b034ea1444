import "server-only";
import { db } from "@/lib/db";

/** Headline counts for the dashboard. */
export async function countStory() {
  const [articles, unattributed, outlets, claims] = await Promise.all([
    db.article.count(),
    db.article.count({ where: { outletId: null } }),
    db.outlet.count({ where: { articles: { some: {} } } }),
    db.claim.count(),
  ]);
  return { articles, unattributed, outlets, claims };
}
