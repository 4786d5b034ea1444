import pg from "pg";

export type DatabaseState = { isUp: boolean; since: Date; error?: string };

export type DatabaseHealthOptions = {
  url: string;
  /** Between probes while the database answers (default 1 s). */
  intervalMs?: number;
  /** Between probes while it does not (default 1 s). */
  downIntervalMs?: number;
  /** Called after each failed probe, e.g. to restart the embedded PostgreSQL; never twice at once. */
  onDown?: () => Promise<void>;
  log?: (line: string) => void;
};

/**
 * Watches whether the database answers (`SELECT 1` on a connection of its own, so a full pool does not
 * read as an outage). The HTTP server answers 503 "database unavailable" while it is down, instead of
 * letting every page fail its session check and send people to the login page.
 */
export class DatabaseHealth {
  private current: DatabaseState = { isUp: true, since: new Date() };
  private timer?: NodeJS.Timeout;
  private isStopped = false;

  constructor(private readonly options: DatabaseHealthOptions) {}

  get state(): DatabaseState {
    return this.current;
  }

  start() {
    this.isStopped = false;
    this.schedule(0);
  }

  stop() {
    this.isStopped = true;
    clearTimeout(this.timer);
  }

  private inFlight?: Promise<DatabaseState>;

  /**
   * A request just failed in a way an outage would explain (a 5xx, a session that could not be read):
   * probe now rather than at the next tick, so the following requests get the 503 at once.
   */
  suspect(): void {
    if (this.current.isUp) void this.check();
  }

  /** Probes once now (or joins a probe under way), updates the state and returns it. */
  check(): Promise<DatabaseState> {
    this.inFlight ??= this.probe().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async probe(): Promise<DatabaseState> {
    const client = new pg.Client({ connectionString: this.options.url, connectionTimeoutMillis: 2000, query_timeout: 3000 });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.query("SELECT 1");
      this.set({ isUp: true });
    } catch (error) {
      this.set({ isUp: false, error: (error as Error).message || String(error) });
    } finally {
      await client.end().catch(() => undefined);
    }
    if (!this.current.isUp && !this.isStopped && this.options.onDown) {
      await this.options.onDown().catch((error: Error) => this.options.log?.(`Restarting the database failed: ${error.message}`));
    }
    return this.current;
  }

  private set(next: { isUp: boolean; error?: string }) {
    if (next.isUp !== this.current.isUp) {
      this.options.log?.(next.isUp ? "The database answers again." : `The database is not reachable (${next.error}); retrying.`);
      this.current = { ...next, since: new Date() };
    } else {
      this.current = { ...this.current, error: next.error };
    }
  }

  private schedule(delayMs: number) {
    if (this.isStopped) return;
    this.timer = setTimeout(() => {
      void this.check().then(() => this.schedule(this.current.isUp ? (this.options.intervalMs ?? 1000) : (this.options.downIntervalMs ?? 1000)));
    }, delayMs);
    this.timer.unref();
  }
}
