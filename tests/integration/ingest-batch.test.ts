import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { createApiToken } from "@/lib/writes/api-tokens";
import { createUser } from "@/lib/writes/users";
import { connectTestDb, resetDatabase, until } from "./helpers";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: <T>(fn: T) => fn }));
vi.mock("@/auth", () => ({ auth: vi.fn(async () => null), signIn: vi.fn(), signOut: vi.fn(), handlers: { GET: vi.fn(), POST: vi.fn() } }));

// The app's queue (and this test's worker) in a schema of this file's own.
const schema = `ingest_test_${crypto.randomBytes(4).toString("hex")}`;
const previousSchema = process.env.JOBS_SCHEMA;
process.env.JOBS_SCHEMA = schema;
const BASE = "http://127.0.0.1:3000";
let db: Db;
let worker: RunningWorker;
let token = "";
let otherToken = "";

const article = (index: number) =>
  `The lighthouse keepers of cove ${index} said on Monday that the beacon would stay lit through the storms.\n\n"We will keep watch every night," said Runa Selk, who speaks for the ${index} keepers.`;

beforeAll(async () => {
  db = connectTestDb();
  await resetDatabase(db);
  const editor = await createUser(db, { email: "uploader@briefing.test", role: "editor", password: "a long enough password" });
  const other = await createUser(db, { email: "someone@briefing.test", role: "editor", password: "a long enough password" });
  token = (await createApiToken(db, editor.id, "upload")).token;
  otherToken = (await createApiToken(db, other.id, "other")).token;
  worker = await startWorker({ databaseUrl: env().DATABASE_URL!, schema, pollingIntervalSeconds: 0.5, log: () => undefined });
});
afterAll(async () => {
  await worker.stop();
  const { appJobs } = await import("@/lib/jobs/queue");
  await (await appJobs()).stop();
  await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await db.$disconnect();
  if (previousSchema === undefined) delete process.env.JOBS_SCHEMA;
  else process.env.JOBS_SCHEMA = previousSchema;
});

async function getJob(id: string, bearer = token) {
  const { GET } = await import("@/app/api/jobs/[id]/route");
  return GET(new Request(`${BASE}/api/jobs/${id}`, { headers: { authorization: `Bearer ${bearer}` } }), { params: Promise.resolve({ id }) });
}

describe("an upload of many files", () => {
  it("is stored by a background job the request waits for, answering per-file results as a small upload does", async () => {
    const { POST, INLINE_FILES } = await import("@/app/api/articles/route");
    const form = new FormData();
    const count = INLINE_FILES + 1;
    for (let index = 0; index < count; index += 1) form.append("files", new File([article(100 + index)], `reef-${index}.txt`, { type: "text/plain" }));
    const before = await db.article.count();

    const response = await POST(new Request(`${BASE}/api/articles`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form }));
    expect(response.status).toBe(201);
    const { items } = (await response.json()) as { items: { file: string; status: string; id: string }[] };
    expect(items.map((item) => item.file)).toEqual(Array.from({ length: count }, (_, index) => `reef-${index}.txt`));
    expect(items.every((item) => item.status === "stored")).toBe(true);
    expect(await db.article.count()).toBe(before + count);
  });

  it("with Prefer: respond-async, answers 202 at once, then progress and per-file results from GET /api/jobs/[id]", async () => {
    const { POST, INLINE_FILES } = await import("@/app/api/articles/route");
    const form = new FormData();
    const count = INLINE_FILES + 2;
    for (let index = 0; index < count - 1; index += 1) form.append("files", new File([article(index)], `cove-${index}.txt`, { type: "text/plain" }));
    // The same text twice: the second is a duplicate, not an error.
    form.append("files", new File([article(0)], "cove-again.txt", { type: "text/plain" }));
    form.append("outlet", "Cove Weekly");
    const before = await db.article.count();

    const response = await POST(
      new Request(`${BASE}/api/articles`, { method: "POST", headers: { authorization: `Bearer ${token}`, prefer: "respond-async" }, body: form }),
    );
    expect(response.status).toBe(202);
    const { job } = (await response.json()) as { job: { id: string; state: string; url: string } };
    expect(job).toMatchObject({ state: "queued", url: `/api/jobs/${job.id}` });

    const done = await until(
      async () =>
        (await (await getJob(job.id)).json()) as {
          state: string;
          progress: number;
          items?: { file: string; status: string; id?: string; existingId?: string }[];
        },
      (body) => body.state === "completed" || body.state === "failed",
    );
    expect(done.state).toBe("completed");
    expect(done.progress).toBe(1);
    expect(done.items).toHaveLength(count);
    expect(done.items!.slice(0, count - 1).every((item) => item.status === "stored")).toBe(true);
    expect(done.items!.map((item) => item.file)).toEqual([...Array.from({ length: count - 1 }, (_, index) => `cove-${index}.txt`), "cove-again.txt"]);
    expect(done.items!.at(-1)).toMatchObject({ status: "duplicate", existingId: done.items![0]!.id });
    expect(await db.article.count()).toBe(before + count - 1);
    expect(await db.article.count({ where: { outlet: { name: "Cove Weekly" }, source: "upload" } })).toBe(count - 1);

    // The analysis of those articles and the tagger's training were queued after it.
    const { rows } = await (
      await import("@/lib/jobs/queue")
    )
      .appJobs()
      .then((jobs) => jobs.boss.getDb().executeSql(`SELECT name, data FROM ${schema}.job WHERE name IN ('analysis', 'tagger')`, []));
    const analysis = rows.find((row: { name: string }) => row.name === "analysis") as { data: { scope: { articleIds: string[] } } } | undefined;
    expect(analysis?.data.scope.articleIds.length).toBe(count - 1);
    expect(rows.some((row: { name: string }) => row.name === "tagger")).toBe(true);

    // Another editor's upload job is not theirs to read; a malformed id is not found either.
    expect((await getJob(job.id, otherToken)).status).toBe(404);
    expect((await getJob("not-a-job")).status).toBe(404);
  });
});
