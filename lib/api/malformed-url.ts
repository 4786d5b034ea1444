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
