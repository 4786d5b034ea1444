import "server-only";
import { NextResponse } from "next/server";
import { malformedUrlProblem } from "@/lib/api/malformed-url";
import { getRequestUser, hasRole, type CurrentUser } from "@/lib/auth/session";
import { AppError, describeError, errorBody, type ErrorCode, type ErrorDetails } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

/**
 * Any error as the API's one error shape, `{"error":{"code","message", …details}}`, with the status the
 * code's entry in `ERROR_STATUS` gives. Unexpected errors are logged with their stack and answered with
 * a 500 that gives nothing away.
 */
export function errorResponse(error: unknown): NextResponse {
  const described = describeError(error);
  if (!described.isExpected) logger().error({ err: error }, "Unexpected error answering an API request");
  return NextResponse.json(errorBody(described), { status: described.status });
}

/** An error answer for `code` (its status from the table), e.g. `apiError("not_found", "No claim x.")`. */
export function apiError(code: ErrorCode, message: string, details: ErrorDetails = {}): NextResponse {
  return errorResponse(new AppError(code, message, details));
}

/**
 * Wraps a route handler: an address that cannot be decoded or holds a NUL is a 400 before the handler
 * runs, and whatever the handler throws is answered by {@link errorResponse}: an AppError with its
 * status, bad input that reached the database with a 400, anything else with a logged 500.
 */
export function apiRoute<A extends [Request, ...unknown[]]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args) => {
    const url = new URL(args[0].url);
    const malformed = malformedUrlProblem(url.pathname, url.search);
    if (malformed) return apiError("bad_request", malformed);
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

type Guarded = { user: CurrentUser; response?: undefined } | { user?: undefined; response: NextResponse };

/**
 * Every route handler starts here: who is calling (API token or session), whether they hold `role`,
 * and, for cookie-authenticated writes, that the request is not cross-site. Anonymous callers get 401
 * JSON, never a redirect.
 */
export async function guardApi(request: Request, role: Role = "viewer"): Promise<Guarded> {
  const user = await getRequestUser(request);
  if (!user) return { response: apiError("unauthorized", "Log in, or send an API token as `Authorization: Bearer <token>`.") };
  if (!hasRole(user, role)) return { response: apiError("forbidden", `This needs the ${role} role.`) };
  const isWrite = !["GET", "HEAD", "OPTIONS"].includes(request.method);
  const usesCookie = !request.headers.get("authorization");
  if (isWrite && usesCookie) {
    const origin = request.headers.get("origin");
    if (origin && origin !== new URL(request.url).origin && origin !== env().APP_URL?.replace(/\/$/, "")) {
      return { response: apiError("forbidden", "Cross-site requests are refused.") };
    }
    const type = request.headers.get("content-type") ?? "";
    if (request.method !== "DELETE" && !/^(application\/json|multipart\/form-data)/i.test(type)) {
      return { response: apiError("bad_request", "Send the body as application/json or multipart/form-data.") };
    }
  }
  return { user };
}
