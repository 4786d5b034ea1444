import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

/** Connection settings of the embedded PostgreSQL server, as written by the start script. */
interface EmbeddedPostgres {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

/** `.data/postgres.json`, or `postgres.json` in BRIEFING_DATA_DIR when the app's data folder is moved. */
function embeddedSettingsFile(): string {
  const dataDir = process.env.BRIEFING_DATA_DIR?.trim();
  return dataDir ? path.resolve(dataDir, "postgres.json") : fileURLToPath(new URL("./.data/postgres.json", import.meta.url));
}

/**
 * The database URL: `DATABASE_URL` when set, else the embedded server started by `npm start`,
 * else undefined, which is enough for commands that need no database (`prisma generate`).
 */
function databaseUrl(): string | undefined {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;

  let settings: EmbeddedPostgres;
  try {
    settings = JSON.parse(readFileSync(embeddedSettingsFile(), "utf8")) as EmbeddedPostgres;
  } catch {
    return undefined;
  }
  const url = new URL("postgresql://localhost");
  url.hostname = settings.host.includes(":") ? `[${settings.host}]` : settings.host;
  url.port = String(settings.port);
  url.username = encodeURIComponent(settings.user);
  url.password = encodeURIComponent(settings.password);
  url.pathname = `/${encodeURIComponent(settings.database)}`;
  return url.toString();
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: databaseUrl() },
});
