import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Jobs } from "@/lib/jobs/queue";
import { PIPELINE_VERSION } from "@/lib/nlp/version";

/** Articles derived with another version of the pipeline than this one ({@link PIPELINE_VERSION}), or before versions were recorded. */
export const STALE_ARTICLES = { OR: [{ pipelineVersion: null }, { pipelineVersion: { not: PIPELINE_VERSION } }] } satisfies Prisma.ArticleWhereInput;

/**
 * Queues a `derive` job for the articles derived with another version of the pipeline, if there are
 * any: what a worker does when it starts, so that an upgraded app derives again what it stored before
 * the upgrade (keeping editors' reviews and corrections). Several instances starting at once queue one job.
 */
export async function queueStaleDerivation(db: Db, jobs: Jobs): Promise<{ articles: number; jobId: string | null }> {
  const articles = await db.article.count({ where: STALE_ARTICLES });
  if (articles === 0) return { articles, jobId: null };
  return { articles, jobId: await jobs.enqueue("derive", { stale: true }) };
}
