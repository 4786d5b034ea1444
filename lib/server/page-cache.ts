/*
 * The page cache: the dashboard, an issue's page and the review queue, as a logged-in reader first opens
 * them (no filters), rendered once for each reader and state of the data and then served from Next.js's
 * incremental cache like a share page, instead of rendered on every request.
 *
 * proxy.ts checks the session cookie as the pages themselves would (readSessionUser) and rewrites the
 * request to `/cached/<key>/…` (app/(cached)), where the key names the reader and a stamp of everything
 * those pages show that can change: the brief's data version, the reader's unread notifications, the
 * team (names in the header and the notes), the issue's notes, the analysis banner. Any change gives a
 * new key, so a page is never stale; an old key's page is left to the cache's LRU. The key is signed with
 * the server's secret and the pages check the signature, so no one can name another reader's key;
 * proxy.ts also refuses `/cached/` from outside. Anything the fast path cannot decide (no secret, a
 * cookie it cannot read, a database error) falls through to the ordinary pages, which check the session
 * themselves.
 */
import crypto from "node:crypto";
import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { getAnalysisState } from "@/lib/analysis/run/runs";
import { readSessionUser } from "@/lib/auth/login-sessions";
import { SECURE_SESSION_COOKIE } from "@/lib/auth/session-cookies";
import { BRIEF_VERSION } from "@/lib/data/briefs";
import { db, type Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { cacheablePage, CACHED_PAGES, signPageKey } from "@/lib/server/cached-pages";

type StampRow = { brief: string; team: string; unread: bigint; notes: string | null };

/** A digest of everything the page shows that can change, for this reader ({@link CACHED_PAGES}). */
export async function pageStamp(client: Db, userId: string, issueSlug: string | null): Promise<string> {
  // The issue's notes, on an issue's page only (the dashboard shows none).
  const notes = issueSlug
    ? Prisma.sql`(SELECT count(*) || ':' || coalesce(extract(epoch FROM max(n."updatedAt"))::text, '')
        FROM "Note" n JOIN "Issue" i ON i.id = n."issueId" WHERE i.slug = ${issueSlug})`
    : Prisma.sql`NULL`;
  const [[row], analysis] = await Promise.all([
    client.$queryRaw<StampRow[]>`
      SELECT ${BRIEF_VERSION} AS brief,
        (SELECT md5(coalesce(string_agg(concat_ws(':', id, name, email, role, "isActive"), '/' ORDER BY id), '')) FROM "User") AS team,
        (SELECT count(*) FROM "Notification" WHERE "userId" = ${userId} AND "readAt" IS NULL) AS unread,
        ${notes} AS notes`,
    getAnalysisState(client),
  ]);
  // The team part covers the reader's own name, email and role; what the pages show of users, no more (a
  // login, which records its time on the user's row, leaves every kept page as it was).
  const state = [userId, row?.brief, row?.team, String(row?.unread), row?.notes, analysis];
  return crypto.createHash("sha256").update(JSON.stringify(state)).digest("base64url").slice(0, 32);
}

/**
 * Where the proxy sends a request for a cacheable page: the reader's key for the data as it is now, or
 * null to let the ordinary page answer (not such a page, no secret, no readable session, a session that
 * has ended). Database errors are thrown, for the caller to fall back the same way.
 */
export async function cachedPageUrl(request: NextRequest, secret: string | undefined = env().AUTH_SECRET): Promise<URL | null> {
  const page = cacheablePage(request.method, request.nextUrl, request.headers);
  if (!page || !secret) return null;
  const secureCookie = request.cookies.has(SECURE_SESSION_COOKIE);
  const token = await getToken({ req: request, secret, secureCookie });
  if (!token?.sub || typeof token.sid !== "string") return null;
  const [user, stamp] = await Promise.all([readSessionUser(db, token.sub, token.sid), pageStamp(db, token.sub, page.issueSlug)]);
  if (!user) return null;
  return new URL(`${CACHED_PAGES}/${signPageKey(secret, token.sub, stamp)}${page.path}`, request.nextUrl);
}
