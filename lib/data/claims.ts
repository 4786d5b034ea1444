import "server-only";
import { db } from "@/lib/db";

export type ClaimListItem = {
  id: string;
  kind: "quote" | "reported" | "narration";
  text: string;
  confidence: number;
  status: string;
  speaker: string | null;
  articleId: string;
  outlet: string | null;
  issues: string[];
};

/** Claims, least confident first (what needs an editor's eye), with speaker, outlet and issues. */
export async function listClaims({ limit = 100 }: { limit?: number } = {}): Promise<{ items: ClaimListItem[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.claim.findMany({
      take: Math.min(Math.max(limit, 1), 500),
      orderBy: [{ confidence: "asc" }, { id: "asc" }],
      select: {
        id: true,
        kind: true,
        text: true,
        confidence: true,
        status: true,
        articleId: true,
        speaker: { select: { name: true } },
        article: { select: { outlet: { select: { name: true } } } },
        issues: { select: { issue: { select: { slug: true } } } },
      },
    }),
    db.claim.count(),
  ]);
  return {
    total,
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      text: row.text,
      confidence: row.confidence,
      status: row.status,
      speaker: row.speaker?.name ?? null,
      articleId: row.articleId,
      outlet: row.article.outlet?.name ?? null,
      issues: row.issues.map((link) => link.issue.slug),
    })),
  };
}
