import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import { requestAnalysis } from "@/lib/analysis/run/job";
import { failAbandonedAnalysisRuns, finishAnalysisRun, getAnalysisState, queueAnalysisRun, startAnalysisRun, trackAnalysisRun } from "@/lib/analysis/run/runs";
import { ingestArticle } from "@/lib/writes/ingest";
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

let db: Db;

beforeAll(async () => {
  db = connectTestDb();
});
beforeEach(async () => {
  await resetDatabase(db);
  session.user = null;
});
afterAll(async () => db.$disconnect());

async function callRoute() {
  const { GET } = await import("@/app/api/analysis/route");
  return GET(new Request("http://127.0.0.1:3000/api/analysis"));
}

describe("analysis state", () => {
  it("goes idle → queued → running → idle, with a new version only when a run completes", async () => {
    const before = await getAnalysisState(db);
    expect(before).toEqual({ state: "idle", startedAt: null, finishedAt: null, version: "0" });

    await queueAnalysisRun(db);
    await queueAnalysisRun(db);
    expect((await getAnalysisState(db)).state).toBe("queued");

    const ids = await startAnalysisRun(db);
    expect(ids).toHaveLength(2);
    const running = await getAnalysisState(db);
    expect(running.state).toBe("running");
    expect(running.startedAt).not.toBeNull();
    expect(running.version).toBe("0");

    await finishAnalysisRun(db, ids);
    const done = await getAnalysisState(db);
    expect(done.state).toBe("idle");
    expect(done.finishedAt).not.toBeNull();
    expect(done.version).not.toBe("0");

    await expect(trackAnalysisRun(db, async () => Promise.reject(new Error("broken")))).rejects.toThrow("broken");
    const afterFailure = await getAnalysisState(db);
    expect(afterFailure.state).toBe("idle");
    expect(afterFailure.version).toBe(done.version);

    await trackAnalysisRun(db, async () => "ok");
    expect((await getAnalysisState(db)).version).not.toBe(done.version);
  });

  it("a request made while a run is under way stays queued until the next run claims it", async () => {
    const first = await startAnalysisRun(db);
    await queueAnalysisRun(db);
    await finishAnalysisRun(db, first);
    expect((await getAnalysisState(db)).state).toBe("queued");
    const second = await startAnalysisRun(db);
    await finishAnalysisRun(db, second);
    expect((await getAnalysisState(db)).state).toBe("idle");
  });

  it("a run whose process died is marked failed, and a request made after it stays queued", async () => {
    const since = new Date(Date.now() - 1000);
    await queueAnalysisRun(db);
    await startAnalysisRun(db);
    await failAbandonedAnalysisRuns(db, since);
    expect(await getAnalysisState(db)).toMatchObject({ state: "idle", version: "0" });
    const later = new Date();
    await queueAnalysisRun(db);
    await failAbandonedAnalysisRuns(db, new Date(later.getTime() - 60_000));
    expect((await getAnalysisState(db)).state).toBe("queued");
  });

  it("ignores a run whose process died long ago", async () => {
    await db.analysisRun.create({ data: { requestedAt: new Date(Date.now() - 3600_000), startedAt: new Date(Date.now() - 3600_000) } });
    expect((await getAnalysisState(db)).state).toBe("idle");
  });

  it("requestAnalysis records the request, runs the analysis process and completes a new version", async () => {
    const outcome = await ingestArticle(
      db,
      { body: `The council said on Monday that the bridge would reopen.\n\n"It is safe again," said Ola Berg, the council's engineer.`, outlet: "Valley Post" },
      { source: "api" },
    );
    expect(outcome.status).toBe("stored");
    const before = await getAnalysisState(db);
    const run = requestAnalysis();
    await vi.waitFor(async () => expect((await getAnalysisState(db)).state).not.toBe("idle"), { timeout: 5000, interval: 20 });
    await run;
    const after = await getAnalysisState(db);
    expect(after.state).toBe("idle");
    expect(after.version).not.toBe(before.version);
    expect(Date.parse(after.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(after.startedAt!));
  });

  it("GET /api/analysis answers 401 JSON to anonymous callers and the state to logged-in ones", async () => {
    const anonymous = await callRoute();
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBeTruthy();

    const user = await createUser(db, { email: "reader@example.test", password: "a long enough password", role: "viewer" });
    session.user = { id: user.id, email: user.email, name: null, role: "viewer" };
    await queueAnalysisRun(db);
    const response = await callRoute();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ state: "queued", startedAt: null, finishedAt: null, version: "0" });
  });
});
