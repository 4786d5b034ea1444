/* Which pages the page cache serves, and their signed keys (lib/server/page-cache.ts). */
import crypto from "node:crypto";

/** Where the cached pages live (app/(cached)/cached). Never reachable from outside: proxy.ts refuses it. */
export const CACHED_PAGES = "/cached";

/** A page the cache serves: its path under {@link CACHED_PAGES}, and the issue whose notes it shows. */
export type CacheablePage = { path: string; issueSlug: string | null };

const ISSUE_PATH = /^\/issues\/([a-z0-9][a-z0-9-]*)$/;
/** Pages beside `/issues/[slug]` whose path has the same shape. */
const ISSUE_SIBLINGS = new Set(["new"]);
/** The router's cache-busting parameter on React Server Components requests; not a filter. */
const ROUTER_PARAM = "_rsc";

/**
 * The page a request asks for, if the cache serves it: a GET or HEAD of the dashboard, an issue's page
 * or the review queue without filters, or a server action posted from one (a `Next-Action` header: it
 * runs at the same cached address, so the page it renders again in its answer has the same route as the
 * page in the browser, which then keeps its state: an open dialog, a half-written note). Not the router's prefetches (a
 * `Next-Router-Prefetch` header): every page links to the dashboard, so after each change every page
 * view would render it in full for nobody; the ordinary page answers a prefetch with its loading skeleton.
 * The review queue too: it reads its changed rows itself while open (components/claims/live-queue.tsx)
 * and never asks for its route again. Filtered views and everything else are rendered per request.
 */
export function cacheablePage(method: string, url: URL, headers: Headers = new Headers()): CacheablePage | null {
  if (headers.has("next-router-prefetch")) return null;
  const isAction = method === "POST" && headers.has("next-action");
  if (method !== "GET" && method !== "HEAD" && !isAction) return null;
  for (const name of url.searchParams.keys()) if (name !== ROUTER_PARAM) return null;
  if (url.pathname === "/") return { path: "", issueSlug: null };
  if (url.pathname === "/claims") return { path: "/claims", issueSlug: null };
  const issue = ISSUE_PATH.exec(url.pathname);
  if (issue && !ISSUE_SIBLINGS.has(issue[1]!)) return { path: url.pathname, issueSlug: issue[1]! };
  return null;
}

function signature(secret: string, payload: string): string {
  return crypto.createHmac("sha256", secret).update(`briefing cached page\n${payload}`).digest("base64url");
}

/** The key of a reader's page in one state of the data: `<user id>.<stamp>.<signature>`. */
export function signPageKey(secret: string, userId: string, stamp: string): string {
  return `${userId}.${stamp}.${signature(secret, `${userId}.${stamp}`)}`;
}

/** The reader a key names, or null when the key is malformed or its signature is not this server's. */
export function verifyPageKey(secret: string | undefined, key: string): string | null {
  if (!secret) return null;
  const parts = key.split(".");
  if (parts.length !== 3 || !parts.every((part) => /^[\w-]{1,100}$/.test(part))) return null;
  const [userId, stamp, given] = parts as [string, string, string];
  const expected = Buffer.from(signature(secret, `${userId}.${stamp}`));
  const actual = Buffer.from(given);
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected) ? userId : null;
}
