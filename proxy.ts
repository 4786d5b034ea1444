import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Sends visitors without a session cookie to the login page, remembering where they were going. It only
 * redirects and never touches the database or the session: every page, action and route handler checks
 * the caller itself (an expired or revoked session is sent to the login page by the page's own check).
 * It deliberately does not re-issue the session cookie, so a request still in flight when someone logs
 * out cannot bring the session back.
 */
export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const login = new URL("/login", request.nextUrl);
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!api/|_next/|login|s/|favicon\\.ico|robots\\.txt|.*\\.(?:png|svg|ico|jpg|webp|css|js|txt)$).*)"],
};
