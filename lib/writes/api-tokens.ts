import crypto from "node:crypto";
import { hashApiToken } from "@/lib/auth/token-hash";
import type { Db } from "@/lib/db";

export const API_TOKEN_PREFIX = "brf_";

/**
 * Creates an API token for `userId` (it acts with that user's role). Returns the token once; only its
 * SHA-256 hash is stored, so it cannot be shown again.
 */
export async function createApiToken(db: Db, userId: string, name: string) {
  const token = `${API_TOKEN_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  const row = await db.apiToken.create({
    data: { userId, name, tokenHash: hashApiToken(token) },
    select: { id: true, name: true, createdAt: true },
  });
  return { ...row, token };
}

/** Revokes a token; a revoked token is refused at once. Returns false when there was no such live token. */
export async function revokeApiToken(db: Db, id: string): Promise<boolean> {
  const result = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return result.count === 1;
}
