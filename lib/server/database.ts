import { dataDir } from "@/lib/server/data-dir";
import { startEmbedded, type RunningDatabase } from "@/lib/server/embedded";
import { applyMigrations } from "@/lib/server/migrate";

/**
 * The database for a command-line process: `DATABASE_URL` when set; otherwise the embedded server in
 * `.data/`, reused when the app already runs it, started (and later stopped) when it does not.
 * Either way the schema is migrated first.
 */
export async function openDatabase(log: (line: string) => void = () => undefined): Promise<RunningDatabase> {
  const url = process.env.DATABASE_URL?.trim();
  const database = url ? { url, isOwned: false, stop: async () => undefined } : await startEmbedded({ dir: dataDir(), log });
  try {
    await applyMigrations(database.url, log);
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}
