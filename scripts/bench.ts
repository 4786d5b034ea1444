/**
 * `npm run bench`: speed and memory figures, one JSON object per line on stdout
 * (`{"name","value","unit","baseline"?,"ratio"?,…}`); progress goes to stderr. Builds its own corpus,
 * database and server, and removes them afterwards. Every ratio compares with a baseline measured in
 * the same run, so it means something on a noisy machine.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { E2E_PASSWORD, E2E_USERS } from "@/e2e/fixtures/users";
import { growCorpus, recombineArticles } from "@/tests/support/bench/corpus";
import { measureIncrementalAnalysis } from "@/tests/support/bench/incremental";
import { loadFor, logIn, measureRoutes, percentile, type Route, watchPeakRss } from "@/tests/support/bench/http";
import { createPrismaClient, type Db } from "@/lib/db";
import { extractArticle, SpeakerRegistry } from "@/lib/nlp";
import { baselineSentenceCount } from "@/lib/nlp/bench-helpers";
import { loadSeeds, SEEDS_DIR } from "@/lib/seeds";
import { buildIfNeeded } from "@/lib/server/build";
import { findFreePort } from "@/lib/server/embedded";
import { SERVER_ENV, SERVER_NODE_FLAGS } from "@/lib/server/node-flags";
import { createTestDatabase } from "@/tests/support/test-db";
import { sharedExtractionPool } from "@/lib/workers/extraction-pool";
import { extractionThreads, ingestMany, loadSpeakerRegistry, readIssueLexicons } from "@/lib/writes/ingest";
import { createShareLink } from "@/lib/writes/share-links";
import { loadIssueLexiconFile } from "@/lib/issues-file";

const DIST_DIR = ".next-test";
const INGEST_ARTICLES = Number(process.env.BENCH_INGEST_ARTICLES ?? 1000);
const CORPUS_ARTICLES = Number(process.env.BENCH_CORPUS_ARTICLES ?? 10_000);
const OUTLETS = 20;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
/** Requests of each page after a change of the data (`render.after_change.*`). */
const AFTER_CHANGE_SAMPLES = 15;
const CROWD_SECONDS = Number(process.env.BENCH_CROWD_SECONDS ?? 60);
const ANALYSIS_HEAP_MB = Number(process.env.BENCH_ANALYSIS_HEAP_MB ?? 8192);
/** `BENCH_FULL_ANALYSIS=0` analyses the ingested articles before the corpus grows instead of the whole corpus after (minutes saved at 100,000). */
const FULL_ANALYSIS = process.env.BENCH_FULL_ANALYSIS !== "0";
/** `BENCH_DATABASE_URL`: measure an existing corpus (a database a kept run left) instead of building one; it is not dropped. */
const EXISTING_DATABASE = process.env.BENCH_DATABASE_URL;
/** `BENCH_KEEP_DATABASE=1` leaves the corpus database in place (its URL on stderr), to measure again with `BENCH_DATABASE_URL`. */
const KEEP_DATABASE = process.env.BENCH_KEEP_DATABASE === "1";
/** `BENCH_SERVER=0` skips the server's render, load and memory lines. */
const SERVER = process.env.BENCH_SERVER !== "0";
const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const emit = (metric: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(metric)}\n`);
const round = (value: number) => Math.round(value * 100) / 100;

/** A target of a metric line: a field of the line, compared with a bound. */
type Target = { field: string; op: "<=" | ">=" | "="; bound: number };

/**
 * Adds to a metric line the targets it is held to (`"target": "ratio <= 2"`) and whether it meets them
 * (`"met": true`), so that a reader of the lines needs no other document.
 */
function judged(metric: Record<string, unknown>, targets: Target[]): Record<string, unknown> {
  const meets = ({ field, op, bound }: Target) => {
    const value = Number(metric[field]);
    return op === "<=" ? value <= bound : op === ">=" ? value >= bound : value === bound;
  };
  return { ...metric, target: targets.map(({ field, op, bound }) => `${field} ${op} ${bound}`).join(", "), met: targets.every(meets) };
}

/** The targets at 100,000 articles (issue 14), by metric name. */
const TARGETS: Record<string, Target[]> = {
  "ingest.articles_per_s": [{ field: "value", op: ">=", bound: 120 }],
  "render.dashboard.p95_ms": [{ field: "ratio", op: "<=", bound: 2 }],
  "render.issue.p95_ms": [{ field: "ratio", op: "<=", bound: 2 }],
  "render.claims.p95_ms": [{ field: "ratio", op: "<=", bound: 2 }],
  "render.share.p95_ms": [{ field: "ratio", op: "<=", bound: 1.5 }],
  "server.peak_rss_mb": [{ field: "value", op: "<=", bound: 400 }],
  "analysis.incremental_ms": [{ field: "value", op: "<=", bound: 1000 }],
  "load.issue.rps": [
    { field: "errors", op: "=", bound: 0 },
    { field: "p99_ms", op: "<=", bound: 2000 },
  ],
  "load.claims.rps": [
    { field: "errors", op: "=", bound: 0 },
    { field: "p99_ms", op: "<=", bound: 2000 },
  ],
};

/** Prints a metric line, with its targets when it has some. */
function report(metric: Record<string, unknown> & { name: string }) {
  const targets = TARGETS[metric.name];
  emit(targets ? judged(metric, targets) : metric);
}

/** Runs one phase of the bench and reports how long it took (`phase.<name>_s`). */
async function phase<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  progress(`phase ${name}`);
  const started = performance.now();
  const result = await run();
  const seconds = round((performance.now() - started) / 1000);
  progress(`phase ${name} took ${seconds} s`);
  emit({ name: `phase.${name}_s`, value: seconds, unit: "s" });
  return result;
}

function seedTexts(): string[] {
  return fs
    .readdirSync(SEEDS_DIR)
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) => fs.readFileSync(path.join(SEEDS_DIR, file), "utf8"));
}

/** Pipeline throughput against wink-nlp's bare `readDoc` on the same texts, best of three each. */
function benchExtraction(texts: string[]) {
  const issues = loadIssueLexiconFile(path.join(SEEDS_DIR, "issues.json"));
  let sentences = 0;
  for (const text of texts) sentences += baselineSentenceCount(text);
  const best = (run: () => void) => {
    let fastest = Infinity;
    for (let round = 0; round < 3; round += 1) {
      const started = performance.now();
      run();
      fastest = Math.min(fastest, performance.now() - started);
    }
    return fastest / 1000;
  };
  const bare = best(() => {
    for (const text of texts) baselineSentenceCount(text);
  });
  const pipeline = best(() => {
    let speakers = new SpeakerRegistry();
    for (const text of texts) speakers = extractArticle(text, { issues, speakers }).speakers;
  });
  const rate = sentences / pipeline;
  const baseline = sentences / bare;
  emit({
    name: "extract.sentences_per_s",
    value: Math.round(rate),
    unit: "sentences/s",
    baseline: Math.round(baseline),
    ratio: round(rate / baseline),
    sentences,
  });
}

/** The whole ingest path (duplicate checks, extraction in the thread pool, writes) over `texts`, on the seeded database. */
async function benchIngest(db: Db, texts: string[]) {
  await loadSeeds(db);
  const issues = await readIssueLexicons(db);
  const speakers = await loadSpeakerRegistry(db);
  const issueIds = new Map((await db.issue.findMany({ select: { id: true, slug: true } })).map((issue) => [issue.slug, issue.id]));
  const threads = extractionThreads();
  // The pool's threads load the pipeline before the clock starts, as in a server that is already running.
  await sharedExtractionPool(threads)?.warm();
  const started = performance.now();
  let stored = 0;
  await ingestMany(
    db,
    texts.map((body, index) => ({ input: { body, outlet: `Bench Outlet ${(index % OUTLETS) + 1}` } })),
    { source: "cli", issues, speakers, issueIds },
    (_index, result) => {
      if (result.outcome?.status === "stored") stored += 1;
      else if (result.error) throw result.error;
    },
    { threads },
  );
  const seconds = (performance.now() - started) / 1000;
  report({
    name: "ingest.articles_per_s",
    value: round(stored / seconds),
    unit: "articles/s",
    articles: stored,
    threads,
    threads_warm: true,
    load_avg: round(os.loadavg()[0]!),
  });
}

/** One article added to the full corpus, then the analysis for it alone: median of five, with its ratio to the full run above. */
async function benchIncremental(db: Db, refreshMs: number, articles: number) {
  progress("incremental analysis: 5 articles added one at a time");
  // A stamp of this run, so that measuring a kept corpus again adds new articles, not duplicates of the last run's.
  const runStamp = new Date().toISOString();
  const texts = recombineArticles(seedTexts(), 5, 2026).map((text, index) => `${text}\nIncremental bench article ${index + 1} of run ${runStamp}.`);
  const { medianMs, runsMs } = await measureIncrementalAnalysis(db, texts, "Bench Outlet 1");
  report({
    name: "analysis.incremental_ms",
    value: round(medianMs),
    unit: "ms",
    baseline: round(refreshMs),
    ratio: round(medianMs / refreshMs),
    runs_ms: runsMs.map(round),
    articles,
  });
}

/**
 * The full analysis over the whole corpus, as a lexicon change would run it: `npm run analyze` in a
 * process of its own (with room for a large corpus, `BENCH_ANALYSIS_HEAP_MB`), so that a run that fails
 * at 100,000 articles is reported and the bench goes on.
 */
async function benchAnalysis(url: string, articles: number): Promise<number | null> {
  const started = performance.now();
  const child = spawn(process.execPath, [`--max-old-space-size=${ANALYSIS_HEAP_MB}`, "--import", "tsx", "scripts/analyze.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const memory = watchPeakRss(child.pid!);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  const ms = performance.now() - started;
  report({
    name: "analysis.refresh_s",
    value: round(ms / 1000),
    unit: "s",
    peak_rss_mb: round(memory.stop()),
    ...(code === 0 ? {} : { failed: `exit code ${code}` }),
    articles,
  });
  return code === 0 ? ms : null;
}

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

async function benchServer(url: string, articles: number) {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, "--import", "tsx", "scripts/test-server.ts"], {
    env: { ...process.env, ...SERVER_ENV, DATABASE_URL: url, PORT: String(port), NEXT_DIST_DIR: DIST_DIR },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForServer(`${baseUrl}/login`, server);
    // The server's peak memory over everything it serves here: the render figures and the load lines.
    const memory = watchPeakRss(server.pid!);
    const cookie = await logIn(baseUrl, E2E_USERS.viewer.email, E2E_PASSWORD);
    const db = createPrismaClient(url);
    const editor = await db.user.findUniqueOrThrow({ where: { email: E2E_USERS.editor.email }, select: { id: true, role: true } });
    const { token } = await createShareLink(db, editor, { target: { type: "issue", slug: "donbas" }, expiresInDays: null });
    await db.$disconnect();
    // The baseline is the cheapest page this server renders for a logged-in user: the same session
    // check as every page, one `SELECT 1`, a line of text. `/api/ping` does the same without rendering a
    // page; it is reported too, with each page's ratio to it.
    const routes: Route[] = [
      { name: "baseline", url: `${baseUrl}/status`, cookie },
      { name: "ping", url: `${baseUrl}/api/ping`, cookie },
      { name: "dashboard", url: `${baseUrl}/`, cookie },
      { name: "issue", url: `${baseUrl}/issues/donbas`, cookie },
      { name: "articles", url: `${baseUrl}/articles`, cookie },
      { name: "claims", url: `${baseUrl}/claims`, cookie },
      { name: "share", url: `${baseUrl}/s/${token}`, cookie: "" },
    ];
    const shownPath = (route: Route) => new URL(route.url).pathname.replace(token, "[token]");
    progress(`measuring ${routes.map(shownPath).join(", ")} in turns`);
    const { latencies, errors } = await measureRoutes(routes);
    const p95s = new Map(routes.map((route) => [route.name, percentile(latencies.get(route.name)!, 95)]));
    const baselineP95 = p95s.get("baseline")!;
    const pingP95 = p95s.get("ping")!;
    for (const route of routes) {
      const p95 = p95s.get(route.name)!;
      const toBaseline = route.name === "baseline" ? {} : { baseline: round(baselineP95), ratio: round(p95 / baselineP95) };
      const toPing = route.name === "ping" ? {} : { ratio_to_ping: round(p95 / pingP95) };
      report({ name: `render.${route.name}.p50_ms`, value: round(percentile(latencies.get(route.name)!, 50)), unit: "ms", route: shownPath(route), articles });
      report({
        name: `render.${route.name}.p95_ms`,
        value: round(p95),
        unit: "ms",
        ...toBaseline,
        ...toPing,
        route: shownPath(route),
        errors: errors.get(route.name),
        articles,
      });
    }
    await benchAfterChange(baseUrl, cookie, url, articles);
    await benchLoad(baseUrl, cookie, server.pid!, articles);
    report({ name: "server.peak_rss_mb", value: round(memory.stop()), unit: "MB", during: "render and load", articles });
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
}

/**
 * What the first reader after a change waits for: the dashboard, an issue's page and the review queue
 * are kept per data version (docs/ARCHITECTURE.md, "Caches"), so the render figures above are of kept
 * pages. Here a claim is touched before each request (a new data version: every cache of the brief
 * misses), and the pages are requested one at a time (`render.after_change.<page>.p50_ms` and `.p95_ms`; no target).
 */
async function benchAfterChange(baseUrl: string, cookie: string, databaseUrl: string, articles: number) {
  const db = createPrismaClient(databaseUrl);
  try {
    const pages = [
      { name: "dashboard", path: "/" },
      { name: "issue", path: "/issues/donbas" },
      { name: "claims", path: "/claims" },
    ];
    progress(`the first request after a change, ${AFTER_CHANGE_SAMPLES} times each`);
    for (const page of pages) {
      const latencies: number[] = [];
      for (let i = 0; i < AFTER_CHANGE_SAMPLES; i += 1) {
        await db.$executeRaw`UPDATE "Claim" SET "updatedAt" = now() WHERE id = (SELECT id FROM "Claim" ORDER BY id LIMIT 1)`;
        const sent = performance.now();
        const response = await fetch(`${baseUrl}${page.path}`, { headers: { cookie }, redirect: "manual" });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${page.path} answered ${response.status} after a change.`);
        latencies.push(performance.now() - sent);
      }
      latencies.sort((a, b) => a - b);
      for (const p of [50, 95]) {
        report({
          name: `render.after_change.${page.name}.p${p}_ms`,
          value: round(percentile(latencies, p)),
          unit: "ms",
          route: page.path,
          samples: latencies.length,
          articles,
        });
      }
    }
  } finally {
    await db.$disconnect();
  }
}

/**
 * Load: 50 connections requesting a page back to back (`load.<page>.rps` with errors and p99), then a
 * crowd of 100 on the review queue for a minute, with the server's peak memory meanwhile. The server
 * serves a few requests at a time and queues the rest, so the crowd should see no errors and bounded memory.
 */
async function benchLoad(baseUrl: string, cookie: string, pid: number, articles: number) {
  const pages = [
    { name: "claims", path: "/claims" },
    { name: "issue", path: "/issues/donbas" },
  ];
  for (const page of pages) {
    // One request first: the load measures the page as the server serves it between changes. The phase
    // before changed the data, and the first request after a change (render.after_change) renders the
    // page while the others queue behind it; at 100,000 articles that wave alone is the p99.
    await (await fetch(`${baseUrl}${page.path}`, { headers: { cookie } })).arrayBuffer();
    progress(`load: 50 connections on ${page.path} for ${LOAD_SECONDS} s`);
    const result = await loadFor(`${baseUrl}${page.path}`, cookie, { connections: 50, durationMs: LOAD_SECONDS * 1000 });
    report({
      name: `load.${page.name}.rps`,
      value: round(result.rps),
      unit: "requests/s",
      connections: 50,
      requests: result.requests,
      errors: result.errors,
      p50_ms: round(result.p50Ms),
      p99_ms: round(result.p99Ms),
      articles,
    });
  }
  progress(`load: 100 connections on /claims for ${CROWD_SECONDS} s`);
  const memory = watchPeakRss(pid);
  const crowd = await loadFor(`${baseUrl}/claims`, cookie, { connections: 100, durationMs: CROWD_SECONDS * 1000 });
  const alive = (await fetch(`${baseUrl}/login`)).status === 200;
  report({
    name: "load.claims_100.rps",
    value: round(crowd.rps),
    unit: "requests/s",
    connections: 100,
    seconds: CROWD_SECONDS,
    requests: crowd.requests,
    errors: crowd.errors,
    statuses: crowd.statuses,
    p99_ms: round(crowd.p99Ms),
    server_alive: alive,
    articles,
  });
  report({ name: "load.claims_100.peak_rss_mb", value: round(memory.stop()), unit: "MB", articles });
}

async function main() {
  const seeds = seedTexts();
  await phase("extraction", () => benchExtraction(recombineArticles(seeds, 200, 7)));
  if (SERVER) await phase("build", () => buildIfNeeded(DIST_DIR, progress));
  const database = EXISTING_DATABASE
    ? { url: EXISTING_DATABASE, describe: "the existing database BENCH_DATABASE_URL names", drop: async () => {} }
    : await phase("database", () => createTestDatabase());
  progress(`database: ${database.describe}`);
  const db = createPrismaClient(database.url);
  try {
    let articles: number;
    if (EXISTING_DATABASE) {
      articles = await db.article.count();
      if (FULL_ANALYSIS) {
        const refreshMs = await phase("analysis", () => benchAnalysis(database.url, articles));
        if (refreshMs !== null) await phase("incremental", () => benchIncremental(db, refreshMs, articles));
      }
    } else {
      await phase("ingest", () => benchIngest(db, recombineArticles(seeds, INGEST_ARTICLES)));
      const outletIds = (await db.outlet.findMany({ where: { name: { startsWith: "Bench Outlet" } }, orderBy: { slug: "asc" }, select: { id: true } })).map(
        (o) => o.id,
      );
      if (!FULL_ANALYSIS) await phase("analysis", () => benchAnalysis(database.url, INGEST_ARTICLES));
      articles = await phase("corpus", () => growCorpus(db, CORPUS_ARTICLES, outletIds, progress));
      if (FULL_ANALYSIS) {
        const refreshMs = await phase("analysis", () => benchAnalysis(database.url, articles));
        // An article-scoped run needs the stored analysis of the whole corpus to update.
        if (refreshMs !== null) await phase("incremental", () => benchIncremental(db, refreshMs, articles));
      }
    }
    if (SERVER) await phase("server", () => benchServer(database.url, articles));
  } finally {
    await db.$disconnect();
    if (KEEP_DATABASE && !EXISTING_DATABASE) progress(`kept the database: BENCH_DATABASE_URL=${database.url}`);
    else await database.drop();
  }
}

main().catch((error: Error) => {
  progress(error.stack ?? error.message);
  process.exit(1);
});
