/**
 * Admission control for the app's HTTP server: at most `concurrency` requests are handled at once, the
 * next `queueLimit` wait their turn in arrival order, and only beyond that is a request turned away (the
 * caller answers 503 with Retry-After). A burst of a hundred page loads is then served a few at a time
 * with the memory of a few renders, instead of a hundred renders at once exhausting the heap.
 */
export type GateOptions = {
  /** Requests handled at once. */
  concurrency: number;
  /** Requests that may wait; one more is refused. */
  queueLimit: number;
  /** A request that has waited this long is refused rather than served late (default 30 s). */
  maxWaitMs?: number;
};

/** Given back by {@link RequestGate.enter}: call once when the request is done (or was abandoned). */
export type Release = () => void;

type Waiter = { admit: (release: Release) => void; refuse: () => void; timer?: NodeJS.Timeout };

export class GateFullError extends Error {
  constructor(readonly reason: "queue_full" | "waited_too_long") {
    super(reason === "queue_full" ? "Too many requests are waiting." : "The request waited too long for its turn.");
  }
}

export class RequestGate {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly options: GateOptions) {}

  get stats() {
    return { active: this.active, waiting: this.waiting.length };
  }

  /**
   * Resolves with a release function once the request may run; rejects with {@link GateFullError} when
   * the queue is full or the wait exceeded `maxWaitMs`. `signal` (the client went away) takes a waiting
   * request out of the queue.
   */
  enter(signal?: AbortSignal): Promise<Release> {
    if (this.active < this.options.concurrency) return Promise.resolve(this.grant());
    if (this.waiting.length >= this.options.queueLimit) return Promise.reject(new GateFullError("queue_full"));
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        admit: resolve,
        refuse: () => reject(new GateFullError("waited_too_long")),
      };
      const leave = () => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        clearTimeout(waiter.timer);
      };
      waiter.timer = setTimeout(() => {
        leave();
        waiter.refuse();
      }, this.options.maxWaitMs ?? 30_000);
      waiter.timer.unref();
      signal?.addEventListener(
        "abort",
        () => {
          leave();
          reject(new DOMException("The client went away.", "AbortError"));
        },
        { once: true },
      );
      this.waiting.push(waiter);
    });
  }

  private grant(): Release {
    this.active += 1;
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      this.active -= 1;
      const next = this.waiting.shift();
      if (next) {
        clearTimeout(next.timer);
        next.admit(this.grant());
      }
    };
  }
}
