import "server-only";
import { db } from "@/lib/db";
import { ANALYSIS_SETTING, type AnalysisSummary } from "@/lib/analysis/run/refresh";

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

/** Every issue with how many articles, sentences and claims bear on it, from the stored analysis summary. */
export async function listIssueOverviews(): Promise<IssueOverview[]> {
  const [issues, setting] = await Promise.all([
    db.issue.findMany({
      orderBy: [{ status: "asc" }, { position: "asc" }, { title: "asc" }],
      select: { id: true, slug: true, title: true, description: true, status: true, phrases: true },
    }),
    db.appSetting.findUnique({ where: { key: ANALYSIS_SETTING }, select: { value: true } }),
  ]);
  const summary = setting?.value as AnalysisSummary | undefined;
  return issues.map((issue) => {
    const counts = summary?.issues[issue.slug];
    return { ...issue, articleCount: counts?.articleCount ?? 0, sentenceCount: counts?.sentenceCount ?? 0, claimCount: counts?.claimCount ?? 0 };
  });
}
