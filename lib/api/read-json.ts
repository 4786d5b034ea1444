import "server-only";
import type { z } from "zod";
import { apiError, errorResponse } from "@/lib/api/respond";
import { invalidInput, zodMessage } from "@/lib/errors";

type Read<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Reads a request's JSON body and checks it against `schema`: 400 for bad JSON, 422 naming the first bad field. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<Read<z.output<T>>> {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return { ok: false, response: apiError("bad_request", "The request body is not valid JSON.") };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, response: errorResponse(invalidInput(parsed.error)) };
  return { ok: true, data: parsed.data };
}

/** A request's query parameters through `parse` (a zod `safeParse` over them): 400 naming the first bad one. */
export function readQuery<T>(request: Request, parse: (params: URLSearchParams) => z.ZodSafeParseResult<T>): Read<T> {
  const parsed = parse(new URL(request.url).searchParams);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: apiError("bad_request", zodMessage(parsed.error)) };
}
