import fs from "node:fs";

/** Logs in through the real Auth.js credentials endpoint and returns the session cookie header. */
export async function logIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = (csrfResponse.headers.getSetCookie() ?? []).map((cookie) => cookie.split(";")[0]).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/` }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.includes("authjs.session-token="));
  if (!session) throw new Error(`Logging in as ${email} failed (status ${response.status}).`);
  return session.split(";")[0] ?? "";
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** One request, read to its end: its status ("failed" when no answer came) and how long it took. */
async function request(url: string, cookie: string): Promise<{ status: string; ms: number }> {
  const sent = performance.now();
  try {
    const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    await response.arrayBuffer();
    return { status: String(response.status), ms: performance.now() - sent };
  } catch {
    return { status: "failed", ms: performance.now() - sent };
  }
}

/**
 * Requests `url` `count` times, `concurrency` at a time. Returns the latencies in milliseconds of the
 * 200 answers, and the other answers (and failed connections) by status.
 */
async function load(url: string, cookie: string, count: number, concurrency: number): Promise<{ latencies: number[]; failures: Record<string, number> }> {
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  const once = async () => {
    const { status, ms } = await request(url, cookie);
    if (status === "200") latencies.push(ms);
    else failures[status] = (failures[status] ?? 0) + 1;
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        next += 1;
        await once();
      }
    }),
  );
  return { latencies, failures };
}

export type LoadResult = { requests: number; errors: number; rps: number; p50Ms: number; p99Ms: number; statuses: Record<string, number> };

/**
 * Keeps `connections` clients requesting `url` back to back for `durationMs`, as a crowd would. Any
 * answer but 200 (a 503 from a full queue included), or a failed connection, counts as an error.
 */
export async function loadFor(url: string, cookie: string, { connections, durationMs }: { connections: number; durationMs: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const { status, ms } = await request(url, cookie);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === "200") latencies.push(ms);
        else errors += 1;
      }
    }),
  );
  const elapsedS = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length + errors,
    errors,
    rps: latencies.length / elapsedS,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    statuses,
  };
}

export type Route = { name: string; url: string; cookie: string };

/**
 * Measures routes that are to be compared with each other under the same conditions: each is warmed up
 * with `warmup` requests, then its `samples` are taken in `rounds` turns, every route once in each turn
 * (A B C, A B C, …), so that a slow spell of a noisy machine, or the server still settling after its
 * start, falls on all of them alike instead of on whichever was measured then. Returns each route's
 * latencies in milliseconds of its 200 answers, sorted, by name, and the number of other answers.
 */
export async function measureRoutes(
  routes: Route[],
  { samples = 200, concurrency = 10, warmup = 100, rounds = 4 } = {},
): Promise<{ latencies: Map<string, number[]>; errors: Map<string, number> }> {
  const latencies = new Map(routes.map((route) => [route.name, [] as number[]]));
  const errors = new Map(routes.map((route) => [route.name, 0]));
  for (const route of routes) await load(route.url, route.cookie, warmup, concurrency);
  for (let round = 0; round < rounds; round += 1) {
    // The rounds split the samples as evenly as they can: 200 in 3 rounds is 67, 67 and 66.
    const count = Math.floor(samples / rounds) + (round < samples % rounds ? 1 : 0);
    for (const route of routes) {
      const result = await load(route.url, route.cookie, count, concurrency);
      latencies.get(route.name)!.push(...result.latencies);
      errors.set(route.name, errors.get(route.name)! + Object.values(result.failures).reduce((sum, n) => sum + n, 0));
    }
  }
  for (const each of latencies.values()) each.sort((a, b) => a - b);
  return { latencies, errors };
}

function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const listed = fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (listed) children = children.concat(listed.split(/\s+/).map(Number));
    }
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Samples the resident memory of a process and all its descendants until stopped; reports the peak in MB. */
export function watchPeakRss(pid: number, intervalMs = 250) {
  let peakKb = 0;
  const sample = () => {
    const total = [pid, ...descendants(pid)].reduce((sum, each) => sum + rssKb(each), 0);
    peakKb = Math.max(peakKb, total);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peakKb / 1024;
    },
  };
}
