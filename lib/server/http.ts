import http from "node:http";
import next from "next";
import { CLIENT_IP_HEADER, resolveClientIp } from "@/lib/auth/client-ip";
import { PROJECT_ROOT } from "@/lib/server/data-dir";
import { GateFullError, RequestGate } from "@/lib/server/gate";
import { DatabaseHealth } from "@/lib/server/health";
import { env } from "@/lib/env";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";

export type HttpServerOptions = {
  port: number;
  hostname?: string;
  isDev?: boolean;
  /** The database to watch; while it does not answer, requests get 503 "database unavailable". */
  databaseUrl?: string;
  /** Called while the database does not answer (the embedded one is restarted from here). */
  onDatabaseDown?: () => Promise<void>;
  /** Requests handled at once (default 8); the rest wait in a queue of `maxQueuedRequests` (default 200). */
  maxConcurrentRequests?: number;
  maxQueuedRequests?: number;
  log?: (line: string) => void;
};

export type RunningHttpServer = {
  server: http.Server;
  health?: DatabaseHealth;
  /** Stops accepting connections, lets requests in flight finish for up to `graceMs`, then cuts the rest. */
  close(graceMs?: number): Promise<void>;
};

/** Files Next.js serves from disk: never gated, never dependent on the database. */
const STATIC_PATH = /^\/(?:_next\/static\/|favicon\.ico$|robots\.txt$)/;

const DATABASE_DOWN: { code: ErrorCode; message: string } = { code: "database_unavailable", message: "the database is not reachable; retrying" };
const BUSY: { code: ErrorCode; message: string } = { code: "overloaded", message: "the server is busy; retry in a few seconds" };

function wantsJson(request: http.IncomingMessage): boolean {
  const accept = request.headers.accept ?? "";
  return (request.url ?? "").startsWith("/api/") || (accept.includes("application/json") && !accept.includes("text/html"));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** A 503 as JSON for API callers and as a small page, which reloads itself, for browsers. */
function unavailable(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  error: { code: ErrorCode; message: string },
  retryAfterS: number,
  heading: string,
  detail: string,
) {
  if (response.headersSent) return;
  response.statusCode = ERROR_STATUS[error.code];
  response.setHeader("Retry-After", String(retryAfterS));
  response.setHeader("Cache-Control", "no-store");
  if (wantsJson(request)) {
    response.setHeader("Content-Type", "application/json; charset=utf-8");
    response.end(JSON.stringify({ error: error }));
    return;
  }
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.end(unavailablePage(heading, detail, retryAfterS));
}

/** The page a browser gets with a 503: what is wrong, in plain words, reloading itself. */
export function unavailablePage(heading: string, detail: string, retryAfterS: number): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${retryAfterS}"><meta name="robots" content="noindex"><title>Briefing: ${escapeHtml(heading)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#111}h1{font-size:1.375rem;line-height:1.3}@media (prefers-color-scheme:dark){body{background:#111;color:#eee}}</style></head>
<body><main><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(detail)}</p><p>This page reloads by itself every ${retryAfterS} seconds.</p></main></body></html>`;
}

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token=/;

function answerDatabaseDown(request: http.IncomingMessage, response: http.ServerResponse, health: Pick<DatabaseHealth, "state">) {
  const since = health.state.since.toISOString().slice(11, 19);
  const isStatus = (request.url ?? "").split("?")[0] === "/status";
  unavailable(
    request,
    response,
    DATABASE_DOWN,
    5,
    isStatus ? "Briefing is running, but its database is not reachable" : "The database is not reachable",
    `Briefing cannot reach its database (since ${since} UTC) and keeps retrying; nothing you have saved is lost. Your session is kept: once the database answers, pages work again.`,
  );
}

type Handle = (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void> | void;

/**
 * The request listener around Next's handler: the client's address header, then static files straight
 * through, then 503 while the database is down, then the gate (503 with Retry-After when it is full).
 */
export function gatedRequestListener(
  handle: Handle,
  { gate, health }: { gate: RequestGate; health?: Pick<DatabaseHealth, "state"> & Partial<Pick<DatabaseHealth, "suspect">> },
): http.RequestListener {
  return (request, response) => {
    const forwarded = request.headers["x-forwarded-for"];
    request.headers[CLIENT_IP_HEADER] = resolveClientIp(
      request.socket.remoteAddress,
      Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
      env().TRUSTED_PROXIES,
    );
    const pathname = (request.url ?? "/").split("?")[0]!;
    if (STATIC_PATH.test(pathname)) {
      void handle(request, response);
      return;
    }
    if (health && !health.state.isUp) {
      answerDatabaseDown(request, response, health);
      return;
    }
    const gone = new AbortController();
    const onClose = () => gone.abort();
    response.once("close", onClose);
    gate.enter(gone.signal).then(
      (release) => {
        response.off("close", onClose);
        response.once("close", release);
        if (response.destroyed) {
          release();
          return;
        }
        // The database may have gone while this request waited.
        if (health && !health.state.isUp) {
          answerDatabaseDown(request, response, health);
          return;
        }
        if (health?.suspect) {
          response.once("finish", () => {
            const location = String(response.getHeader("location") ?? "");
            if (response.statusCode >= 500 || (location.includes("/login") && SESSION_COOKIE.test(request.headers.cookie ?? ""))) health.suspect?.();
          });
        }
        void handle(request, response);
      },
      (error: Error) => {
        if (error instanceof GateFullError) {
          unavailable(request, response, BUSY, 2, "Briefing is busy", "Too many requests are being served right now. This page tries again in a moment.");
        }
      },
    );
  };
}

/**
 * The host name Next.js builds the server's own absolute URLs with: "localhost" for a loopback address.
 * Next.js writes the URL a proxy rewrite points at (`request.nextUrl`) with 127.x.x.x and ::1 turned into
 * "localhost", and compares it with its own URL: given "127.0.0.1", it took the dead share link's rewrite
 * for one to another server and proxied it over HTTP to itself, a second request through the gate for
 * every such page (and a warning about close listeners on the response). Where the server listens is
 * not changed by this.
 */
export function nextHostname(listenHost: string | undefined): string | undefined {
  if (!listenHost) return listenHost;
  const bare = listenHost.replace(/^\[|\]$/g, "");
  return /^127(?:\.\d{1,3}){3}$/.test(bare) || bare === "::1" ? "localhost" : listenHost;
}

/**
 * Serves the Next.js app through a plain Node HTTP server, so that every request:
 * - carries the client's real address (from the socket, or from X-Forwarded-For only behind
 *   TRUSTED_PROXIES) in a header that clients cannot set themselves; login throttling counts by it;
 * - waits its turn behind a {@link RequestGate}: a burst of requests is served a few at a time with
 *   bounded memory, and only a queue overflow is answered 503 with Retry-After;
 * - is answered 503 "database unavailable" while the database does not answer ({@link DatabaseHealth}),
 *   rather than failing its session check and being sent to the login page.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const app = next({ dev: Boolean(options.isDev), dir: PROJECT_ROOT, hostname: nextHostname(options.hostname), port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const gate = new RequestGate({ concurrency: options.maxConcurrentRequests ?? 8, queueLimit: options.maxQueuedRequests ?? 200 });
  const health = options.databaseUrl ? new DatabaseHealth({ url: options.databaseUrl, onDown: options.onDatabaseDown, log: options.log }) : undefined;

  const server = http.createServer(gatedRequestListener(handle, { gate, health }));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`Port ${options.port} is already in use. Stop what uses it, or start Briefing on another port: PORT=3001 npm start`)
          : error,
      );
    });
    server.listen(options.port, options.hostname, () => resolve());
  });
  health?.start();

  return {
    server,
    health,
    close: (graceMs = 3_000) =>
      new Promise<void>((resolve) => {
        health?.stop();
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        cut.unref();
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
