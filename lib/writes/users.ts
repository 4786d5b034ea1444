import crypto from "node:crypto";
import { endAllLoginSessions } from "@/lib/auth/login-sessions";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { newUserSchema } from "@/lib/validations/auth";

export class UserExistsError extends AppError {
  constructor(readonly email: string) {
    super("conflict", `user ${email} already exists`);
  }
}

export type NewUser = { email: string; role: string; name?: string; password: string };

/** Validates and creates a user; throws a ZodError for bad input and UserExistsError for a taken email. */
export async function createUser(db: Db, input: NewUser) {
  const data = newUserSchema.parse(input);
  const existing = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (existing) throw new UserExistsError(data.email);
  return db.user.create({
    data: { email: data.email, name: data.name || null, role: data.role, passwordHash: await hashPassword(data.password) },
    select: { id: true, email: true, name: true, role: true },
  });
}

export const FIRST_ADMIN_EMAIL = "admin@briefing.local";

/**
 * On a database with no users, creates an admin with a random password and returns it, so the first
 * start can print it once; returns undefined when users exist.
 */
export async function ensureFirstAdmin(db: Db): Promise<{ email: string; password: string } | undefined> {
  if ((await db.user.count()) > 0) return undefined;
  const password = crypto.randomBytes(12).toString("base64url");
  try {
    await createUser(db, { email: FIRST_ADMIN_EMAIL, name: "Admin", role: "admin", password });
  } catch (error) {
    // Another instance starting on the same database created it first.
    if (error instanceof UserExistsError || (error as { code?: string }).code === "P2002") return undefined;
    throw error;
  }
  return { email: FIRST_ADMIN_EMAIL, password };
}

/** An admin's change to a user would leave no active admin, or locks the admin out of their own account. */
export class UserChangeError extends AppError {
  constructor(message: string, code: "conflict" | "not_found" | "forbidden" = "conflict") {
    super(code, message);
  }
}

async function assertAdminRemains(db: Db, userId: string) {
  const others = await db.user.count({ where: { role: "admin", isActive: true, id: { not: userId } } });
  if (others === 0) throw new UserChangeError("Keep at least one active admin: make someone else an admin first.");
}

/** Changes a user's role and ends their sessions: they log in again, with the new role. */
export async function setUserRole(db: Db, actorId: string, userId: string, role: Role) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user) throw new UserChangeError("No such user.", "not_found");
  if (user.role === "admin" && role !== "admin") {
    if (userId === actorId) throw new UserChangeError("You cannot remove your own admin role; ask another admin.", "forbidden");
    await assertAdminRemains(db, userId);
  }
  return db.$transaction(async (tx) => {
    if (user.role !== role) await endAllLoginSessions(tx, userId);
    return tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, role: true } });
  });
}

/** Deactivates (or reactivates) a user: a deactivated user's sessions end and their API tokens stop working. */
export async function setUserActive(db: Db, actorId: string, userId: string, isActive: boolean) {
  if (!isActive && userId === actorId) throw new UserChangeError("You cannot deactivate yourself.", "forbidden");
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user) throw new UserChangeError("No such user.", "not_found");
  if (!isActive && user.role === "admin") await assertAdminRemains(db, userId);
  return db.$transaction(async (tx) => {
    if (!isActive) await endAllLoginSessions(tx, userId);
    return tx.user.update({ where: { id: userId }, data: { isActive }, select: { id: true, isActive: true } });
  });
}

/** Sets a new random password, ends the user's sessions, and returns the password once, for the admin to hand over. */
export async function resetUserPassword(db: Db, userId: string): Promise<string> {
  const password = crypto.randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId }, data: { passwordHash } });
    if (updated.count !== 1) throw new UserChangeError("No such user.", "not_found");
    await endAllLoginSessions(tx, userId);
  });
  return password;
}
