/**
 * One job, in a process of its own: the worker (lib/jobs/worker.ts) starts it with `{kind, data, jobId}`
 * on stdin; it prints progress lines (`{"progress": 0.5}`) and the report (`{"report": …}`) on stdout
 * and exits 0, or exits 1 with the error on stderr.
 */
import { text } from "node:stream/consumers";
import { createPrismaClient } from "@/lib/db";
import { runJob } from "@/lib/jobs/run";
import type { JobData, JobKind } from "@/lib/jobs/queue";

const input = JSON.parse(await text(process.stdin)) as { kind: JobKind; data: JobData[JobKind]; jobId: string };
const db = createPrismaClient();
let lastShare = -1;
try {
  const report = await runJob(db, input.kind, input.data, input.jobId, (share) => {
    if (share - lastShare < 0.01 && share < 1) return;
    lastShare = share;
    process.stdout.write(`${JSON.stringify({ progress: Math.round(share * 1000) / 1000 })}\n`);
  });
  process.stdout.write(`${JSON.stringify({ report })}\n`);
  await db.$disconnect();
  process.exit(0);
} catch (error) {
  console.error((error as Error).stack ?? String(error));
  await db.$disconnect().catch(() => undefined);
  process.exit(1);
}
