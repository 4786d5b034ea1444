import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { embeddedUrl, readEmbeddedConfig } from "@/lib/server/data-dir";
import { env } from "@/lib/env";

/** `DATABASE_URL` when set; otherwise the embedded server that `npm start` runs (see scripts/start.ts). */
export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (url) return url;
  const config = readEmbeddedConfig();
  if (!config) {
    throw new Error("No database: set DATABASE_URL, or run `npm start` once so the embedded database exists.");
  }
  return embeddedUrl(config);
}

/** A new client for `url`; the app uses the shared `db` below, scripts and tests may make their own. */
export function createPrismaClient(url = databaseUrl()) {
  const adapter = new PrismaPg({ connectionString: url, max: env().DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;

const globalForDb = globalThis as unknown as { briefingDb?: Db };

/** The one Prisma client of the app, created on first use. Password hashes are omitted unless asked for. */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    globalForDb.briefingDb ??= createPrismaClient();
    const value = Reflect.get(globalForDb.briefingDb, property) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(globalForDb.briefingDb) : value;
  },
});
