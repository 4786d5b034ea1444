import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** The AUTH_SECRET of the embedded default: generated on first start and kept in the data folder. */
export function persistentSecret(dir: string): string {
  const file = path.join(dir, "auth-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start
  }
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.mkdirSync(dir, { recursive: true, mode: 0o711 });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
