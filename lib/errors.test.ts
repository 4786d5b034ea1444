import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, describeError, ERROR_STATUS, errorBody, invalidInput, toFormState, type ErrorCode } from "@/lib/errors";

describe("the error table", () => {
  it.each<[ErrorCode, number]>([
    ["bad_request", 400],
    ["unauthorized", 401],
    ["forbidden", 403],
    ["not_found", 404],
    ["conflict", 409],
    ["duplicate", 409],
    ["near_duplicate", 409],
    ["too_large", 413],
    ["invalid", 422],
    ["url_not_allowed", 422],
    ["rate_limited", 429],
    ["internal", 500],
    ["upstream_error", 502],
    ["unavailable", 503],
    ["database_unavailable", 503],
    ["overloaded", 503],
    ["upstream_timeout", 504],
  ])("%s is %i", (code, status) => {
    expect(ERROR_STATUS[code]).toBe(status);
    expect(new AppError(code, "m").status).toBe(status);
    expect(describeError(new AppError(code, "m")).status).toBe(status);
  });

  it("has an entry for every code and only 4xx/5xx statuses", () => {
    for (const status of Object.values(ERROR_STATUS)) expect(status).toBeGreaterThanOrEqual(400);
    expect(Object.keys(ERROR_STATUS)).toHaveLength(17);
  });

  it("takes the status from the code, never from the message", () => {
    expect(describeError(new AppError("invalid", "The page is over the 2 MB limit.")).status).toBe(422);
    expect(describeError(new AppError("too_large", "Something unrelated.")).status).toBe(413);
  });
});

describe("describeError", () => {
  it("makes a zod error a 422 naming the field", () => {
    const result = z.object({ body: z.string().min(1, "Write it.") }).safeParse({ body: "" });
    expect(result.success).toBe(false);
    const described = describeError(result.error);
    expect(described).toMatchObject({ code: "invalid", status: 422, message: "body: Write it.", isExpected: true });
  });

  it("makes a PostgreSQL data exception (a NUL byte, 22021) a 400, from Prisma's driver-adapter error or pg's own", () => {
    const prisma = Object.assign(new Error("raw query failed"), {
      code: "P2010",
      meta: { driverAdapterError: { cause: { originalCode: "22021", kind: "postgres" } } },
    });
    expect(describeError(prisma)).toMatchObject({ code: "bad_request", status: 400, isExpected: true });
    expect(describeError(Object.assign(new Error("invalid input syntax"), { code: "22P02" }))).toMatchObject({ status: 400 });
    expect(describeError(Object.assign(new Error("wrapped"), { cause: Object.assign(new Error("x"), { code: "22021" }) }))).toMatchObject({ status: 400 });
  });

  it("hides unexpected errors behind a 500 that names nothing internal", () => {
    const described = describeError(new TypeError("Cannot read properties of undefined (reading 'id') at /srv/app/lib/secret.ts"));
    expect(described).toMatchObject({ code: "internal", status: 500, isExpected: false });
    expect(described.message).not.toMatch(/secret|undefined/);
    expect(describeError(Object.assign(new Error("unique"), { code: "23505" })).status).toBe(500);
  });

  it("shapes the API body as {error: {code, message, …details}}", () => {
    expect(errorBody(describeError(new AppError("duplicate", "Already stored.", { existingId: "a1" })))).toEqual({
      error: { code: "duplicate", message: "Already stored.", existingId: "a1" },
    });
  });
});

describe("toFormState", () => {
  it("turns an expected error into the one action state, with fields, details and kept values", () => {
    const parsed = z
      .object({ title: z.string().min(1, "Give a title."), slug: z.string().regex(/^[a-z]+$/, "Letters only.") })
      .safeParse({ title: "", slug: "A1" });
    const state = toFormState(invalidInput(parsed.error!, "Check the highlighted fields."), { title: "" });
    expect(state).toEqual({
      status: "error",
      code: "invalid",
      message: "Check the highlighted fields.",
      fields: { title: "Give a title.", slug: "Letters only." },
      values: { title: "" },
    });
    expect(toFormState(new AppError("conflict", "Changed meanwhile.", { current: { version: 3 } }))).toEqual({
      status: "error",
      code: "conflict",
      message: "Changed meanwhile.",
      details: { current: { version: 3 } },
    });
  });

  it("throws unexpected errors on, to reach the error page", () => {
    const error = new Error("database exploded");
    expect(() => toFormState(error)).toThrow(error);
  });
});
