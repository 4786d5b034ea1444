/**
 * The server the end-to-end tests and the benchmark drive: the real HTTP server and app on a throwaway
 * database (never the app's own), with the seeds and one account per role.
 */
import crypto from "node:crypto";
import { buildIfNeeded } from "@/lib/server/build";
import { startHttpServer } from "@/lib/server/http";
import { applyMigrations } from "@/lib/server/migrate";
import { runPreparation } from "@/lib/server/prepare";
import { assertTestDatabase } from "@/tests/support/test-db";
import { env } from "@/lib/env";
import { startWorker } from "@/lib/jobs/worker";

const url = assertTestDatabase(env().DATABASE_URL);
const port = Number(process.env.PORT ?? 3123);
process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString("base64url");
process.env.AUTH_TRUST_HOST = "true";

buildIfNeeded(process.env.NEXT_DIST_DIR ?? ".next-test", console.log);
await applyMigrations(url);
// The seeds and the accounts are stored by a process of their own, as `npm start` does (lib/server/prepare.ts).
await runPreparation("scripts/test-server-prepare.ts", url, (line) => console.log(`[test-server] ${line}`));
// BRIEFING_WORKER=off starts a web server alone (the two-instance test runs one worker for two servers).
if (process.env.BRIEFING_WORKER !== "off") await startWorker({ databaseUrl: url, log: (line) => console.log(`[test-server] ${line}`) });
await startHttpServer({ port, hostname: "127.0.0.1", databaseUrl: url, log: (line) => console.log(`[test-server] ${line}`) });
console.log(`e2e server ready on http://127.0.0.1:${port}`);
