/**
 * Runs a command (`vitest …`, `playwright …`) against a throwaway database and a browser found without
 * a download: `npm run test:integration`, `npm run test:e2e -- e2e/login.spec.ts`.
 */
import { spawn } from "node:child_process";
import { resolveChromium } from "@/tests/support/browser";
import { findFreePort } from "@/lib/server/embedded";
import { createTestDatabase } from "@/tests/support/test-db";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("Usage: tsx scripts/with-test-db.ts COMMAND [ARGS…]");
  process.exit(2);
}
const database = await createTestDatabase();
const executable = await resolveChromium();
const child = spawn(`node_modules/.bin/${command}`, args, {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    TEST_DATABASE_URL: database.url,
    PLAYWRIGHT_CHROMIUM_EXECUTABLE: executable,
    E2E_PORT: process.env.E2E_PORT ?? String(await findFreePort()),
  },
});
const code = await new Promise<number>((resolve) => child.on("exit", (status) => resolve(status ?? 1)));
await database.drop();
process.exit(code);
