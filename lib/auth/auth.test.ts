import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";
import { resolveClientIp } from "./client-ip";
import { loginErrorMessage, WRONG_CREDENTIALS_MESSAGE } from "./messages";
import { lockoutFrom, LOCKOUT_WINDOW_MS } from "./throttle";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackUrl("/articles?q=referendum")).toBe("/articles?q=referendum");
  });
  it.each(["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", undefined, 42, "/login?x=1"])("turns %s into /", (value) =>
    expect(safeCallbackUrl(value)).toBe("/"),
  );
});

describe("resolveClientIp", () => {
  it("uses the socket address and ignores forwarded headers from untrusted peers", () => {
    expect(resolveClientIp("::ffff:203.0.113.9", "1.2.3.4", undefined)).toBe("203.0.113.9");
    expect(resolveClientIp("203.0.113.9", "1.2.3.4", "10.0.0.1")).toBe("203.0.113.9");
  });
  it("behind a trusted proxy, takes the right-most address that is not a trusted proxy", () => {
    expect(resolveClientIp("10.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.2", "10.0.0.1,10.0.0.2")).toBe("198.51.100.7");
  });
});

describe("loginErrorMessage", () => {
  const now = new Date("2026-01-01T10:00:00Z");
  it("says when an account lockout ends", () => {
    const until = new Date("2026-01-01T10:15:00Z").getTime();
    expect(loginErrorMessage(`locked-account-${until}`, now)).toBe(
      "Too many failed attempts for this account from your network. Try again after 10:15 UTC (in 15 minutes).",
    );
  });
  it("gives one generic message for everything else", () => {
    expect(loginErrorMessage("credentials", now)).toBe(WRONG_CREDENTIALS_MESSAGE);
    expect(loginErrorMessage(undefined, now)).toBe(WRONG_CREDENTIALS_MESSAGE);
  });
});

describe("lockoutFrom", () => {
  const now = new Date("2026-01-01T10:00:00Z");
  const at = (minutesAgo: number) => ({ createdAt: new Date(now.getTime() - minutesAgo * 60_000) });
  it("locks for fifteen minutes from the failure that reached the limit", () => {
    expect(lockoutFrom([at(1), at(2), at(3), at(4), at(5)], 5, now)).toEqual(new Date(now.getTime() - 60_000 + LOCKOUT_WINDOW_MS));
  });
  it("needs the limit within one window, and ends after fifteen minutes", () => {
    expect(lockoutFrom([at(1), at(2), at(3), at(4)], 5, now)).toBeUndefined();
    expect(lockoutFrom([at(1), at(2), at(3), at(4), at(17)], 5, now)).toBeUndefined();
    expect(lockoutFrom([at(16), at(17), at(18), at(19), at(20)], 5, now)).toBeUndefined();
  });
});
