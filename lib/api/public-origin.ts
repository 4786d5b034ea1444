import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

function configured(): string | undefined {
  const value = env().APP_URL?.replace(/\/+$/, "");
  return value || undefined;
}

/**
 * The public base URL where no request is at hand, as in a page rendered once for every reader:
 * `APP_URL`, else this server's own local address.
 */
export function staticPublicOrigin(): string {
  return configured() ?? `http://localhost:${env().PORT}`;
}

/** The public base URL for links a route handler returns: `APP_URL`, else the request's own origin. */
export function publicOrigin(request: Request): string {
  return configured() ?? new URL(request.url).origin;
}

/**
 * The public base URL in a page or server action: `APP_URL`, else the origin the browser sent, else the
 * host this request came to.
 */
export async function currentPublicOrigin(): Promise<string> {
  const fixed = configured();
  if (fixed) return fixed;
  const list = await headers();
  const origin = list.get("origin");
  if (origin && /^https?:\/\//.test(origin)) return origin;
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost";
  const protocol = list.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${protocol === "https" ? "https" : "http"}://${host}`;
}
