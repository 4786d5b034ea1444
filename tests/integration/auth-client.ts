import crypto from "node:crypto";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";

/**
 * Calls Auth.js's own endpoints (`/api/auth/*`) in-process as a browser would, keeping its cookies in a
 * jar, so tests exercise the real Credentials login, session and sign-out code.
 */
process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString("base64url");
process.env.AUTH_TRUST_HOST = "true";
const { handlers } = await import("@/auth");

export const BASE = "http://127.0.0.1:3000";

export type CookieJar = Map<string, string>;

function withCookies(jar: CookieJar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const index = pair!.indexOf("=");
    jar.set(pair!.slice(0, index), pair!.slice(index + 1));
  }
}

/** One request to an Auth.js endpoint from `ip`, with the jar's cookies; Set-Cookie headers go back into the jar. */
export async function callAuth(method: "GET" | "POST", pathname: string, jar: CookieJar, form?: Record<string, string>, ip = "10.2.0.1") {
  const headers: Record<string, string> = { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; "), [CLIENT_IP_HEADER]: ip };
  if (form) headers["content-type"] = "application/x-www-form-urlencoded";
  const request = new Request(`${BASE}${pathname}`, { method, headers, body: form ? new URLSearchParams(form).toString() : undefined });
  const response = await (method === "GET" ? handlers.GET : handlers.POST)(request as never);
  withCookies(jar, response);
  return response;
}

export async function csrfToken(jar: CookieJar): Promise<string> {
  return ((await (await callAuth("GET", "/api/auth/csrf", jar)).json()) as { csrfToken: string }).csrfToken;
}

/** Submits the Credentials login from `ip`; returns the cookies a browser would then hold (a session cookie when it worked). */
export async function attemptLogin(email: string, password: string, ip = "10.2.0.1"): Promise<CookieJar> {
  const jar: CookieJar = new Map();
  const token = await csrfToken(jar);
  await callAuth("POST", "/api/auth/callback/credentials", jar, { email, password, csrfToken: token }, ip);
  return jar;
}

export const hasSession = (jar: CookieJar) => jar.has("authjs.session-token") && jar.get("authjs.session-token") !== "";
