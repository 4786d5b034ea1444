import type { Db } from "@/lib/db";

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

/** Ends one session (sign-out): its cookie, even a copy kept elsewhere, no longer logs anyone in. */
export async function endLoginSession(db: Db, sessionId: string): Promise<void> {
  await db.loginSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date() } });
}

/** Ends every session of a user (password reset, role change, deactivation). API tokens are not sessions and stay. */
export async function endAllLoginSessions(db: Db | Tx, userId: string): Promise<number> {
  const ended = await db.loginSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date() } });
  return ended.count;
}
