import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

/** As long as a session cookie lives (Auth.js `session.maxAge`); older rows are of no use and are removed. */
export const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Starts a browser session for a user who has just logged in; its id goes into the session cookie and is
 * checked on every request, so the session can be ended on the server (JWT cookies cannot be recalled).
 */
export async function startLoginSession(db: Db, userId: string): Promise<string> {
  const session = await db.loginSession.create({ data: { userId }, select: { id: true } });
  if (Math.random() < 0.01) {
    await db.loginSession.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - SESSION_MAX_AGE_S * 1000) } } });
  }
  return session.id;
}

/**
 * The user a session cookie speaks for, read afresh: null when the user is deactivated or the session was
 * ended on the server (sign-out, password reset, role change, deactivation). The one check behind every
 * session read (the Auth.js `jwt` callback, and proxy.ts for the pages it serves from the page cache).
 */
export async function readSessionUser(db: Db, userId: string, sessionId: string): Promise<{ email: string; name: string | null; role: Role } | null> {
  const current = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, role: true, isActive: true, loginSessions: { where: { id: sessionId, endedAt: null }, select: { id: true } } },
  });
  if (!current?.isActive || current.loginSessions.length === 0) return null;
  return { email: current.email, name: current.name, role: current.role };
}

/** Ends one session (sign-out): its cookie, even a copy kept elsewhere, no longer logs anyone in. */
export async function endLoginSession(db: Db, sessionId: string): Promise<void> {
  await db.loginSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date() } });
}

/** Ends every session of a user (password reset, role change, deactivation). API tokens are not sessions and stay. */
export async function endAllLoginSessions(db: Db | Tx, userId: string): Promise<number> {
  const ended = await db.loginSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date() } });
  return ended.count;
}
