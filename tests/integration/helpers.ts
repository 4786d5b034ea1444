import { createPrismaClient, type Db } from "@/lib/db";
import { loadSeeds } from "@/lib/seeds";
import { assertTestDatabase } from "@/tests/support/test-db";
import { env } from "@/lib/env";

/** A client on this run's throwaway database; the guard refuses any other database. */
export function connectTestDb(): Db {
  return createPrismaClient(assertTestDatabase(env().DATABASE_URL));
}

/** Empties every table but the migration history, so each test file starts from nothing. */
export async function resetDatabase(db: Db) {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map((table) => `"${table.tablename}"`).join(", ")} CASCADE`);
}

/** A client on this run's throwaway database, emptied and then loaded with the seeds. */
export async function seededTestDb(): Promise<Db> {
  const db = connectTestDb();
  await resetDatabase(db);
  await loadSeeds(db);
  return db;
}

export type SessionUser = { id: string; email: string; name: string | null; role: "viewer" | "editor" | "admin" };

/** Creates a teammate and makes them the caller of the route handlers under test (through the test's mocked `auth`). */
export async function signInAs(db: Db, session: { user: SessionUser | null }, email: string, role: SessionUser["role"]): Promise<SessionUser> {
  const { createUser } = await import("@/lib/writes/users");
  const user = await createUser(db, { email, name: email.split("@")[0]!, role, password: "a long enough password" });
  session.user = { ...user, role };
  return session.user;
}

/** Reads `read()` until `isDone` holds for its value (no fixed delays), or throws with the last value after `timeoutMs`. */
export async function until<T>(read: () => Promise<T>, isDone: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
