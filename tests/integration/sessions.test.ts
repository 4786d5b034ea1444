import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import { createApiToken } from "@/lib/writes/api-tokens";
import { createUser, resetUserPassword, setUserActive, setUserRole } from "@/lib/writes/users";
import { attemptLogin, BASE, callAuth, csrfToken, hasSession, type CookieJar } from "./auth-client";
import { connectTestDb, resetDatabase } from "./helpers";

/**
 * Sessions end on the server: Auth.js's own endpoints, called as a browser would, with the session cookie
 * replayed after sign-out, a password reset, a role change and a deactivation.
 */

// The session module is server-only; this test is the server.
vi.mock("server-only", () => ({}));
const { getRequestUser } = await import("@/lib/auth/session");

const PASSWORD = "a long enough password";
let db: Db;

beforeAll(async () => {
  db = connectTestDb();
  await resetDatabase(db);
});
afterAll(async () => db.$disconnect());

async function logIn(email: string): Promise<CookieJar> {
  const jar = await attemptLogin(email, PASSWORD);
  expect(hasSession(jar)).toBe(true);
  return jar;
}

/** Who the session cookie in `jar` stands for now (a copy of the jar, so a cleared cookie is still replayed). */
async function whoIs(jar: CookieJar): Promise<string | null> {
  const response = await callAuth("GET", "/api/auth/session", new Map(jar));
  const body = (await response.json()) as { user?: { email: string } } | null;
  return body?.user?.email ?? null;
}

describe("sessions that end", () => {
  it("sign-out ends that session on the server: the old cookie, replayed, is no session", async () => {
    await createUser(db, { email: "signout@briefing.test", role: "editor", password: PASSWORD });
    const kept = await logIn("signout@briefing.test");
    const other = await logIn("signout@briefing.test");
    expect(await whoIs(kept)).toBe("signout@briefing.test");

    const jar = new Map(kept);
    await callAuth("POST", "/api/auth/signout", jar, { csrfToken: await csrfToken(jar) });
    expect(await whoIs(kept)).toBeNull();
    expect(await whoIs(other)).toBe("signout@briefing.test");
  });

  it("a password reset, a role change and a deactivation end all of the user's sessions", async () => {
    const admin = await createUser(db, { email: "admin@briefing.test", role: "admin", password: PASSWORD });
    const user = await createUser(db, { email: "many@briefing.test", role: "viewer", password: PASSWORD });
    const changes: [string, () => Promise<unknown>][] = [
      ["password reset", () => resetUserPassword(db, user.id)],
      ["role change", () => setUserRole(db, admin.id, user.id, "editor")],
      ["deactivation", () => setUserActive(db, admin.id, user.id, false)],
    ];
    const apiToken = await createApiToken(db, user.id, "newsroom script");
    const byToken = () => getRequestUser(new Request(`${BASE}/api/claims`, { headers: { authorization: `Bearer ${apiToken.token}` } }));
    for (const [what, change] of changes) {
      // The password reset replaced the password the next logins use.
      await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
      const sessions = [await logIn("many@briefing.test"), await logIn("many@briefing.test")];
      const bystander = await logIn("admin@briefing.test");
      for (const session of sessions) expect(await whoIs(session), what).toBe("many@briefing.test");
      await change();
      for (const session of sessions) expect(await whoIs(session), what).toBeNull();
      expect(await whoIs(bystander), what).toBe("admin@briefing.test");
      // API tokens are not sessions: they keep working, except for a deactivated user.
      expect((await byToken())?.email ?? null, what).toBe(what === "deactivation" ? null : "many@briefing.test");
    }
  });
});
