import "server-only";
import { NextResponse } from "next/server";
import { getRequestUser, hasRole, type CurrentUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";

export type ApiErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "duplicate"
  | "near_duplicate"
  | "conflict"
  | "too_large"
  | "invalid"
  | "rate_limited";

/** The API's one error shape: `{"error":{"code","message", …extra}}` with the given status. */
export function apiError(status: number, code: ApiErrorCode, message: string, extra: Record<string, unknown> = {}) {
  return NextResponse.json({ error: { code, message, ...extra } }, { status });
}

type Guarded = { user: CurrentUser; response?: undefined } | { user?: undefined; response: NextResponse };

/**
 * Every route handler starts here: who is calling (API token or session), whether they hold `role`,
 * and, for cookie-authenticated writes, that the request is not cross-site. Anonymous callers get 401
 * JSON, never a redirect.
 */
export async function guardApi(request: Request, role: Role = "viewer"): Promise<Guarded> {
  const user = await getRequestUser(request);
  if (!user) return { response: apiError(401, "unauthorized", "Log in, or send an API token as `Authorization: Bearer <token>`.") };
  if (!hasRole(user, role)) return { response: apiError(403, "forbidden", `This needs the ${role} role.`) };
  const isWrite = !["GET", "HEAD", "OPTIONS"].includes(request.method);
  const usesCookie = !request.headers.get("authorization");
  if (isWrite && usesCookie) {
    const origin = request.headers.get("origin");
    if (origin && origin !== new URL(request.url).origin && origin !== process.env.APP_URL?.replace(/\/$/, "")) {
      return { response: apiError(403, "forbidden", "Cross-site requests are refused.") };
    }
    const type = request.headers.get("content-type") ?? "";
    if (request.method !== "DELETE" && !/^(application\/json|multipart\/form-data)/i.test(type)) {
      return { response: apiError(400, "bad_request", "Send the body as application/json or multipart/form-data.") };
    }
  }
  return { user };
}
