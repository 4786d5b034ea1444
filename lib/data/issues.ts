import "server-only";
import { db } from "@/lib/db";

export type IssueOverview = {
  id: string;
  slug: string;
  title: string;
  description: string;
  status: "open" | "resolved";
  phrases: string[];
  articleCount: number;
  sentenceCount: number;
  claimCount: number;
};

/** Every issue with how many articles, sentences and claims bear on it. */
export async function listIssueOverviews(): Promise<IssueOverview[]> {
  const [issues, sentenceCounts, claimCounts] = await Promise.all([
    db.issue.findMany({
      orderBy: [{ status: "asc" }, { position: "asc" }, { title: "asc" }],
      select: { id: true, slug: true, title: true, description: true, status: true, phrases: true },
    }),
    db.$queryRaw<{ slug: string; sentences: bigint; articles: bigint }[]>`
      SELECT slug, count(*) AS sentences, count(DISTINCT "articleId") AS articles
      FROM "Sentence", unnest(issues) AS slug GROUP BY slug`,
    db.claimIssue.groupBy({ by: ["issueId"], _count: { _all: true } }),
  ]);
  const bySlug = new Map(sentenceCounts.map((row) => [row.slug, row]));
  const claimsById = new Map(claimCounts.map((row) => [row.issueId, row._count._all]));
  return issues.map((issue) => ({
    ...issue,
    articleCount: Number(bySlug.get(issue.slug)?.articles ?? 0),
    sentenceCount: Number(bySlug.get(issue.slug)?.sentences ?? 0),
    claimCount: claimsById.get(issue.id) ?? 0,
  }));
}
