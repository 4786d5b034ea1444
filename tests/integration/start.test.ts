import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { logIn } from "@/tests/support/bench/http";
import { createPrismaClient } from "@/lib/db";
import { embeddedUrl, readEmbeddedConfig } from "@/lib/server/data-dir";
import { findFreePort } from "@/lib/server/embedded";
import { createUser } from "@/lib/writes/users";

/**
 * Runs `npm start`'s script as a user would, on its own data folder and port, against the production
 * build that `npm test` made (NEXT_DIST_DIR).
 */
type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

const everyStart: Started[] = [];
// A test that failed half-way leaves no app running into the next one.
afterEach(async () => {
  for (const started of everyStart.splice(0)) {
    if (started.child.exitCode === null && started.child.signalCode === null) {
      started.child.kill("SIGINT");
      await started.exited;
    }
  }
});

/** `ownGroup`: in a process group of its own, as a terminal runs it, so that {@link pressCtrlC} reaches every process of it. */
function start(env: Record<string, string>, { ownGroup = false } = {}): Started {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: ownGroup,
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const started = { child, output: () => output, exited };
  everyStart.push(started);
  return started;
}

async function waitFor(started: Started, text: string, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (!started.output().includes(text)) {
    if (Date.now() > deadline || started.child.exitCode !== null) {
      throw new Error(`"${text}" did not appear. Output:\n${started.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stop(started: Started) {
  started.child.kill("SIGINT");
  return started.exited;
}

/** SIGINT to the whole process group, as Ctrl-C in a terminal sends it: the embedded PostgreSQL gets it too. */
async function pressCtrlC(started: Started) {
  process.kill(-started.child.pid!, "SIGINT");
  return started.exited;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function postmasterPid(): number | undefined {
  try {
    return Number(fs.readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return undefined;
  }
}

/** The embedded PostgreSQL's watchdog (found by its process title, among this machine's processes). */
function watchdogPid(): number {
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (args.includes("briefing-postgres-watchdog") && args.includes(path.join(dataDir, "postgres"))) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error("No watchdog process found.");
}

/** Calls `probe` until `isDone` holds for its result (the app recovers by itself; no fixed delays). */
async function eventually<T>(probe: () => Promise<T>, isDone: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (true) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && isDone(value)) return value;
    if (Date.now() > deadline) throw new Error("The condition did not come about.");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "briefing-start-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Each test starts the app several times; each start may take up to `waitFor`'s three minutes on a busy machine. */
const START_TEST_TIMEOUT_MS = 600_000;

describe("npm start on the embedded database", () => {
  it(
    "starts, keeps its data across a restart, loads the seeds once and refuses a second instance",
    async () => {
      const port = await findFreePort();
      const env = { BRIEFING_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: "" };

      const first = start(env);
      await waitFor(first, "Briefing is ready");
      expect(first.output()).toMatch(/email: +admin@briefing\.local/);
      expect(first.output()).toMatch(/password: +\S{12,}/);
      const login = await fetch(`http://127.0.0.1:${port}/login`);
      expect(login.status).toBe(200);
      const url = embeddedUrl(readEmbeddedConfig(dataDir)!);
      expect(await query(url, `SELECT count(*)::int AS n FROM "Article"`)).toEqual([{ n: 5 }]);
      await query(url, `INSERT INTO "Outlet" (id, slug, name, "updatedAt") VALUES ('kept', 'kept-outlet', 'Kept Outlet', now())`);

      const second = start({ ...env, PORT: String(await findFreePort()) });
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain("Briefing is already running from this folder");

      expect(await stop(first)).toBe(0);
      expect(fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);

      const again = start(env, { ownGroup: true });
      await waitFor(again, "Briefing is ready");
      expect(again.output()).not.toContain("password:");
      expect(await query(url, `SELECT count(*)::int AS n FROM "Article"`)).toEqual([{ n: 5 }]);
      expect(await query(url, `SELECT name FROM "Outlet" WHERE slug = 'kept-outlet'`)).toEqual([{ name: "Kept Outlet" }]);
      // A page that reads the job queue opens the server's own connection to it; a stop closes it before the database goes.
      const password = /password: +(\S+)/.exec(first.output())![1]!;
      const cookie = await logIn(`http://127.0.0.1:${port}`, "admin@briefing.local", password);
      expect((await fetch(`http://127.0.0.1:${port}/api/analysis`, { headers: { cookie } })).status).toBe(200);
      // Ctrl-C reaches the database as well as the app: the stop prints "Stopping …" and nothing alarming.
      const before = again.output().length;
      expect(await pressCtrlC(again)).toBe(0);
      const stopping = again.output().slice(before);
      expect(stopping).toContain("Stopping");
      expect(stopping).not.toMatch(/lost its database connection|error/i);
    },
    START_TEST_TIMEOUT_MS,
  );

  it(
    "comes back after the app is killed (kill -9): its PostgreSQL ends with it, and npm start starts again",
    async () => {
      const port = await findFreePort();
      const env = { BRIEFING_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: "" };
      const first = start(env);
      await waitFor(first, "Briefing is ready");
      const postmaster = postmasterPid();
      expect(postmaster).toBeGreaterThan(0);
      first.child.kill("SIGKILL");
      await first.exited;
      // The watchdog stops the PostgreSQL whose owner is gone.
      await eventually(
        async () => isAlive(postmaster!),
        (alive) => !alive,
      );

      const again = start(env, { ownGroup: true });
      await waitFor(again, "Briefing is ready");
      expect(again.output()).not.toContain("outlived");
      expect((await fetch(`http://127.0.0.1:${port}/login`)).status).toBe(200);
      const url = embeddedUrl(readEmbeddedConfig(dataDir)!);
      expect(await query(url, `SELECT name FROM "Outlet" WHERE slug = 'kept-outlet'`)).toEqual([{ name: "Kept Outlet" }]);

      // A PostgreSQL left behind with no watchdog (killed along with the app) is taken over as well.
      const orphan = postmasterPid()!;
      process.kill(watchdogPid(), "SIGKILL");
      again.child.kill("SIGKILL");
      await again.exited;
      expect(isAlive(orphan)).toBe(true);
      const third = start(env);
      await waitFor(third, "Briefing is ready");
      expect(third.output()).toContain("outlived the Briefing process that started it");
      expect((await fetch(`http://127.0.0.1:${port}/login`)).status).toBe(200);
      expect(await stop(third)).toBe(0);
    },
    START_TEST_TIMEOUT_MS,
  );

  it(
    "answers 503 while its database is down, not a login page, and comes back by itself",
    async () => {
      const port = await findFreePort();
      const started = start({ BRIEFING_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: "" });
      await waitFor(started, "Briefing is ready");
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/api/claims`)).status).toBe(401);
      const client = createPrismaClient(embeddedUrl(readEmbeddedConfig(dataDir)!));
      await createUser(client, { email: "outage@briefing.test", role: "viewer", password: "a long enough password" });
      await client.$disconnect();
      const cookie = await logIn(base, "outage@briefing.test", "a long enough password");
      const ping = () => fetch(`${base}/api/ping`, { headers: { cookie } });
      expect((await ping()).status).toBe(200);

      process.kill(postmasterPid()!, "SIGKILL");
      const [api, page] = await eventually(
        () => Promise.all([fetch(`${base}/api/claims`), fetch(`${base}/status`, { redirect: "manual" })]),
        (responses) => responses.every((response) => response.status === 503),
      );
      expect(await api.json()).toEqual({ error: { code: "database_unavailable", message: "the database is not reachable; retrying" } });
      expect(api.headers.get("retry-after")).toBeTruthy();
      expect(await page.text()).toContain("Briefing is running, but its database is not reachable");

      // The embedded PostgreSQL is started again, and the app answers as before, the session still good.
      await eventually(ping, (response) => response.status === 200);
      expect(started.output()).toContain("The database answers again.");
      expect((await fetch(`${base}/login`)).status).toBe(200);

      // Ctrl-C ends it even while a client holds a connection with a request half sent.
      const socket = net.connect(port, "127.0.0.1");
      await new Promise((resolve) => socket.once("connect", resolve));
      socket.write("GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      socket.on("error", () => undefined);
      expect(await stop(started)).toBe(0);
      socket.destroy();
    },
    START_TEST_TIMEOUT_MS,
  );

  it(
    "uses DATABASE_URL instead when it is set, and needs AUTH_SECRET then",
    async () => {
      const port = await findFreePort();
      const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), "briefing-nodata-"));
      const refused = start({ BRIEFING_DATA_DIR: emptyDir, PORT: String(port), AUTH_SECRET: "" });
      expect(await refused.exited).toBe(1);
      expect(refused.output()).toContain("AUTH_SECRET is required with DATABASE_URL");

      const started = start({ BRIEFING_DATA_DIR: emptyDir, PORT: String(port), AUTH_SECRET: "a-test-secret-that-is-long-enough-1234" });
      await waitFor(started, "Briefing is ready");
      expect(started.output()).not.toContain("Embedded PostgreSQL");
      expect(fs.existsSync(path.join(emptyDir, "postgres"))).toBe(false);
      expect((await fetch(`http://127.0.0.1:${port}/api/articles`)).status).toBe(401);
      expect(await stop(started)).toBe(0);
      fs.rmSync(emptyDir, { recursive: true, force: true });
    },
    START_TEST_TIMEOUT_MS,
  );
});
