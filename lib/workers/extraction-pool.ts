import os from "node:os";
import path from "node:path";
import { Worker, type ResourceLimits } from "node:worker_threads";
import type { ExtractionSession, FromThread, ThreadExtraction, ThreadFailure, ToThread } from "./extraction-protocol";

export type { ExtractionSession, ThreadExtraction } from "./extraction-protocol";

/** The thread running an article's extraction died (a crash, or its memory limit): that article fails, the pool carries on. */
export class ExtractionCrashError extends Error {
  constructor(detail: string) {
    super(`The extraction of this article stopped its worker thread (${detail}); nothing was stored for it. The other articles are not affected.`);
    this.name = "ExtractionCrashError";
  }
}

/** The pool's threads could not be started at all (their entry file failed to load). */
export class ExtractionThreadsUnavailableError extends Error {
  constructor(detail: string) {
    super(`Extraction threads could not start: ${detail}`);
    this.name = "ExtractionThreadsUnavailableError";
  }
}

/** A failure the pipeline raised inside a thread, rebuilt with its name and fields (`ArticleTooLongError`'s sentences and limit). */
export class ThreadExtractionError extends Error {
  readonly sentences?: number;
  readonly limit?: number;
  constructor(failure: ThreadFailure) {
    super(failure.message);
    this.name = failure.name;
    this.sentences = failure.sentences;
    this.limit = failure.limit;
  }
}

export type ExtractionPoolOptions = {
  /** Threads (default: the cores this process may use). */
  size?: number;
  /** The thread's entry file (default `extraction-thread.mjs` beside this module's source). */
  threadFile?: string;
  /** V8 limits of each thread: a thread over them dies and only its article fails. */
  resourceLimits?: ResourceLimits;
  /** Threads stop after this long without work and start again on the next (default 30 s). */
  idleMs?: number;
};

type Task = {
  id: number;
  session: number;
  text: string;
  resolve: (extraction: ThreadExtraction) => void;
  reject: (error: Error) => void;
};

/** `tasks`: the articles handed to the thread, in the order it extracts them (the first is under way). */
type Thread = { worker: Worker; sessions: Set<number>; tasks: Task[]; isReady: boolean };

/**
 * Articles a thread holds at once: the one it extracts and the next, so that it starts the next without
 * waiting for the calling thread, which may be busy writing the batch before, to answer its last.
 */
const TASKS_PER_THREAD = 2;

/** Consecutive threads that die before saying they are ready, after which the pool gives up. */
const MAX_START_FAILURES = 3;

/**
 * The folder of this module's source, found from the working directory: the app, its scripts and its
 * tests all run from the project root, also when Next has bundled this module elsewhere.
 */
function defaultThreadFile(): string {
  return path.join(process.cwd(), "lib", "workers", "extraction-thread.mjs");
}

/**
 * A pool of worker threads (node:worker_threads) that run the claims pipeline (`extractArticle`) off the
 * calling thread, one article per thread at a time, with the next one already handed over. Work is grouped
 * in sessions (one per ingest batch): a session's lexicons, tagger and starting speakers reach each thread
 * once. A thread that dies fails only the article it was extracting, with an {@link ExtractionCrashError};
 * the next one it held goes back to the queue, and the thread is replaced. Idle threads stop after `idleMs`
 * and never keep the process alive.
 */
export class ExtractionPool {
  readonly size: number;
  private readonly threadFile: string;
  private readonly resourceLimits?: ResourceLimits;
  private readonly idleMs: number;
  private threads: Thread[] = [];
  private queue: Task[] = [];
  private sessions = new Map<number, ExtractionSession>();
  private nextId = 1;
  private startFailures = 0;
  private unavailable: string | null = null;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(options: ExtractionPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? os.availableParallelism());
    this.threadFile = options.threadFile ?? defaultThreadFile();
    this.resourceLimits = options.resourceLimits;
    this.idleMs = options.idleMs ?? 30_000;
  }

  /** Starts a session; extract its articles with the handle's `extract`, then `end` it. */
  openSession(data: ExtractionSession): { extract: (text: string) => Promise<ThreadExtraction>; end: () => void } {
    const session = this.nextId++;
    this.sessions.set(session, data);
    return {
      extract: (text) => this.submit(session, text),
      end: () => {
        this.sessions.delete(session);
        for (const thread of this.threads) {
          if (thread.sessions.delete(session)) this.post(thread, { type: "end", session });
        }
        this.scheduleIdle();
      },
    };
  }

  /**
   * Starts every thread now and settles once each is ready (or the pool has given up), so that the
   * first articles do not wait for threads to load the pipeline, as in a process that is already running.
   */
  async warm(): Promise<void> {
    while (this.threads.length < this.size) this.spawn();
    await new Promise<void>((resolve) => {
      const check = () => (this.unavailable || this.threads.every((thread) => thread.isReady) ? resolve() : setTimeout(check, 20));
      check();
    });
    this.scheduleIdle();
  }

  /** Stops every thread; tasks still waiting fail. */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const task of this.queue.splice(0)) task.reject(new Error("The extraction pool was closed."));
    const threads = this.threads.splice(0);
    for (const thread of threads) for (const task of thread.tasks.splice(0)) task.reject(new Error("The extraction pool was closed."));
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }

  private submit(session: number, text: string): Promise<ThreadExtraction> {
    if (this.unavailable) return Promise.reject(new ExtractionThreadsUnavailableError(this.unavailable));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, session, text, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    while (this.threads.length < this.size && this.threads.length < this.queue.length + this.busy()) this.spawn();
    // A round per slot: every idle thread gets an article before any thread gets its second.
    for (let held = 0; held < TASKS_PER_THREAD; held++) {
      for (const thread of this.threads) {
        if (this.queue.length === 0) return;
        if (thread.tasks.length > held || !thread.isReady) continue;
        const task = this.queue.shift()!;
        const data = this.sessions.get(task.session);
        if (!data) {
          task.reject(new Error("The extraction session has ended."));
          continue;
        }
        if (!thread.sessions.has(task.session)) {
          this.post(thread, { type: "session", session: task.session, data });
          thread.sessions.add(task.session);
        }
        thread.tasks.push(task);
        thread.worker.ref();
        this.post(thread, { type: "extract", task: task.id, session: task.session, text: task.text });
      }
    }
  }

  private busy(): number {
    return this.threads.filter((thread) => thread.tasks.length > 0).length;
  }

  private post(thread: Thread, message: ToThread): void {
    thread.worker.postMessage(message);
  }

  private spawn(): void {
    const worker = new Worker(this.threadFile, { resourceLimits: this.resourceLimits, stderr: false });
    const thread: Thread = { worker, sessions: new Set(), tasks: [], isReady: false };
    this.threads.push(thread);
    let failure: string | null = null;
    worker.on("message", (message: FromThread) => {
      if (message.type === "ready") {
        thread.isReady = true;
        this.startFailures = 0;
        worker.unref();
        this.dispatch();
        return;
      }
      const task = thread.tasks[0];
      if (!task || task.id !== message.task) return;
      thread.tasks.shift();
      if (thread.tasks.length === 0) worker.unref();
      if (message.type === "done") task.resolve(message.extraction);
      else task.reject(new ThreadExtractionError(message.error));
      this.dispatch();
      this.scheduleIdle();
    });
    worker.on("error", (error) => {
      failure = error.message;
    });
    worker.on("exit", (code) => {
      this.threads = this.threads.filter((each) => each !== thread);
      const detail = failure ?? `exit code ${code}`;
      if (!thread.isReady) {
        this.startFailures += 1;
        if (this.startFailures >= MAX_START_FAILURES) {
          this.unavailable = detail;
          for (const task of this.queue.splice(0)) task.reject(new ExtractionThreadsUnavailableError(detail));
        }
      }
      // The thread died on the article it was extracting; the ones after it wait for another thread.
      const [crashed, ...waiting] = thread.tasks.splice(0);
      crashed?.reject(new ExtractionCrashError(detail));
      this.queue.unshift(...waiting);
      if (this.queue.length > 0) this.dispatch();
    });
  }

  private scheduleIdle(): void {
    if (this.idleTimer || this.busy() > 0 || this.queue.length > 0 || this.sessions.size > 0 || this.threads.length === 0) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.busy() === 0 && this.queue.length === 0 && this.sessions.size === 0) {
        for (const thread of this.threads.splice(0)) void thread.worker.terminate();
      }
    }, this.idleMs);
    this.idleTimer.unref();
  }
}

let shared: ExtractionPool | null | undefined;

/**
 * The process's extraction pool, made on first use with `threads` threads; null when `threads` is 0
 * (extract on the calling thread).
 */
export function sharedExtractionPool(threads: number): ExtractionPool | null {
  if (shared === undefined || (shared && shared.size !== threads) || (shared === null && threads > 0)) {
    void shared?.close();
    shared = threads > 0 ? new ExtractionPool({ size: threads }) : null;
  }
  return shared;
}
