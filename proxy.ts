import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { malformedActionBodyProblem, malformedUrlProblem } from "@/lib/api/malformed-url";
import { db } from "@/lib/db";
import { ERROR_STATUS, errorBody } from "@/lib/errors";
import { recordShareOpen, resolveShareToken } from "@/lib/writes/share-links";
import { logger } from "@/lib/log";
import { SESSION_COOKIES } from "@/lib/auth/session-cookies";
import { CACHED_PAGES } from "@/lib/server/cached-pages";
import { cachedPageUrl } from "@/lib/server/page-cache";

/** Where a dead share link is sent: a path no route matches, so the not-found page is rendered on the server. */
const DEAD_SHARE_LINK = "/s/link/unavailable";
/** A path no route matches, for addresses that must not be reached from outside. */
const NOT_FOUND = "/not/found";

/**
 * Four jobs, before any page renders:
 * - Answers an address that cannot be decoded (a bad percent-escape, a NUL), or a server action's form
 *   body without a boundary or cut short, with a 400, API routes and the login page included (API
 *   handlers check again); nothing else happens here for those.
 * - Sends visitors without a session cookie to the login page, remembering where they were going. Every
 *   page, action and route handler checks the caller itself (an expired or revoked session is sent to
 *   the login page by the page's own check). It deliberately never re-issues the session cookie, so a
 *   request still in flight when someone logs out cannot bring the session back.
 * - Answers a dead share link (unknown, revoked or expired, all alike) with the not-found page rendered
 *   on the server, which a page's own `notFound()` in Next.js leaves to the browser's JavaScript; share
 *   pages must read without it. A live link's open is counted here, after the response: the share page
 *   is rendered once for many readers (it checks the token again itself when it renders).
 * - Sends a logged-in reader's request for the dashboard, an issue's page or the review queue without
 *   filters (and a server action posted from one) to the page cache (lib/server/page-cache.ts) after
 *   checking the session as the page would (reading the cookie, never writing it); anything it cannot
 *   decide goes to the page as usual. The cache's own addresses are not found from outside.
 */
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const { pathname, search } = request.nextUrl;
  const malformed = malformedUrlProblem(pathname, search);
  if (malformed) {
    if (pathname.startsWith("/api/"))
      return NextResponse.json(errorBody({ code: "bad_request", message: malformed, details: {} }), { status: ERROR_STATUS.bad_request });
    return new NextResponse(malformed, { status: ERROR_STATUS.bad_request, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const badBody = await malformedActionBodyProblem(request);
  if (badBody) return new NextResponse(badBody, { status: ERROR_STATUS.bad_request, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (pathname.startsWith("/api/") || pathname === "/login") return NextResponse.next();
  const share = /^\/s\/([^/]+)$/.exec(pathname);
  if (share) {
    const link = await resolveShareToken(db, decodeURIComponent(share[1]!));
    if (!link) return NextResponse.rewrite(new URL(DEAD_SHARE_LINK, request.nextUrl));
    event.waitUntil(recordShareOpen(db, link.id).catch((error: unknown) => logger().warn({ err: error }, "Counting a share link's open failed")));
    // Only this server may keep the page: a shared cache would go on serving it after the link is revoked.
    const response = NextResponse.next();
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  }
  // The page cache's own addresses are reached only through the rewrite below.
  if (pathname === CACHED_PAGES || pathname.startsWith(`${CACHED_PAGES}/`)) return NextResponse.rewrite(new URL(NOT_FOUND, request.nextUrl));
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const cached = await cachedPageUrl(request).catch((error: unknown) => {
      logger().warn({ err: error }, "The page cache could not check a session; the page is rendered instead");
      return null;
    });
    if (!cached) return NextResponse.next();
    const response = NextResponse.rewrite(cached);
    // The page is this reader's: no shared cache may keep it.
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  }
  const login = new URL("/login", request.nextUrl);
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/s/:token", "/api/:path*", "/login", "/((?!api/|_next/|login|s/|favicon\\.ico|robots\\.txt|.*\\.(?:png|svg|ico|jpg|webp|css|js|txt)$).*)"],
};
