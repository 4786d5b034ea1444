/**
 * `npm test`: formatting, lint, types, unit tests, a production build, integration tests on a throwaway database
 * and the end-to-end tests in Chromium, in that order, stopping at the first failing step. Never
 * touches the app's own data folder, database, build or port.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { resolveChromium } from "@/tests/support/browser";
import { findFreePort } from "@/lib/server/embedded";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-db";

const REPORTS = path.resolve("test-results");
const TEST_DIST_DIR = ".next-test";

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): Promise<boolean> {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      console.log(`${code === 0 ? "✔" : "✘"} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      resolve(code === 0);
    }),
  );
}

type Counts = { passed: number; failed: number; skipped: number };

function vitestCounts(file: string): Counts {
  try {
    const report = JSON.parse(fs.readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
    return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests };
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}

function playwrightCounts(file: string): Counts {
  try {
    const report = JSON.parse(fs.readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
    return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}

const bin = (name: string) => path.join("node_modules", ".bin", name);

/** Runs one step against a throwaway database of its own, dropped afterwards whatever happens. */
async function withTestDatabase(step: (env: Record<string, string>) => Promise<boolean>): Promise<boolean> {
  const database: TestDatabase = await createTestDatabase();
  console.log(`Test database: ${database.describe}`);
  try {
    return await step({
      DATABASE_URL: database.url,
      NEXT_DIST_DIR: TEST_DIST_DIR,
      PLAYWRIGHT_CHROMIUM_EXECUTABLE: await resolveChromium(),
      E2E_PORT: String(await findFreePort()),
    });
  } finally {
    await database.drop();
  }
}

async function main(): Promise<number> {
  fs.rmSync(REPORTS, { recursive: true, force: true });
  fs.mkdirSync(REPORTS, { recursive: true });
  const ok =
    (await run("Format", bin("prettier"), ["--check", "--log-level=warn", "."])) &&
    (await run("Lint", bin("eslint"), ["--max-warnings=0", "."])) &&
    (await run("Type check", bin("tsc"), ["--noEmit"])) &&
    (await run("Unit tests", bin("vitest"), ["run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile.json=${REPORTS}/unit.json`])) &&
    (await run("Production build", bin("tsx"), ["scripts/build.ts"], { NEXT_DIST_DIR: TEST_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" })) &&
    (await withTestDatabase((env) =>
      run(
        "Integration tests",
        bin("vitest"),
        ["run", "--project", "integration", "--reporter=default", "--reporter=json", `--outputFile.json=${REPORTS}/integration.json`],
        env,
      ),
    )) &&
    (await withTestDatabase((env) => run("End-to-end tests", bin("playwright"), ["test"], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/e2e.json` })));
  const totals = [vitestCounts(`${REPORTS}/unit.json`), vitestCounts(`${REPORTS}/integration.json`), playwrightCounts(`${REPORTS}/e2e.json`)].reduce(
    (sum, counts) => ({ passed: sum.passed + counts.passed, failed: sum.failed + counts.failed, skipped: sum.skipped + counts.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  console.log(`\n${ok ? "All steps passed." : "A step failed (see above)."}`);
  // A failed step with no failed test (lint, types, build) still counts as a failure in the closing line.
  const failed = ok ? totals.failed : Math.max(totals.failed, 1);
  console.log(`tests: ${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped`);
  return ok ? 0 : 1;
}

main().then((code) => process.exit(code));
