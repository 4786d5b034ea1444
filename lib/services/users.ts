import crypto from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import { newUserSchema } from "@/lib/validations/auth";

export class UserExistsError extends Error {
  constructor(readonly email: string) {
    super(`user ${email} already exists`);
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
  await createUser(db, { email: FIRST_ADMIN_EMAIL, name: "Admin", role: "admin", password });
  return { email: FIRST_ADMIN_EMAIL, password };
}
