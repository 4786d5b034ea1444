import type { Instrumentation } from "next";

/**
 * Every error Next.js catches while rendering a page or running a server action, logged once through the
 * server's logger with its stack and the digest the error page shows its reader, so the two can be matched.
 * Route handlers catch their own (`apiRoute` logs unexpected ones). A share link's token is left out of the path.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  // The app serves every request on Node.js; the Edge build of this file leaves the logger (and its `process.pid`) out.
  // eslint-disable-next-line no-restricted-properties -- not configuration: Next.js writes the runtime in at build time.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("@/lib/log");
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : undefined;
  logger().error(
    {
      err: error,
      digest,
      method: request.method,
      path: request.path.replace(/^\/s\/[^/?#]+/, "/s/[token]"),
      route: context.routePath,
      during: context.routeType,
    },
    "Unexpected error serving a request",
  );
};
