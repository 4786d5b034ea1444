import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js configuration that needs no database, shared by `proxy.ts` (which only
 * redirects) and `auth.ts` (which adds the providers and the callbacks that read the database).
 */
export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [],
} satisfies NextAuthConfig;
