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

/**
 * Requests `url` `samples` times, `concurrency` at a time, after `warmup` unmeasured requests made the
 * same way (a route's first hundred or so requests include compiling its code, so every route, the
 * baseline too, is measured in its steady state); every response must be 200. Returns the latencies in
 * milliseconds, sorted.
 */
export async function measure(url: string, cookie: string, { samples = 200, concurrency = 10, warmup = 100 } = {}): Promise<number[]> {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    return performance.now() - started;
  };
  const run = async (count: number) => {
    const latencies: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          next += 1;
          latencies.push(await once());
        }
      }),
    );
    return latencies;
  };
  await run(warmup);
  return (await run(samples)).sort((a, b) => a - b);
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
