import type { Metadata } from "next";

// Next.js adds `noindex` to every 404 itself.
export const metadata: Metadata = { title: "Not found" };

/**
 * The page for an address no route serves, and for a dead share link (see proxy.ts): rendered on the
 * server, readable without JavaScript.
 */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">This link does not work</h1>
      <p className="mt-3 text-gray-700">
        Nothing is here: the address may be mistyped, or it was a share link that has expired or been revoked. Ask whoever sent it for a new one.
      </p>
    </main>
  );
}
