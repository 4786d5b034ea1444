import crypto from "node:crypto";
import { hashApiToken } from "@/lib/auth/token-hash";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, ShareTarget } from "@/lib/generated/prisma/enums";
import type { CreateShareLinkInput } from "@/lib/validations/share-links";

/** Bytes of randomness in a share token: 256 bits, well over the 128 a guess must not find. */
export const SHARE_TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const DAY_MS = 86_400_000;

export type ShareCaller = { id: string; role: Role };

/** A new share token: {@link SHARE_TOKEN_BYTES} random bytes, base64url (43 characters, URL-safe). */
export function generateShareToken(): string {
  return crypto.randomBytes(SHARE_TOKEN_BYTES).toString("base64url");
}

/** What is stored for a token: its SHA-256 (hex). The token itself is shown once and never stored. */
export function hashShareToken(token: string): string {
  return hashApiToken(token);
}

/** Whether `token` has the shape of a share token; anything else is unknown without asking the database. */
export function isShareTokenShape(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** The public address of a share link: `base` (APP_URL or the request's origin) + `/s/<token>`. */
export function shareUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, "")}/s/${token}`;
}

/** When a link made `now` for `days` expires; null for a link that never expires. */
export function expiryDate(now: Date, days: number | null): Date | null {
  return days === null ? null : new Date(now.getTime() + days * DAY_MS);
}

export type ShareLinkState = "active" | "revoked" | "expired";

export function shareLinkState(link: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): ShareLinkState {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export class ShareTargetNotFoundError extends AppError {
  constructor(message: string) {
    super("not_found", message);
  }
}

/**
 * Creates a share link to an issue brief or a claim. Returns the token once (only its hash is stored,
 * so it cannot be shown again); throws {@link ShareTargetNotFoundError} for an unknown issue or claim.
 * Role checks are the caller's: actions and routes require the editor role first.
 */
export async function createShareLink(db: Db, caller: ShareCaller, input: CreateShareLinkInput, now = new Date()) {
  const { target } = input;
  let data: Pick<Prisma.ShareLinkUncheckedCreateInput, "targetType" | "issueId" | "claimId">;
  if (target.type === "issue") {
    const issue = await db.issue.findUnique({ where: { slug: target.slug }, select: { id: true } });
    if (!issue) throw new ShareTargetNotFoundError(`No issue has the slug “${target.slug}”.`);
    data = { targetType: "issue", issueId: issue.id };
  } else {
    const claim = await db.claim.findUnique({ where: { id: target.id }, select: { id: true } });
    if (!claim) throw new ShareTargetNotFoundError(`No claim has the id “${target.id}”.`);
    data = { targetType: "claim", claimId: claim.id };
  }
  const token = generateShareToken();
  const row = await db.shareLink.create({
    data: { ...data, tokenHash: hashShareToken(token), createdById: caller.id, createdAt: now, expiresAt: expiryDate(now, input.expiresInDays) },
    select: { id: true, expiresAt: true },
  });
  return { ...row, token };
}

const LIST_SELECT = {
  id: true,
  targetType: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  lastOpenedAt: true,
  openCount: true,
  issue: { select: { slug: true, title: true } },
  claim: { select: { id: true, text: true } },
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.ShareLinkSelect;

type ListRow = Prisma.ShareLinkGetPayload<{ select: typeof LIST_SELECT }>;

export type ShareLinkItem = {
  id: string;
  target: { type: ShareTarget; slug: string | null; id: string | null; label: string };
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastOpenedAt: Date | null;
  openCount: number;
  state: ShareLinkState;
  createdBy: { id: string; name: string | null };
};

function toItem(row: ListRow, now: Date): ShareLinkItem {
  return {
    id: row.id,
    target:
      row.targetType === "issue"
        ? { type: "issue", slug: row.issue?.slug ?? null, id: null, label: row.issue?.title ?? "Deleted issue" }
        : { type: "claim", slug: null, id: row.claim?.id ?? null, label: row.claim?.text ?? "Deleted claim" },
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastOpenedAt: row.lastOpenedAt,
    openCount: row.openCount,
    state: shareLinkState(row, now),
    createdBy: row.createdBy,
  };
}

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString("base64url");
}

function decodeCursor(cursor: string | undefined): Prisma.ShareLinkWhereInput | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && typeof value[0] === "string" && typeof value[1] === "string") {
      const date = new Date(value[0]);
      if (Number.isNaN(date.getTime())) return null;
      return { OR: [{ createdAt: { lt: date } }, { createdAt: date, id: { lt: value[1] } }] };
    }
  } catch {
    // An unreadable cursor starts from the first page.
  }
  return null;
}

/**
 * Share links, newest first: the caller's own, or everyone's for an admin. Keyset pagination on
 * (createdAt, id); `nextCursor` is null on the last page.
 */
export async function listShareLinks(db: Db, caller: ShareCaller, { limit = 50, cursor }: { limit?: number; cursor?: string } = {}, now = new Date()) {
  const where: Prisma.ShareLinkWhereInput = caller.role === "admin" ? {} : { createdById: caller.id };
  const after = decodeCursor(cursor);
  const [rows, total] = await Promise.all([
    db.shareLink.findMany({
      where: after ? { AND: [where, after] } : where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      select: LIST_SELECT,
    }),
    db.shareLink.count({ where }),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map((row) => toItem(row, now)), total, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/**
 * Revokes a link: the caller's own, or any for an admin. Returns false when there is no such link the
 * caller may revoke (someone else's link looks the same as a missing one). Revoking twice is harmless.
 */
export async function revokeShareLink(db: Db, caller: ShareCaller, id: string, now = new Date()): Promise<boolean> {
  const owned: Prisma.ShareLinkWhereInput = caller.role === "admin" ? { id } : { id, createdById: caller.id };
  const link = await db.shareLink.findFirst({ where: owned, select: { id: true, revokedAt: true } });
  if (!link) return false;
  if (!link.revokedAt) await db.shareLink.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  return true;
}

/** How long after revoking a link its revocation can be undone. */
export const SHARE_UNDO_MS = 60_000;

/**
 * Undoes a revocation made in the last {@link SHARE_UNDO_MS}: the link works again at once. The caller's
 * own link, or any for an admin; false when there is no such link revoked recently enough.
 */
export async function restoreShareLink(db: Db, caller: ShareCaller, id: string, now = new Date()): Promise<boolean> {
  const owned: Prisma.ShareLinkWhereInput = caller.role === "admin" ? { id } : { id, createdById: caller.id };
  const restored = await db.shareLink.updateMany({
    where: { ...owned, revokedAt: { gte: new Date(now.getTime() - SHARE_UNDO_MS) } },
    data: { revokedAt: null },
  });
  return restored.count > 0;
}

export type ResolvedShareLink = {
  id: string;
  targetType: ShareTarget;
  issueId: string | null;
  claimId: string | null;
  expiresAt: Date | null;
  createdAt: Date;
};

/** Counts one open of a share link (lastOpenedAt, openCount). */
export async function recordShareOpen(db: Db, id: string): Promise<void> {
  await db.shareLink.update({ where: { id }, data: { lastOpenedAt: new Date(), openCount: { increment: 1 } } });
}

/**
 * The live link a token opens, or null: an unknown, malformed, revoked or expired token all give null,
 * so a holder cannot tell them apart. Counting the open is {@link recordShareOpen}'s (proxy.ts, once per request).
 */
export async function resolveShareToken(db: Db, token: string): Promise<ResolvedShareLink | null> {
  if (!isShareTokenShape(token)) return null;
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: { id: true, targetType: true, issueId: true, claimId: true, expiresAt: true, revokedAt: true, createdAt: true },
  });
  if (!link || shareLinkState(link) !== "active") return null;
  if ((link.targetType === "issue" && !link.issueId) || (link.targetType === "claim" && !link.claimId)) return null;
  const { revokedAt: _revokedAt, ...live } = link;
  return live;
}
