import http from "node:http";
import next from "next";
import { CLIENT_IP_HEADER, resolveClientIp } from "@/lib/auth/client-ip";
import { PROJECT_ROOT } from "@/lib/server/data-dir";

export type HttpServerOptions = { port: number; hostname?: string; isDev?: boolean };

/**
 * Serves the Next.js app through a plain Node HTTP server, so every request carries the client's real
 * address (from the socket, or from X-Forwarded-For only behind TRUSTED_PROXIES) in a header that
 * clients cannot set themselves; login throttling counts by it.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<http.Server> {
  const app = next({ dev: Boolean(options.isDev), dir: PROJECT_ROOT, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((request, response) => {
    const forwarded = request.headers["x-forwarded-for"];
    request.headers[CLIENT_IP_HEADER] = resolveClientIp(
      request.socket.remoteAddress,
      Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
      process.env.TRUSTED_PROXIES,
    );
    void handle(request, response);
  });
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
  return server;
}
