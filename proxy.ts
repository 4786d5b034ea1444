import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/auth.config";

const { auth } = NextAuth(authConfig);

/**
 * Sends anonymous visitors of app pages to the login page, remembering where they were going. It only
 * redirects: every page, action and route handler checks the caller itself.
 */
export const proxy = auth((request) => {
  if (request.auth) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const login = new URL("/login", request.nextUrl);
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
});

export const config = {
  matcher: ["/((?!api/|_next/|login|s/|favicon\\.ico|robots\\.txt|.*\\.(?:png|svg|ico|jpg|webp|css|js|txt)$).*)"],
};
