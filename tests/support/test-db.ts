import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbedded } from "@/lib/server/embedded";
import { applyMigrations } from "@/lib/server/migrate";
import { env } from "@/lib/env";

export const TEST_DATABASE_PREFIX = "briefing_test_";

/** Refuses to let tests write anywhere but a throwaway test database. */
export function assertTestDatabase(url: string | undefined): string {
  const name = url ? decodeURIComponent(new URL(url).pathname.slice(1)) : "";
  if (!url || !name.startsWith(TEST_DATABASE_PREFIX)) {
    throw new Error(`Tests run only against a throwaway database named ${TEST_DATABASE_PREFIX}…; got ${name || "none"}. Run them through npm test.`);
  }
  return url;
}

export type TestDatabase = { url: string; describe: string; drop(): Promise<void> };

/**
 * A throwaway, migrated database for one test run, never the app's own: a new database on
 * DATABASE_URL's server when that is set (dropped afterwards), otherwise a fresh embedded server in a
 * temporary folder on a free port (removed afterwards).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = env().DATABASE_URL;
  if (serverUrl) {
    const name = `${TEST_DATABASE_PREFIX}${crypto.randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await applyMigrations(url.toString());
    return {
      url: url.toString(),
      describe: `database ${name} on ${url.host}`,
      drop: async () => {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const suffix = crypto.randomBytes(4).toString("hex");
  const dir = path.join(os.tmpdir(), `briefing-test-${suffix}`);
  const server = await startEmbedded({ dir, isThrowaway: true, database: `${TEST_DATABASE_PREFIX}${suffix}` });
  await applyMigrations(server.url);
  return { url: server.url, describe: `embedded PostgreSQL in ${dir}`, drop: () => server.stop() };
}
