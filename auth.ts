import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import { endLoginSession, readSessionUser, SESSION_MAX_AGE_S, startLoginSession } from "@/lib/auth/login-sessions";
import { sessionReadFailed } from "@/lib/auth/session-read";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { reserveLoginAttempt, settleLoginAttempt } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { loginSchema } from "@/lib/validations/auth";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string | null; role: Role };
  }
}

/** Thrown by `authorize` while a lockout holds; `code` carries when it ends (shown on the login page). */
class LockedOut extends CredentialsSignin {
  constructor(scope: "account" | "address", until: Date) {
    super();
    this.code = `locked-${scope}-${until.getTime()}`;
  }
}

function oidcProvider(): NextAuthConfig["providers"] {
  const { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_ID: clientId, AUTH_OIDC_SECRET: clientSecret, AUTH_OIDC_NAME: name } = env();
  if (!issuer || !clientId || !clientSecret) return [];
  return [
    {
      id: "oidc",
      name: name ?? "Single sign-on",
      type: "oidc",
      issuer,
      clientId,
      clientSecret,
    },
  ];
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login" },
  logger: {
    // A wrong password is an everyday event, counted by the login throttle: it is not logged as an error
    // with a stack trace. Anything else is logged with its stack.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      logger().error({ err: error }, "Auth.js error");
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = loginSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = request.headers.get(CLIENT_IP_HEADER) ?? "unknown";
        const reservation = await reserveLoginAttempt(db, email, ip);
        if (reservation.lockout) throw new LockedOut(reservation.lockout.scope, reservation.lockout.until);
        const user = await db.user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, isActive: true, passwordHash: true },
        });
        const isValid = user?.passwordHash && user.isActive ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
        if (!isValid || !user) return null;
        await settleLoginAttempt(db, reservation.attemptId);
        await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    ...oidcProvider(),
  ],
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endLoginSession(db, sid);
    },
  },
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      // Single sign-on admits only people an admin has added (by email), and only while they are active.
      if (!user.email) return false;
      const existing = await db.user.findUnique({ where: { email: user.email.toLowerCase() }, select: { isActive: true } });
      return Boolean(existing?.isActive);
    },
    async jwt({ token, user, account }) {
      if (user?.email) {
        const row = await db.user.findUnique({ where: { email: user.email.toLowerCase() }, select: { id: true } });
        if (!row) return null;
        token.sub = row.id;
        if (account?.provider === "oidc") {
          await db.user.update({ where: { id: row.id }, data: { lastLoginAt: new Date() } });
        }
        token.sid = await startLoginSession(db, row.id);
      }
      if (!token.sub || typeof token.sid !== "string") return null;
      // Re-read on every request: a session ended on the server (sign-out, password reset, role change,
      // deactivation) is refused at once, and the role is always the current one. A failed read is not
      // "no session": it makes the caller's session read fail (lib/auth/session-read.ts).
      const current = await readSessionUser(db, token.sub, token.sid).catch((error: unknown) => {
        sessionReadFailed(error);
        throw error;
      });
      if (!current) return null;
      token.email = current.email;
      token.name = current.name;
      token.role = current.role;
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.sub as string,
        email: token.email as string,
        name: (token.name as string | null) ?? null,
        role: token.role as Role,
      };
      return session;
    },
  },
});
