/**
 * The server the end-to-end tests and the benchmark drive: the real HTTP server and app on a throwaway
 * database (never the app's own), with the seeds and one account per role.
 */
import crypto from "node:crypto";
import { E2E_PASSWORD, E2E_USERS } from "@/e2e/fixtures/users";
import { createPrismaClient } from "@/lib/db";
import { loadSeeds } from "@/lib/seeds";
import { buildIfNeeded } from "@/lib/server/build";
import { startHttpServer } from "@/lib/server/http";
import { applyMigrations } from "@/lib/server/migrate";
import { assertTestDatabase } from "@/tests/support/test-db";
import { createUser } from "@/lib/writes/users";
import { env } from "@/lib/env";
import { startWorker } from "@/lib/jobs/worker";

const url = assertTestDatabase(env().DATABASE_URL);
const port = Number(process.env.PORT ?? 3123);
process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString("base64url");
process.env.AUTH_TRUST_HOST = "true";

buildIfNeeded(process.env.NEXT_DIST_DIR ?? ".next-test", console.log);
await applyMigrations(url);
const db = createPrismaClient(url);
await loadSeeds(db);
for (const user of Object.values(E2E_USERS)) {
  if (!(await db.user.findUnique({ where: { email: user.email }, select: { id: true } }))) {
    await createUser(db, { ...user, password: E2E_PASSWORD });
  }
}
await db.$disconnect();
// BRIEFING_WORKER=off starts a web server alone (the two-instance test runs one worker for two servers).
if (process.env.BRIEFING_WORKER !== "off") await startWorker({ databaseUrl: url, log: (line) => console.log(`[test-server] ${line}`) });
await startHttpServer({ port, hostname: "127.0.0.1", databaseUrl: url, log: (line) => console.log(`[test-server] ${line}`) });
console.log(`e2e server ready on http://127.0.0.1:${port}`);
