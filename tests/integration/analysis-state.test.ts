import crypto from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { coversNewerData } from "@/lib/analysis/freshness";
import { failAbandonedAnalysisRuns, finishAnalysisRun, getAnalysisState, startAnalysisRun, trackAnalysisRun } from "@/lib/analysis/run/runs";
import { Jobs } from "@/lib/jobs/queue";
import { createUser } from "@/lib/writes/users";
import { connectTestDb, resetDatabase } from "./helpers";

vi.mock("server-only", () => ({}));
const session = vi.hoisted(() => ({ user: null as { id: string; email: string; name: string | null; role: "viewer" } | null }));
vi.mock("@/auth", () => ({
  auth: vi.fn(async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null)),
  signIn: vi.fn(),
  signOut: vi.fn(),
  handlers: { GET: vi.fn(), POST: vi.fn() },
}));

// The queue in a schema of this file's own; GET /api/analysis reads it through JOBS_SCHEMA.
const schema = `state_test_${crypto.randomBytes(4).toString("hex")}`;
let db: Db;
let jobs: Jobs;

beforeAll(async () => {
  db = connectTestDb();
  jobs = await Jobs.open({ databaseUrl: env().DATABASE_URL!, schema });
});
beforeEach(async () => {
  await resetDatabase(db);
  await jobs.boss.getDb().executeSql(`DELETE FROM ${schema}.job`, []);
  session.user = null;
});
afterAll(async () => {
  await jobs.stop();
  await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await db.$disconnect();
});

async function callRoute() {
  const { GET } = await import("@/app/api/analysis/route");
  return GET(new Request("http://127.0.0.1:3000/api/analysis"));
}

describe("analysis state", () => {
  it("goes idle → queued → running → idle, with a new version only when a run completes", async () => {
    const before = await getAnalysisState(db, schema);
    expect(before).toEqual({ state: "idle", startedAt: null, finishedAt: null, version: "0", coveredAt: null, pendingAt: null });

    const id = await jobs.enqueueAnalysis({ kind: "full" });
    expect((await getAnalysisState(db, schema)).state).toBe("queued");

    const [job] = await jobs.boss.fetch("analysis");
    expect(job?.id).toBe(id);
    const running = await getAnalysisState(db, schema);
    expect(running.state).toBe("running");
    expect(running.startedAt).not.toBeNull();
    expect(running.version).toBe("0");

    const ids = await startAnalysisRun(db);
    await finishAnalysisRun(db, ids);
    await jobs.boss.complete("analysis", id);
    const done = await getAnalysisState(db, schema);
    expect(done.state).toBe("idle");
    expect(done.finishedAt).not.toBeNull();
    expect(done.version).not.toBe("0");

    await expect(trackAnalysisRun(db, async () => Promise.reject(new Error("broken")))).rejects.toThrow("broken");
    const afterFailure = await getAnalysisState(db, schema);
    expect(afterFailure.state).toBe("idle");
    expect(afterFailure.version).toBe(done.version);

    await trackAnalysisRun(db, async () => "ok");
    expect((await getAnalysisState(db, schema)).version).not.toBe(done.version);
  });

  it("says “Updating…” only for work over changes newer than the analysis a page shows", async () => {
    await trackAnalysisRun(db, async () => "ok");
    const page = await getAnalysisState(db, schema);
    expect(page.coveredAt).not.toBeNull();
    expect(coversNewerData(page, page)).toBe(false);

    // A change made after that analysis: the queued work covers newer data.
    await jobs.enqueueAnalysis({ kind: "articles", articleIds: ["x"] });
    const queued = await getAnalysisState(db, schema);
    expect(queued.state).toBe("queued");
    expect(coversNewerData(page, queued)).toBe(true);

    // A page rendered by an analysis that started after that request already shows it: a job still
    // waiting (a retry, another instance's duplicate) covers nothing newer for it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await trackAnalysisRun(db, async () => "ok");
    const newer = await getAnalysisState(db, schema);
    expect(newer.state).toBe("queued");
    expect(coversNewerData(newer, newer)).toBe(false);
    expect(coversNewerData(page, newer)).toBe(true);
  });

  it("counts deriving the articles again (after a pipeline update) as work under way, with its progress", async () => {
    await trackAnalysisRun(db, async () => "ok");
    const page = await getAnalysisState(db, schema);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const id = await jobs.enqueue("derive", { stale: true });
    const queued = await getAnalysisState(db, schema);
    expect(queued.state).toBe("queued");
    expect(coversNewerData(page, queued)).toBe(true);
    const [job] = await jobs.boss.fetch("derive");
    expect(job?.id).toBe(id);
    await jobs.boss.getDb().executeSql(`UPDATE ${schema}.job SET output = '{"progress": 0.4}'::jsonb WHERE id = $1`, [id]);
    expect(await getAnalysisState(db, schema)).toMatchObject({ state: "running", progress: 0.4, version: page.version });
    await jobs.boss.complete("derive", id);
    expect((await getAnalysisState(db, schema)).state).toBe("idle");
  });

  it("a run started by hand counts as running until it finishes; one whose process died is marked failed", async () => {
    const since = new Date(Date.now() - 1000);
    await startAnalysisRun(db);
    expect((await getAnalysisState(db, schema)).state).toBe("running");
    await failAbandonedAnalysisRuns(db, since);
    expect(await getAnalysisState(db, schema)).toMatchObject({ state: "idle", version: "0" });
  });

  it("ignores a run by hand whose process died long ago", async () => {
    await db.analysisRun.create({ data: { requestedAt: new Date(Date.now() - 3600_000), startedAt: new Date(Date.now() - 3600_000) } });
    expect((await getAnalysisState(db, schema)).state).toBe("idle");
  });

  it("GET /api/analysis answers 401 JSON to anonymous callers and the state to logged-in ones", async () => {
    const anonymous = await callRoute();
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBeTruthy();

    const user = await createUser(db, { email: "reader@example.test", password: "a long enough password", role: "viewer" });
    session.user = { id: user.id, email: user.email, name: null, role: "viewer" };
    await jobs.enqueueAnalysis({ kind: "full" });
    const previous = process.env.JOBS_SCHEMA;
    process.env.JOBS_SCHEMA = schema;
    try {
      const response = await callRoute();
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        state: "queued",
        startedAt: null,
        finishedAt: null,
        version: "0",
        coveredAt: null,
        pendingAt: expect.any(String),
      });
    } finally {
      if (previous === undefined) delete process.env.JOBS_SCHEMA;
      else process.env.JOBS_SCHEMA = previous;
    }
  });
});
