import os from "node:os";

/**
 * Node flags of the app's server process, used by `npm start` (package.json) and by the servers the
 * end-to-end tests and the benchmark start, so they measure what runs.
 *
 * - `--max-old-space-size=384`: the heap cap keeps the server's memory near what it needs: without one,
 *   V8 lets the heap grow to several hundred MB under load before collecting. The heaviest work a request
 *   does in-process, extracting a 2 MB article, needs about 120 MB; the cross-article analysis runs in a
 *   process of its own (lib/jobs/worker.ts).
 * - `--max-semi-space-size=4`: the young generation is two semi-spaces; V8's default lets each grow to
 *   16 MB, 32 MB that a server under load keeps resident however little survives a render. At 4 MB the
 *   young collections come more often and each is shorter. Measured at 10,050 articles, 50 connections on
 *   `/claims` then on an issue (with MALLOC_ARENA_MAX below): peak RSS 434 → 387 MB with both settings,
 *   433 MB with only this one; throughput and p99 unchanged within the noise of the machine.
 */
export const SERVER_NODE_FLAGS = ["--max-old-space-size=384", "--max-semi-space-size=4"] as const;

/**
 * Node flags of a job's process (lib/jobs/worker.ts): a heap of half the machine's memory, and never less
 * than V8's own default. A full analysis holds every claim while it clusters them (about 1.5 KB each). At
 * 100,000 articles (2.36 million claims) it finished within V8's default 4 GB heap, with a peak RSS of
 * 3.5 GB: close to the cap, so a larger corpus would end out of memory exactly when a large desk's
 * lexicon changes. Given room, V8 collects later (5.2 GB peak RSS under an 8 GB cap) but runs as fast.
 */
export function jobNodeFlags(totalMemoryBytes: number = os.totalmem()): string[] {
  const defaultMb = 4096;
  const halfMb = Math.floor(totalMemoryBytes / 2 / 1024 / 1024);
  return [`--max-old-space-size=${Math.max(defaultMb, halfMb)}`];
}

/**
 * Environment of the server process, set before it starts (glibc reads it once, at start).
 *
 * `MALLOC_ARENA_MAX=2`: glibc gives every thread that allocates its own malloc arena (up to eight per
 * core), and the V8 and libuv threads of a server under load each fragment theirs, memory that is never
 * handed back. Two arenas keep that native memory bounded (measured: see above; 462 → 447 MB alone).
 */
export const SERVER_ENV = { MALLOC_ARENA_MAX: "2" } as const;

/** {@link SERVER_ENV} as a shell prefix, for package.json's scripts and Playwright's server command. */
export const SERVER_ENV_PREFIX = Object.entries(SERVER_ENV)
  .map(([name, value]) => `${name}=${value}`)
  .join(" ");
