import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { findFreePort } from "@/lib/server/embedded";
import { createUser } from "@/lib/writes/users";
import { logIn } from "@/tests/support/bench/http";
import { connectTestDb, resetDatabase, until } from "./helpers";

/**
 * Two app instances as `npm start` runs them behind a load balancer: one database (DATABASE_URL), one
 * AUTH_SECRET, each its own port and its own job worker, on the production build the e2e tests use
 * (NEXT_DIST_DIR, default .next-test; built first when missing). What one instance does, the other sees.
 */
type Instance = { base: string; child: ChildProcess; output: () => string };

const PASSWORD = "a long enough password";
const PUBLIC_URL = "http://briefing.example";
const schema = `instances_${crypto.randomBytes(4).toString("hex")}`;
const secret = crypto.randomBytes(32).toString("base64url");
const url = env().DATABASE_URL!;
let db: Db;
let a: Instance;
let b: Instance;

async function startInstance(): Promise<Instance> {
  const port = await findFreePort();
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: secret,
      JOBS_SCHEMA: schema,
      PORT: String(port),
      // Behind a load balancer every instance has the one public address.
      APP_URL: PUBLIC_URL,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-test",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 300_000;
  while (!output.includes("Briefing is ready")) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`The instance did not start. Output:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { base: `http://127.0.0.1:${port}`, child, output: () => output };
}

async function stopInstance(instance: Instance | undefined) {
  if (!instance || instance.child.exitCode !== null) return;
  const exited = new Promise((resolve) => instance.child.once("exit", resolve));
  instance.child.kill("SIGINT");
  await exited;
}

function call(instance: Instance, path: string, cookie: string, init: RequestInit = {}) {
  return fetch(`${instance.base}${path}`, {
    ...init,
    redirect: "manual",
    headers: { cookie, origin: PUBLIC_URL, "content-type": "application/json", ...(init.headers as Record<string, string> | undefined) },
  });
}

/** Signs the session out through `instance`'s Auth.js endpoint, as the Log out button does. */
async function signOut(instance: Instance, cookie: string) {
  const csrf = await fetch(`${instance.base}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return fetch(`${instance.base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: `${cookie}; ${csrfCookie}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken }),
  });
}

/** Submits the login form's credentials to `instance`; returns the session cookie, or null when refused. */
async function tryLogIn(instance: Instance, email: string, password: string): Promise<string | null> {
  try {
    return await logIn(instance.base, email, password);
  } catch {
    return null;
  }
}

async function analysisState(instance: Instance, cookie: string) {
  return (await (await call(instance, "/api/analysis", cookie)).json()) as { state: string; version: string };
}

beforeAll(async () => {
  db = connectTestDb();
  await resetDatabase(db);
  for (const email of ["editor@two.test", "other@two.test", "throttled@two.test"]) await createUser(db, { email, role: "editor", password: PASSWORD });
  // One after the other, as a rolling start would: the first migrates and loads the seeds.
  a = await startInstance();
  b = await startInstance();
}, 600_000);

afterAll(async () => {
  await stopInstance(a);
  await stopInstance(b);
  await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await db.$disconnect();
}, 60_000);

describe("two app instances on one database", () => {
  it("share sessions: logged in on A, the cookie works on B; signed out on A, B refuses it", async () => {
    const cookie = await logIn(a.base, "editor@two.test", PASSWORD);
    expect((await call(b, "/api/analysis", cookie)).status).toBe(200);
    expect((await call(b, "/api/analysis", "")).status).toBe(401);

    expect((await signOut(a, cookie)).status).toBeLessThan(400);
    expect((await call(b, "/api/analysis", cookie)).status).toBe(401);
    expect((await call(a, "/api/analysis", cookie)).status).toBe(401);
  });

  it("count failed logins across both: three on A and two on B lock the account on both", async () => {
    for (const instance of [a, a, a, b, b]) expect(await tryLogIn(instance, "throttled@two.test", "not the password")).toBeNull();
    expect(await tryLogIn(b, "throttled@two.test", PASSWORD)).toBeNull();
    expect(await tryLogIn(a, "throttled@two.test", PASSWORD)).toBeNull();
    // Another account from the same address is not locked.
    expect(await tryLogIn(b, "other@two.test", PASSWORD)).not.toBeNull();
  });

  it("keep optimistic locking: the same claim version updated on A and on B at once, one of them gets 409", async () => {
    const cookie = await logIn(a.base, "editor@two.test", PASSWORD);
    const claim = await db.claim.findFirstOrThrow({ where: { status: "unreviewed" }, select: { id: true, version: true } });
    const [onA, onB] = await Promise.all([
      call(a, `/api/claims/${claim.id}`, cookie, { method: "PATCH", body: JSON.stringify({ status: "confirmed", version: claim.version }) }),
      call(b, `/api/claims/${claim.id}`, cookie, { method: "PATCH", body: JSON.stringify({ status: "disputed", version: claim.version }) }),
    ]);
    expect([onA.status, onB.status].sort()).toEqual([200, 409]);
    const loser = onA.status === 409 ? onA : onB;
    expect(((await loser.json()) as { error: { code: string } }).error.code).toBe("conflict");
    // The change made through A (or B) is what the other instance answers.
    const winner = onA.status === 200 ? "confirmed" : "disputed";
    const seen = (await (await call(onA.status === 200 ? b : a, `/api/claims/${claim.id}`, cookie)).json()) as { status: string; version: number };
    expect(seen).toMatchObject({ status: winner, version: claim.version + 1 });
  });

  it("run each analysis once: articles stored on A and on B at once are analysed by one worker at a time, each job once", async () => {
    const cookie = await logIn(a.base, "editor@two.test", PASSWORD);
    await until(
      () => analysisState(b, cookie),
      (state) => state.state === "idle",
      90_000,
    );
    const before = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${schema}.job WHERE name = 'analysis'`);
    const runsBefore = await db.analysisRun.count();
    const word = crypto.randomBytes(3).toString("hex");
    const post = (instance: Instance, outlet: string) =>
      call(instance, "/api/articles", cookie, {
        method: "POST",
        body: JSON.stringify({
          body: `The ferry union said on Friday that crews on the ${outlet} route would strike (${word}).\n\n"We have waited long enough," said Ilse Marr, the union's secretary.`,
          outlet: `${outlet} Courier`,
        }),
      });
    const [onA, onB] = await Promise.all([post(a, "Northern"), post(b, "Southern")]);
    expect([onA.status, onB.status]).toEqual([201, 201]);
    const ids = [((await onA.json()) as { id: string }).id, ((await onB.json()) as { id: string }).id];
    // Queued before either answered: both instances say so at once.
    expect((await analysisState(b, cookie)).state).not.toBe("idle");
    expect((await analysisState(a, cookie)).state).not.toBe("idle");

    // Both instances say the same, and the new version comes once every job is done.
    const done = await until(
      () => analysisState(a, cookie),
      (state) => state.state === "idle",
      90_000,
    );
    expect((await analysisState(b, cookie)).version).toBe(done.version);

    const jobs = await db.$queryRawUnsafe<{ id: string; state: string; data: { scope: { kind: string; articleIds?: string[] } } }[]>(
      `SELECT id::text, state::text, data FROM ${schema}.job WHERE name = 'analysis' ORDER BY created_on OFFSET ${before[0]!.n}`,
    );
    // Two requests: merged into one job when the second came while the first waited, else two.
    expect(jobs.length).toBeGreaterThanOrEqual(1);
    expect(jobs.length).toBeLessThanOrEqual(2);
    expect(jobs.every((job) => job.state === "completed")).toBe(true);
    expect(jobs.flatMap((job) => job.data.scope.articleIds ?? []).sort()).toEqual([...ids].sort());
    const runs = await db.analysisRun.findMany({ where: { jobId: { in: jobs.map((job) => job.id) } }, orderBy: { startedAt: "asc" } });
    // Each job ran exactly once (by one of the two workers), and never two at once.
    expect(runs.map((run) => run.jobId).sort()).toEqual(jobs.map((job) => job.id).sort());
    expect(await db.analysisRun.count()).toBe(runsBefore + jobs.length);
    for (let index = 1; index < runs.length; index += 1)
      expect(runs[index]!.startedAt!.getTime()).toBeGreaterThanOrEqual(runs[index - 1]!.finishedAt!.getTime());
    // The dashboard B renders counts both articles, whichever instance stored them.
    const articles = await db.article.count();
    // (React separates adjacent text with empty comments.)
    const page = (await (await call(b, "/", cookie)).text()).replaceAll("<!-- -->", "");
    expect(page).toContain(`${articles} articles from`);
  });

  it("see each other's changes: the outlet of an article changed on A is what B's article page shows, after B rendered it with the old one", async () => {
    const cookie = await logIn(a.base, "editor@two.test", PASSWORD);
    const article = await db.article.findFirstOrThrow({ where: { outlet: { isNot: null } }, select: { id: true, version: true } });
    // Read on B first, so that whatever B caches is cached with the old name.
    expect((await call(b, `/articles/${article.id}`, cookie)).status).toBe(200);
    const name = `Renamed Gazette ${crypto.randomBytes(3).toString("hex")}`;
    const renamed = await call(a, `/api/articles/${article.id}`, cookie, { method: "PATCH", body: JSON.stringify({ outlet: name, version: article.version }) });
    expect(renamed.status, await renamed.clone().text()).toBe(200);
    expect(await (await call(b, `/articles/${article.id}`, cookie)).text()).toContain(name);
  });

  it("keep pages per reader and data version on each: B's kept issue page shows a note posted on A at the next request; signed out on A, B serves it no more", async () => {
    const cookie = await logIn(a.base, "editor@two.test", PASSWORD);
    // The analysis banner is part of what a page shows: while the analysis queued by the tests before runs,
    // each of its steps is a new state of the page.
    await until(
      async () => ((await (await call(b, "/api/analysis", cookie)).json()) as { state: string }).state,
      (state) => state === "idle",
    );
    // B keeps the page: asked again with nothing changed, it serves the stored one (a job of the tests before
    // that finishes meanwhile changes the data, and so the page, once more).
    await until(
      async () => {
        const response = await call(b, "/issues/donbas", cookie);
        expect(response.status).toBe(200);
        return response.headers.get("x-nextjs-cache");
      },
      (cache) => cache === "HIT",
      30_000,
    );
    const body = `Posted on A ${crypto.randomBytes(3).toString("hex")}`;
    const posted = await call(a, "/api/notes", cookie, { method: "POST", body: JSON.stringify({ target: { type: "issue", id: "donbas" }, body }) });
    expect(posted.status, await posted.clone().text()).toBe(201);
    const after = await call(b, "/issues/donbas", cookie);
    expect(after.status).toBe(200);
    expect(await after.text()).toContain(body);

    expect((await signOut(a, cookie)).status).toBeLessThan(400);
    const refused = await call(b, "/issues/donbas", cookie);
    expect(refused.status).toBe(307);
    expect(refused.headers.get("location")).toContain("/login");
  });

  it("share links: created on A, opened on B; revoked on A, B answers 404", async () => {
    const cookie = await logIn(a.base, "editor@two.test", PASSWORD);
    const issue = await db.issue.findFirstOrThrow({ select: { slug: true, title: true } });
    const created = await call(a, "/api/share-links", cookie, { method: "POST", body: JSON.stringify({ target: { type: "issue", slug: issue.slug } }) });
    expect(created.status).toBe(201);
    const link = (await created.json()) as { id: string; url: string };
    const path = new URL(link.url).pathname;
    const opened = await fetch(`${b.base}${path}`);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain(issue.title);
    expect((await call(a, `/api/share-links/${link.id}`, cookie, { method: "DELETE" })).status).toBe(204);
    expect((await fetch(`${b.base}${path}`)).status).toBe(404);
  });
});
