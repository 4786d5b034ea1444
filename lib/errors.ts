/**
 * Briefing's one error model. Every expected failure (bad input, no permission, not found, conflict) is
 * an {@link AppError} with a code; {@link ERROR_STATUS} is the only place a code becomes an HTTP status;
 * {@link describeError} is the only place any thrown value becomes a code and a message. The API's
 * converter (`errorResponse` in lib/api/respond.ts) and the forms' (`toFormState` here) are built on it,
 * so a status is never chosen from message text.
 */

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  near_duplicate: 409,
  too_large: 413,
  invalid: 422,
  url_not_allowed: 422,
  rate_limited: 429,
  internal: 500,
  /** A web page fetched for the caller (URL import, re-import) answered with an error or not as HTTP. */
  upstream_error: 502,
  unavailable: 503,
  /** The database does not answer (the server answers this itself while it waits for the database). */
  database_unavailable: 503,
  /** The request queue is full. */
  overloaded: 503,
  /** A web page fetched for the caller connected but did not answer in time. */
  upstream_timeout: 504,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Extra fields an error carries to its caller (`field`, `existingId`, a conflict's `current` state…); plain JSON. */
export type ErrorDetails = Record<string, unknown>;

/** An expected failure: its `code` decides the HTTP status, its message says what was wrong and what to do. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export type DescribedError = { code: ErrorCode; status: number; message: string; details: ErrorDetails; isExpected: boolean };

const UNEXPECTED_MESSAGE = "Something went wrong on our side; try again, and tell an admin if it keeps happening.";

/** A zod error's first problem as "path: message" (no path for the whole value). */
export function zodMessage(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  const path = issue?.path.length ? `${issue.path.map(String).join(".")}: ` : "";
  return `${path}${issue?.message ?? "Invalid input."}`;
}

/** The PostgreSQL SQLSTATE behind a Prisma or `pg` error, if any. */
export function sqlState(error: unknown): string | undefined {
  const value = error as {
    code?: unknown;
    meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } };
    cause?: unknown;
  };
  const candidates = [value?.meta?.driverAdapterError?.cause?.originalCode, value?.meta?.driverAdapterError?.cause?.code, value?.meta?.code, value?.code];
  for (const candidate of candidates) if (typeof candidate === "string" && /^[0-9A-Z]{5}$/.test(candidate) && /^\d\d/.test(candidate)) return candidate;
  if (value?.cause && value.cause !== error) return sqlState(value.cause);
  return undefined;
}

/**
 * Any thrown value as a code, status and message. AppErrors speak for themselves; a zod error is bad
 * input (422); a PostgreSQL data exception (class 22, e.g. 22021 for a NUL byte, 22P02 for a malformed
 * value) or Prisma's P2023 is bad input that reached the database (400); a request body that is not
 * JSON or not a well-formed multipart body is a 400. Anything else is unexpected: a 500 whose message
 * gives nothing away.
 */
export function describeError(error: unknown): DescribedError {
  if (error instanceof AppError) return { code: error.code, status: error.status, message: error.message, details: error.details, isExpected: true };
  const named = error as { name?: unknown; code?: unknown; issues?: unknown };
  if (named?.name === "ZodError" && Array.isArray(named.issues)) {
    return { code: "invalid", status: ERROR_STATUS.invalid, message: zodMessage(error as never), details: {}, isExpected: true };
  }
  const state = sqlState(error);
  if ((state && state.startsWith("22")) || named?.code === "P2023") {
    return {
      code: "bad_request",
      status: ERROR_STATUS.bad_request,
      message: "The request holds a value the database cannot take (a NUL byte, or malformed text or number); remove it and try again.",
      details: {},
      isExpected: true,
    };
  }
  return { code: "internal", status: ERROR_STATUS.internal, message: UNEXPECTED_MESSAGE, details: {}, isExpected: false };
}

/** The body of every API error: `{"error": {"code", "message", …details}}`. */
export function errorBody(described: Pick<DescribedError, "code" | "message" | "details">) {
  return { error: { code: described.code, message: described.message, ...described.details } };
}

/**
 * What every server action returns: `status` "ok" with an optional `message` and `data`, or "error" with
 * the error's `code`, `message`, per-field messages in `fields`, the error's `details` (e.g. a conflict's
 * current state) and the submitted `values` a form keeps. `at` changes with every success, so a form keyed
 * on it starts empty again.
 */
export type ActionState<T = undefined> = {
  status?: "ok" | "error";
  code?: ErrorCode;
  message?: string;
  data?: T;
  fields?: Record<string, string>;
  details?: ErrorDetails;
  values?: Record<string, string>;
  at?: number;
};

/**
 * An error as a form's state. Expected errors become `{status: "error", code, message, fields, details}`;
 * an unexpected one is thrown again, to reach the segment's error page.
 */
export function toFormState<T = undefined>(error: unknown, values?: Record<string, string>): ActionState<T> {
  const described = describeError(error);
  if (!described.isExpected) throw error;
  const { fields, ...details } = described.details as ErrorDetails & { fields?: Record<string, string> };
  return {
    status: "error",
    code: described.code,
    message: described.message,
    ...(fields ? { fields } : {}),
    ...(Object.keys(details).length ? { details } : {}),
    ...(values ? { values } : {}),
  };
}

/** A zod error as an AppError naming every bad field (first message per field) and the first problem. */
export function invalidInput(error: { issues: { path: PropertyKey[]; message: string }[] }, message?: string): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  return new AppError("invalid", message ?? zodMessage(error), { fields });
}
