import "server-only";
import type { z } from "zod";

export type JsonResult<T> = { ok: true; data: T } | { ok: false; status: 400 | 422; message: string };

/** Reads a request's JSON body and checks it against `schema`: 400 for bad JSON, 422 naming the first bad field. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<JsonResult<z.output<T>>> {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return { ok: false, status: 400, message: "The request body is not valid JSON." };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    return { ok: false, status: 422, message: `${path}${issue?.message ?? "Invalid request."}` };
  }
  return { ok: true, data: parsed.data };
}
