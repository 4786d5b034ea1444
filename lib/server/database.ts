import { createPrismaClient, type Db } from "@/lib/db";
import { dataDir } from "@/lib/server/data-dir";
import { startEmbedded, type RunningDatabase } from "@/lib/server/embedded";
import { applyMigrations } from "@/lib/server/migrate";
import { env } from "@/lib/env";

/**
 * The database for a command-line process: `DATABASE_URL` when set; otherwise the embedded server in
 * `.data/`, reused when the app already runs it, started (and later stopped) when it does not.
 * Either way the schema is migrated first.
 */
export async function openDatabase(log: (line: string) => void = () => undefined): Promise<RunningDatabase> {
  const url = env().DATABASE_URL;
  const database = url ? { url, isOwned: false, stop: async () => undefined } : await startEmbedded({ dir: dataDir(), log });
  try {
    await applyMigrations(database.url, log);
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}

/**
 * Runs `work` with a client on the command-line process's database ({@link openDatabase}), then
 * disconnects and stops the embedded server if this process started it.
 */
export async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase();
  const db = createPrismaClient(database.url);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

/** Runs a command-line `main` and exits with its status; an unexpected error prints its message and exits 1. */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
