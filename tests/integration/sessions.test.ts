import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import { createApiToken } from "@/lib/services/api-tokens";
import { createUser, resetUserPassword, setUserActive, setUserRole } from "@/lib/services/users";
import { connectTestDb, resetDatabase } from "./helpers";

/**
 * Sessions end on the server: Auth.js's own endpoints, called as a browser would, with the session cookie
 * replayed after sign-out, a password reset, a role change and a deactivation.
 */

// The session module is server-only; this test is the server.
vi.mock("server-only", () => ({}));
process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString("base64url");
process.env.AUTH_TRUST_HOST = "true";
const { handlers } = await import("@/auth");
const { getRequestUser } = await import("@/lib/auth/session");

const BASE = "http://127.0.0.1:3000";
const PASSWORD = "a long enough password";
let db: Db;

beforeAll(async () => {
  db = connectTestDb();
  await resetDatabase(db);
});
afterAll(async () => db.$disconnect());

/** Cookies as `name=value` pairs, from a response's Set-Cookie headers on top of `jar`. */
function withCookies(jar: Map<string, string>, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const index = pair!.indexOf("=");
    jar.set(pair!.slice(0, index), pair!.slice(index + 1));
  }
  return jar;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

async function call(method: "GET" | "POST", pathname: string, jar: Map<string, string>, form?: Record<string, string>) {
  const headers: Record<string, string> = { cookie: cookieHeader(jar), "x-briefing-client-ip": "10.2.0.1" };
  if (form) headers["content-type"] = "application/x-www-form-urlencoded";
  const request = new Request(`${BASE}${pathname}`, { method, headers, body: form ? new URLSearchParams(form).toString() : undefined });
  const response = await (method === "GET" ? handlers.GET : handlers.POST)(request as never);
  withCookies(jar, response);
  return response;
}

/** Logs in through the Credentials callback and returns the cookies a browser would then hold. */
async function logIn(email: string): Promise<Map<string, string>> {
  const jar = new Map<string, string>();
  const { csrfToken } = (await (await call("GET", "/api/auth/csrf", jar)).json()) as { csrfToken: string };
  await call("POST", "/api/auth/callback/credentials", jar, { email, password: PASSWORD, csrfToken });
  expect([...jar.keys()]).toContain("authjs.session-token");
  return jar;
}

/** Who the session cookie in `jar` stands for now (a copy of the jar, so a cleared cookie is still replayed). */
async function whoIs(jar: Map<string, string>): Promise<string | null> {
  const response = await call("GET", "/api/auth/session", new Map(jar));
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
    const { csrfToken } = (await (await call("GET", "/api/auth/csrf", jar)).json()) as { csrfToken: string };
    await call("POST", "/api/auth/signout", jar, { csrfToken });
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
