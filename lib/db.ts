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

/** The most statements a process names, and the most parameters a named one has ({@link statementNames}). */
export const NAMED_STATEMENTS = { limit: 500, maxParameters: 64 } as const;

/**
 * Names for a client's statements, so that PostgreSQL parses each distinct query once per connection (a
 * prepared statement), as most drivers do, instead of on every request, and can reuse its plan. The pages
 * a reader opens send the same few dozen queries again and again: at 10,050 articles the database's CPU
 * per request fell by about half for the dashboard and an issue, and by a third for `/claims`. PostgreSQL
 * plans a statement for its parameters on its first five runs, and goes on doing so whenever a plan made
 * without them would cost more (`plan_cache_mode = auto`).
 *
 * Each name stands for one SQL text for the life of the process, as a connection requires. What stays
 * unnamed: a query with more than {@link NAMED_STATEMENTS}.maxParameters parameters (a long `IN` list
 * gives a new text for every length), and any query once {@link NAMED_STATEMENTS}.limit texts are named,
 * so a connection never holds more prepared statements than that.
 */
export function statementNames({ limit, maxParameters }: { limit: number; maxParameters: number } = NAMED_STATEMENTS) {
  const names = new Map<string, string>();
  return (query: { sql: string; args: unknown[] }): string | undefined => {
    const known = names.get(query.sql);
    if (known !== undefined) return known;
    if (query.args.length > maxParameters || names.size >= limit) return undefined;
    const name = `briefing_${names.size}`;
    names.set(query.sql, name);
    return name;
  };
}

/**
 * A new client for `url`; the app uses the shared `db` below, scripts and tests may make their own.
 * `preparedStatements` names its statements ({@link statementNames}): the app server's client does unless
 * `DATABASE_PREPARED_STATEMENTS=off`. Jobs do not: their queries are many and each runs a few times.
 */
export function createPrismaClient(url = databaseUrl(), { preparedStatements = false }: { preparedStatements?: boolean } = {}) {
  // The adapter's generator is typed to return a name; `undefined` sends the query unnamed, as without one.
  const statementNameGenerator = preparedStatements ? (statementNames() as (query: { sql: string; args: unknown[] }) => string) : undefined;
  const adapter = new PrismaPg({ connectionString: url, max: env().DATABASE_POOL_SIZE }, { statementNameGenerator });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;

const globalForDb = globalThis as unknown as { briefingDb?: Db };

/** The one Prisma client of the app, created on first use. Password hashes are omitted unless asked for. */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    globalForDb.briefingDb ??= createPrismaClient(databaseUrl(), { preparedStatements: env().DATABASE_PREPARED_STATEMENTS });
    const value = Reflect.get(globalForDb.briefingDb, property) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(globalForDb.briefingDb) : value;
  },
});
