import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { readSession } from "@/lib/auth/session-read";
import { hashApiToken } from "@/lib/auth/token-hash";
import { verifyPageKey } from "@/lib/server/cached-pages";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export type CurrentUser = { id: string; email: string; name: string | null; role: Role };

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

export function hasRole(user: Pick<CurrentUser, "role">, role: Role): boolean {
  return RANK[user.role] >= RANK[role];
}

/**
 * The logged-in user of this request (session cookie), or null. Read once per request however many
 * layouts, pages and components ask (React `cache()`): each read decrypts the session and looks the user up.
 * @throws AppError `database_unavailable` when the database did not answer the look-up (not "logged out").
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await readSession(() => auth());
  return session?.user ?? null;
});

/** The caller is not logged in (`unauthorized`) or lacks the role (`forbidden`). */
export class AuthorizationError extends AppError {
  constructor(code: "unauthorized" | "forbidden", message: string) {
    super(code, message);
  }
}

/**
 * For server actions: the caller, who must hold at least `role`; throws AuthorizationError otherwise.
 */
export async function requireUser(role: Role = "viewer"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AuthorizationError("unauthorized", "Log in to do this.");
  if (!hasRole(user, role)) throw new AuthorizationError("forbidden", `This needs the ${role} role; ask an admin.`);
  return user;
}

/** For pages: the logged-in user, or a redirect to the login page (proxy.ts does this first; this is the real check). */
export async function requirePageUser(path: string, role: Role = "viewer"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (!hasRole(user, role)) redirect("/?denied=1");
  return user;
}

/**
 * For route handlers: the caller from an `Authorization: Bearer` API token or the session cookie.
 * A revoked token, or a token of a deactivated user, is no caller.
 */
export async function getRequestUser(request: Request): Promise<CurrentUser | null> {
  const header = request.headers.get("authorization");
  if (header?.toLowerCase().startsWith("bearer ")) {
    const token = header.slice(7).trim();
    if (!token) return null;
    const row = await db.apiToken.findUnique({
      where: { tokenHash: hashApiToken(token) },
      select: { id: true, revokedAt: true, user: { select: { id: true, email: true, name: true, role: true, isActive: true } } },
    });
    if (!row || row.revokedAt || !row.user.isActive) return null;
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
    const { isActive: _isActive, ...user } = row.user;
    return user;
  }
  return getCurrentUser();
}

/**
 * For the pages served from the page cache (lib/server/page-cache.ts): the reader their signed key names,
 * if the key is this server's and the reader still active; else null. proxy.ts checked the session.
 */
export const getCachedPageReader = cache(async (key: string): Promise<CurrentUser | null> => {
  const userId = verifyPageKey(env().AUTH_SECRET, key);
  if (!userId) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, role: true, isActive: true } });
  if (!user?.isActive) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});
