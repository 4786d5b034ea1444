import type { Db } from "@/lib/db";

export const ACCOUNT_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 30;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

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

/**
 * The lockout in force for this email from this address, if any: 5 failures for one account from one
 * address within 15 minutes lock that pair for 15 minutes; 30 failures from one address lock the address.
 * Counted in the database so the limit holds across app instances.
 */
export async function findLockout(db: Db, email: string, ip: string, now = new Date()): Promise<Lockout | undefined> {
  const since = new Date(now.getTime() - 2 * LOCKOUT_WINDOW_MS);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, ip, success: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const [accountFailures, addressFailures] = await Promise.all([
    db.loginAttempt.findMany({
      where: { email, ip, success: false, createdAt: { gte: lastSuccess?.createdAt ?? since } },
      orderBy: { createdAt: "desc" },
      take: ACCOUNT_FAILURE_LIMIT,
      select: { createdAt: true },
    }),
    db.loginAttempt.findMany({
      where: { ip, success: false, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      take: ADDRESS_FAILURE_LIMIT,
      select: { createdAt: true },
    }),
  ]);
  const addressUntil = lockoutFrom(addressFailures, ADDRESS_FAILURE_LIMIT, now);
  if (addressUntil) return { scope: "address", until: addressUntil };
  const accountUntil = lockoutFrom(accountFailures, ACCOUNT_FAILURE_LIMIT, now);
  if (accountUntil) return { scope: "account", until: accountUntil };
  return undefined;
}

export async function recordLoginAttempt(db: Db, email: string, ip: string, success: boolean) {
  await db.loginAttempt.create({ data: { email, ip, success } });
  if (Math.random() < 0.01) {
    await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 24 * 60 * 60 * 1000) } } });
  }
}
