import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { expiryDate, generateShareToken, hashShareToken, isShareTokenShape, SHARE_TOKEN_BYTES, shareLinkState, shareUrl } from "@/lib/writes/share-links";
import { createShareLinkSchema, shareFormInput } from "@/lib/validations/share-links";

describe("share tokens", () => {
  it("are 32 random bytes in base64url: 43 URL-safe characters, at least 128 bits", () => {
    const token = generateShareToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(SHARE_TOKEN_BYTES);
    expect(SHARE_TOKEN_BYTES * 8).toBeGreaterThanOrEqual(128);
    expect(isShareTokenShape(token)).toBe(true);
  });

  it("do not repeat", () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateShareToken));
    expect(tokens.size).toBe(1000);
  });

  it("are stored as their SHA-256 hex, never as themselves", () => {
    const token = generateShareToken();
    const hash = hashShareToken(token);
    expect(hash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
  });

  it("refuses malformed tokens without a lookup", () => {
    for (const bad of ["", "short", `${generateShareToken()}x`, "a".repeat(42) + "/", "../../etc/passwd"]) expect(isShareTokenShape(bad)).toBe(false);
  });

  it("builds the address from the public base URL", () => {
    expect(shareUrl("https://briefing.example.org/", "abc")).toBe("https://briefing.example.org/s/abc");
    expect(shareUrl("http://127.0.0.1:3000", "abc")).toBe("http://127.0.0.1:3000/s/abc");
  });
});

describe("share link expiry and state", () => {
  const now = new Date("2026-01-01T12:00:00Z");

  it("expires after 1, 7 or 30 days, or never", () => {
    expect(expiryDate(now, 1)?.toISOString()).toBe("2026-01-02T12:00:00.000Z");
    expect(expiryDate(now, 30)?.toISOString()).toBe("2026-01-31T12:00:00.000Z");
    expect(expiryDate(now, null)).toBeNull();
  });

  it("is revoked, expired or active", () => {
    expect(shareLinkState({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(shareLinkState({ revokedAt: null, expiresAt: new Date("2026-01-01T12:00:01Z") }, now)).toBe("active");
    expect(shareLinkState({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(shareLinkState({ revokedAt: now, expiresAt: null }, now)).toBe("revoked");
  });

  it("accepts only 1, 7, 30 days or never", () => {
    expect(createShareLinkSchema.parse({ target: { type: "issue", slug: "donbas" } }).expiresInDays).toBeNull();
    expect(createShareLinkSchema.parse({ target: { type: "claim", id: "c1" }, expiresInDays: 7 }).expiresInDays).toBe(7);
    expect(createShareLinkSchema.safeParse({ target: { type: "claim", id: "c1" }, expiresInDays: 2 }).success).toBe(false);
    expect(createShareLinkSchema.safeParse({ target: { type: "article", id: "a1" } }).success).toBe(false);
    expect(createShareLinkSchema.safeParse({ target: { type: "issue", slug: "" } }).success).toBe(false);
  });

  it("reads the dialog's form into the same input", () => {
    const form = new FormData();
    form.set("targetType", "issue");
    form.set("target", "ceasefire");
    form.set("expiresInDays", "never");
    expect(createShareLinkSchema.parse(shareFormInput(form))).toEqual({ target: { type: "issue", slug: "ceasefire" }, expiresInDays: null });
    form.set("expiresInDays", "30");
    expect(createShareLinkSchema.parse(shareFormInput(form)).expiresInDays).toBe(30);
  });
});
