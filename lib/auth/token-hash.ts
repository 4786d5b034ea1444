import crypto from "node:crypto";

/** API tokens and share tokens are stored only as their SHA-256 (hex) and looked up by it. */
export function hashApiToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
