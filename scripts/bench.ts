/**
 * `npm run bench`: speed and memory figures, one JSON object per line on stdout
 * (`{"name","value","unit","baseline"?,"ratio"?}`); progress goes to stderr. Builds its own database
 * and server, and removes them afterwards. Ratios compare with a baseline measured in the same run,
 * so they mean something on a noisy machine.
 */
import { spawn } from "node:child_process";
import { E2E_PASSWORD, E2E_USERS } from "@/e2e/fixtures/users";
import { logIn, measure, percentile, watchPeakRss } from "@/lib/bench/http";
import { buildIfNeeded } from "@/lib/server/build";
import { findFreePort } from "@/lib/server/embedded";
import { createTestDatabase } from "@/lib/server/test-db";

const DIST_DIR = ".next-test";
const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const emit = (metric: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(metric)}\n`);

async function waitForServer(url: string, child: ReturnType<typeof spawn>, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("The bench server exited early.");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The bench server did not answer ${url}.`);
}

async function main() {
  buildIfNeeded(DIST_DIR, progress);
  const database = await createTestDatabase();
  progress(`database: ${database.describe}`);
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/test-server.ts"], {
    env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), NEXT_DIST_DIR: DIST_DIR },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForServer(`${baseUrl}/login`, server);
    const memory = watchPeakRss(server.pid!);
    const cookie = await logIn(baseUrl, E2E_USERS.viewer.email, E2E_PASSWORD);
    progress("measuring the baseline route (/api/ping)");
    const baseline = await measure(`${baseUrl}/api/ping`, cookie);
    const baselineP95 = percentile(baseline, 95);
    emit({ name: "render.baseline.p50_ms", value: round(percentile(baseline, 50)), unit: "ms" });
    emit({ name: "render.baseline.p95_ms", value: round(baselineP95), unit: "ms" });
    for (const [name, path] of [["articles", "/articles"]] as const) {
      progress(`measuring ${path}`);
      const latencies = await measure(`${baseUrl}${path}`, cookie);
      const p95 = percentile(latencies, 95);
      emit({ name: `render.${name}.p95_ms`, value: round(p95), unit: "ms", baseline: round(baselineP95), ratio: round(p95 / baselineP95), articles: 5 });
    }
    emit({ name: "server.peak_rss_mb", value: round(memory.stop()), unit: "MB" });
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await database.drop();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main().catch((error: Error) => {
  progress(error.message);
  process.exit(1);
});
