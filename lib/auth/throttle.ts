import type { Db } from "@/lib/db";

export const ACCOUNT_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 30;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;
/** How long a successful login makes an account "known" at an address, exempt from that address's lockout. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60 * 1000;

const FAILURE_RETENTION_MS = 24 * 60 * 60 * 1000;

export type Lockout = { scope: "account" | "address"; until: Date };

/**
 * Whether `limit` failures (newest first, each `createdAt`) fall within one window and the newest is
 * recent enough for the lockout that it started to still hold.
 */
export function lockoutFrom(failures: { createdAt: Date }[], limit: number, now: Date): Date | undefined {
  const newest = failures[0];
  const oldest = failures[limit - 1];
  if (!newest || !oldest) return undefined;
  if (newest.createdAt.getTime() - oldest.createdAt.getTime() >= LOCKOUT_WINDOW_MS) return undefined;
  const until = new Date(newest.createdAt.getTime() + LOCKOUT_WINDOW_MS);
  return until > now ? until : undefined;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * The lockout in force for this email from this address, if any:
 * - 5 failed password checks for one account from one address within 15 minutes lock that pair for 15 minutes;
 * - 30 failed password checks from one address within 15 minutes lock the address for accounts that have
 *   not logged in from it successfully in the last 30 days. Everyone behind a newsroom's proxy shares one
 *   address: a password spray from it stops there, while teammates who have logged in from it before keep
 *   getting in (each still under their own account's limit). An attempt refused by a lockout is not a
 *   password check and is not counted, so a flood against one account records five failures, not a
 *   hundred, and cannot lock the address for anyone else.
 * Counted in the database so the limits hold across app instances.
 */
export async function findLockout(db: Db | Tx, email: string, ip: string, now = new Date()): Promise<Lockout | undefined> {
  const since = new Date(now.getTime() - 2 * LOCKOUT_WINDOW_MS);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, ip, success: true, createdAt: { gte: new Date(now.getTime() - KNOWN_ADDRESS_MS) } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const accountFailures = await db.loginAttempt.findMany({
    where: { email, ip, success: false, createdAt: { gte: lastSuccess && lastSuccess.createdAt > since ? lastSuccess.createdAt : since } },
    orderBy: { createdAt: "desc" },
    take: ACCOUNT_FAILURE_LIMIT,
    select: { createdAt: true },
  });
  if (!lastSuccess) {
    const addressFailures = await db.loginAttempt.findMany({
      where: { ip, success: false, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      take: ADDRESS_FAILURE_LIMIT,
      select: { createdAt: true },
    });
    const addressUntil = lockoutFrom(addressFailures, ADDRESS_FAILURE_LIMIT, now);
    if (addressUntil) return { scope: "address", until: addressUntil };
  }
  const accountUntil = lockoutFrom(accountFailures, ACCOUNT_FAILURE_LIMIT, now);
  if (accountUntil) return { scope: "account", until: accountUntil };
  return undefined;
}

export type LoginReservation = { lockout: Lockout; attemptId?: undefined } | { lockout?: undefined; attemptId: string };

/**
 * Checks the lockouts and, when none holds, records the attempt as a failure before the password is
 * checked, in one transaction under advisory locks on the address and on the account: concurrent
 * attempts see each other, so no more than the limits' worth of password checks ever run. The caller
 * checks the password only when it gets an `attemptId`, then reports a success with {@link settleLoginAttempt}.
 */
export async function reserveLoginAttempt(db: Db, email: string, ip: string, now = new Date()): Promise<LoginReservation> {
  const reservation = await db.$transaction(
    async (tx) => {
      // Always the address first, then the account: one order, so two attempts never wait on each other in a cycle.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login-address:${ip}`}, 0))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login-account:${email}`}, 0))`;
      const lockout = await findLockout(tx, email, ip, now);
      if (lockout) return { lockout };
      const attempt = await tx.loginAttempt.create({ data: { email, ip, success: false, createdAt: now }, select: { id: true } });
      return { attemptId: attempt.id };
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
  if (Math.random() < 0.01) await forgetOldAttempts(db, now);
  return reservation;
}

/** Marks a reserved attempt as a success: it clears the account's count and makes the address known for it. */
export async function settleLoginAttempt(db: Db, attemptId: string): Promise<void> {
  await db.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
}

/** Records one attempt outright (tests, and callers that check no password). */
export async function recordLoginAttempt(db: Db, email: string, ip: string, success: boolean) {
  await db.loginAttempt.create({ data: { email, ip, success } });
}

async function forgetOldAttempts(db: Db, now: Date) {
  await db.loginAttempt.deleteMany({
    where: {
      OR: [
        { success: false, createdAt: { lt: new Date(now.getTime() - FAILURE_RETENTION_MS) } },
        { createdAt: { lt: new Date(now.getTime() - KNOWN_ADDRESS_MS) } },
      ],
    },
  });
}

/**
 * Lifts lockouts by forgetting failed attempts: an account's everywhere (`{ email }`), or every account's
 * from one address (`{ ip }`). Successful logins are kept. Returns how many failures were forgotten.
 */
export async function clearLockout(db: Db, target: { email: string } | { ip: string }): Promise<number> {
  const result = await db.loginAttempt.deleteMany({ where: { success: false, ...target } });
  return result.count;
}
