import { defineConfig, devices } from "@playwright/test";
import { SERVER_ENV, SERVER_NODE_FLAGS } from "./lib/server/node-flags";

const port = Number(process.env.E2E_PORT ?? 3123);
const baseURL = `http://127.0.0.1:${port}`;
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
if (!executablePath) {
  throw new Error("PLAYWRIGHT_CHROMIUM_EXECUTABLE is not set: run the end-to-end tests through `npm test` or `npm run test:e2e`.");
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testIgnore: /auth\.setup\.ts/ },
  ],
  webServer: {
    command: `node ${SERVER_NODE_FLAGS.join(" ")} --import tsx scripts/test-server.ts`,
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    // APP_URL: share pages are rendered once for every reader, with absolute URLs from it.
    env: { ...SERVER_ENV, PORT: String(port), APP_URL: baseURL, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-test", URL_IMPORT_ALLOWLIST: "127.0.0.1" },
  },
});
