/**
 * What is wrong with a request's address, or null: a percent-escape that is not UTF-8 (`/articles/%ff`),
 * or a NUL character in the path or the query, which no page or query can use (PostgreSQL refuses NUL
 * in text). Pages and share links answer these with a 400 before anything renders or logs.
 */
export function malformedUrlProblem(pathname: string, search: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname) + decodeURIComponent(search.replace(/\+/g, " "));
  } catch {
    return "The address holds a malformed percent-escape (like %ff); check the link.";
  }
  if (decoded.includes("\u0000")) return "The address holds a NUL character (%00); remove it and try again.";
  return null;
}

/**
 * What is wrong with a server action's form body, or null. Next.js answers a multipart body without a
 * boundary, or one cut short before its closing delimiter, with a 500 from deep inside its parser; this
 * finds both first. Only server action posts (`Next-Action` header) with a multipart body are read.
 */
export async function malformedActionBodyProblem(request: Request): Promise<string | null> {
  const type = request.headers.get("content-type") ?? "";
  if (request.method !== "POST" || !request.headers.has("next-action") || !/^multipart\/form-data/i.test(type)) return null;
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  const delimiter = boundary?.[1] ?? boundary?.[2];
  if (!delimiter) return "The form was sent as multipart/form-data without a boundary; send it again from the page.";
  const body = await request.clone().text();
  if (!body.trimEnd().endsWith(`--${delimiter}--`)) return "The form arrived cut short; send it again.";
  return null;
}
