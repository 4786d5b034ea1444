/**
 * `npm run bench`: speed and memory figures, one JSON object per line on stdout
 * (`{"name","value","unit","baseline"?,"ratio"?,…}`); progress goes to stderr. Builds its own corpus,
 * database and server, and removes them afterwards. Every ratio compares with a baseline measured in
 * the same run, so it means something on a noisy machine.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { E2E_PASSWORD, E2E_USERS } from "@/e2e/fixtures/users";
import { recombineArticles } from "@/tests/support/bench/corpus";
import { measureIncrementalAnalysis } from "@/tests/support/bench/incremental";
import { loadFor, logIn, measureRoutes, percentile, type Route, watchPeakRss } from "@/tests/support/bench/http";
import { createPrismaClient } from "@/lib/db";
import { extractArticle, SpeakerRegistry } from "@/lib/nlp";
import { baselineSentenceCount } from "@/lib/nlp/bench-helpers";
import { loadSeeds, SEEDS_DIR } from "@/lib/seeds";
import { buildIfNeeded } from "@/lib/server/build";
import { findFreePort } from "@/lib/server/embedded";
import { SERVER_NODE_FLAGS } from "@/lib/server/node-flags";
import { createTestDatabase } from "@/tests/support/test-db";
import { refreshAnalysis } from "@/lib/analysis/run/refresh";
import { ingestMany, loadSpeakerRegistry, readIssueLexicons } from "@/lib/writes/ingest";
import { createShareLink } from "@/lib/writes/share-links";
import { loadIssueLexiconFile } from "@/lib/issues-file";

const DIST_DIR = ".next-test";
const INGEST_ARTICLES = Number(process.env.BENCH_INGEST_ARTICLES ?? 1000);
const CORPUS_ARTICLES = Number(process.env.BENCH_CORPUS_ARTICLES ?? 10_000);
const OUTLETS = 20;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
const CROWD_SECONDS = Number(process.env.BENCH_CROWD_SECONDS ?? 60);
const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const emit = (metric: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(metric)}\n`);
const round = (value: number) => Math.round(value * 100) / 100;

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

async function benchIngest(url: string, texts: string[]) {
  const db = createPrismaClient(url);
  try {
    await loadSeeds(db);
    const issues = await readIssueLexicons(db);
    const speakers = await loadSpeakerRegistry(db);
    const issueIds = new Map((await db.issue.findMany({ select: { id: true, slug: true } })).map((issue) => [issue.slug, issue.id]));
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
    );
    const seconds = (performance.now() - started) / 1000;
    emit({ name: "ingest.articles_per_s", value: round(stored / seconds), unit: "articles/s", articles: stored });
    const total = await cloneCorpus(db, CORPUS_ARTICLES);
    const analysisStarted = performance.now();
    await refreshAnalysis(db);
    const refreshMs = performance.now() - analysisStarted;
    emit({ name: "analysis.refresh_s", value: round(refreshMs / 1000), unit: "s", articles: total });
    await benchIncremental(db, refreshMs, total);
    return total;
  } finally {
    await db.$disconnect();
  }
}

/** One article added to the full corpus, then the analysis for it alone: median of five, with its ratio to the full run above. */
async function benchIncremental(db: ReturnType<typeof createPrismaClient>, refreshMs: number, articles: number) {
  progress("incremental analysis: 5 articles added one at a time");
  const texts = recombineArticles(seedTexts(), 5, 2026).map((text, index) => `${text}\nIncremental bench article ${index + 1}.`);
  const { medianMs, runsMs } = await measureIncrementalAnalysis(db, texts, "Bench Outlet 1");
  emit({
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
 * Copies the ingested articles with everything derived from them in SQL until the corpus holds `target`
 * articles (the pipeline already ran on the originals; copies only need distinct ids and hashes).
 */
async function cloneCorpus(db: ReturnType<typeof createPrismaClient>, target: number): Promise<number> {
  const originals = await db.article.count();
  const copies = Math.max(0, Math.ceil(target / originals) - 1);
  if (copies === 0) return originals;
  progress(`cloning ${originals} articles ${copies} times in SQL`);
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`
        INSERT INTO "Article" (id, "outletId", title, url, "publishedAt", byline, "originalText", "cleanedText", "contentHash", minhash, "lshBands", source, "sourceFile", "charCount", "ingestedAt", "derivedAt", "updatedAt")
        SELECT a.id || '_c' || n, a."outletId", a.title, a.url, a."publishedAt", a.byline, a."originalText", a."cleanedText", a."contentHash" || '_c' || n, a.minhash, '{}', a.source, a."sourceFile", a."charCount", now(), now(), now()
        FROM "Article" a CROSS JOIN generate_series(1, ${copies}::int) AS n`;
      await tx.$executeRaw`
        INSERT INTO "Sentence" (id, "articleId", index, paragraph, start, "end", issues)
        SELECT s.id || '_c' || n, s."articleId" || '_c' || n, s.index, s.paragraph, s.start, s."end", s.issues
        FROM "Sentence" s CROSS JOIN generate_series(1, ${copies}::int) AS n WHERE position('_c' in s."articleId") = 0`;
      await tx.$executeRaw`
        INSERT INTO "Claim" (id, "articleId", kind, start, "end", text, quote, "isPartial", "speakerId", "speakerText", verb, confidence, fingerprint, status, version, "createdAt", "updatedAt",
          "pipelineKind", "pipelineStart", "pipelineEnd", "pipelineText", "pipelineQuote", "pipelineSpeakerId")
        SELECT c.id || '_c' || n, c."articleId" || '_c' || n, c.kind, c.start, c."end", c.text, c.quote, c."isPartial", c."speakerId", c."speakerText", c.verb, c.confidence, c.fingerprint, c.status, 1, now(), now(),
          c."pipelineKind", c."pipelineStart", c."pipelineEnd", c."pipelineText", c."pipelineQuote", c."pipelineSpeakerId"
        FROM "Claim" c CROSS JOIN generate_series(1, ${copies}::int) AS n WHERE position('_c' in c."articleId") = 0`;
      await tx.$executeRaw`
        INSERT INTO "ClaimIssue" ("claimId", "issueId")
        SELECT ci."claimId" || '_c' || n, ci."issueId" FROM "ClaimIssue" ci CROSS JOIN generate_series(1, ${copies}::int) AS n WHERE position('_c' in ci."claimId") = 0`;
      await tx.$executeRaw`
        INSERT INTO "ClaimFigure" (id, "claimId", raw, value, unit, about, start, "end")
        SELECT f.id || '_c' || n, f."claimId" || '_c' || n, f.raw, f.value, f.unit, f.about, f.start, f."end"
        FROM "ClaimFigure" f CROSS JOIN generate_series(1, ${copies}::int) AS n WHERE position('_c' in f."claimId") = 0`;
    },
    { timeout: 600_000 },
  );
  await db.$executeRawUnsafe(`ANALYZE`);
  return db.article.count();
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
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), NEXT_DIST_DIR: DIST_DIR },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForServer(`${baseUrl}/login`, server);
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
    const latencies = await measureRoutes(routes);
    const p95s = new Map(routes.map((route) => [route.name, percentile(latencies.get(route.name)!, 95)]));
    const baselineP95 = p95s.get("baseline")!;
    const pingP95 = p95s.get("ping")!;
    for (const route of routes) {
      const p95 = p95s.get(route.name)!;
      const toBaseline = route.name === "baseline" ? {} : { baseline: round(baselineP95), ratio: round(p95 / baselineP95) };
      const toPing = route.name === "ping" ? {} : { ratio_to_ping: round(p95 / pingP95) };
      emit({ name: `render.${route.name}.p50_ms`, value: round(percentile(latencies.get(route.name)!, 50)), unit: "ms", route: shownPath(route), articles });
      emit({ name: `render.${route.name}.p95_ms`, value: round(p95), unit: "ms", ...toBaseline, ...toPing, route: shownPath(route), articles });
    }
    emit({ name: "server.peak_rss_mb", value: round(memory.stop()), unit: "MB", articles });
    await benchLoad(baseUrl, cookie, server.pid!, articles);
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
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
    progress(`load: 50 connections on ${page.path} for ${LOAD_SECONDS} s`);
    const result = await loadFor(`${baseUrl}${page.path}`, cookie, { connections: 50, durationMs: LOAD_SECONDS * 1000 });
    emit({
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
  emit({
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
  emit({ name: "load.claims_100.peak_rss_mb", value: round(memory.stop()), unit: "MB", articles });
}

async function main() {
  const seeds = seedTexts();
  progress("extraction throughput");
  benchExtraction(recombineArticles(seeds, 200, 7));
  buildIfNeeded(DIST_DIR, progress);
  const database = await createTestDatabase();
  progress(`database: ${database.describe}`);
  try {
    progress(`ingesting ${INGEST_ARTICLES} synthetic articles`);
    const articles = await benchIngest(database.url, recombineArticles(seeds, INGEST_ARTICLES));
    await benchServer(database.url, articles);
  } finally {
    await database.drop();
  }
}

main().catch((error: Error) => {
  progress(error.stack ?? error.message);
  process.exit(1);
});
