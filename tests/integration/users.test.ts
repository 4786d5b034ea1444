import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import { createUser, resetUserPassword, setUserActive, setUserRole, UserChangeError } from "@/lib/writes/users";
import { connectTestDb, resetDatabase } from "./helpers";

let db: Db;

beforeAll(async () => {
  db = connectTestDb();
  await resetDatabase(db);
});
afterAll(async () => db.$disconnect());

const make = (email: string, role: "viewer" | "editor" | "admin") => createUser(db, { email, role, password: "a long enough password" });

describe("managing users", () => {
  it("keeps at least one active admin and never lets an admin lock themselves out", async () => {
    const admin = await make("only-admin@briefing.test", "admin");
    const viewer = await make("someone@briefing.test", "viewer");
    await expect(setUserRole(db, admin.id, admin.id, "editor")).rejects.toBeInstanceOf(UserChangeError);
    await expect(setUserActive(db, admin.id, admin.id, false)).rejects.toBeInstanceOf(UserChangeError);

    await setUserRole(db, admin.id, viewer.id, "admin");
    await setUserActive(db, viewer.id, admin.id, false);
    await expect(setUserActive(db, viewer.id, viewer.id, false)).rejects.toThrow(/yourself/);
    await expect(setUserRole(db, viewer.id, viewer.id, "viewer")).rejects.toThrow(/your own admin role/);
    await expect(setUserRole(db, admin.id, viewer.id, "viewer")).rejects.toThrow(/at least one active admin/);
    await setUserActive(db, viewer.id, admin.id, true);
    await setUserRole(db, viewer.id, admin.id, "viewer");
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id }, select: { role: true, isActive: true } })).toEqual({ role: "viewer", isActive: true });
  });

  it("resets a password to a new random one that verifies", async () => {
    const user = await make("forgetful@briefing.test", "editor");
    const password = await resetUserPassword(db, user.id);
    expect(password.length).toBeGreaterThanOrEqual(12);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword(row.passwordHash!, password)).toBe(true);
    expect(await verifyPassword(row.passwordHash!, "a long enough password")).toBe(false);
    await expect(resetUserPassword(db, "no-such-user")).rejects.toBeInstanceOf(UserChangeError);
  });
});
