import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite bundled by Turbopack breaks at prerender; it must load from node_modules.
  serverExternalPackages: ["@electric-sql/pglite"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // Lets several servers (tests, benchmarks, parallel development) build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Security headers (CSP with per-response nonces, frame-ancestors, HSTS…) are set by the
  // custom server, scripts/server.ts, on every response: see lib/server/security-headers.ts.
  // Compression happens there too, after the nonce rewrite; Next's own gzip would run before it.
  compress: false,
  // Next hashes the whole HTML of every page response in JavaScript to make its ETag, cached pages
  // included: the largest single cost of serving a cached page (issue #7, measured with a CPU
  // profile). The custom server drops HTML ETags anyway (the nonce makes every body unique), and
  // the JSON API sets its own.
  generateEtags: false,
  async rewrites() {
    return {
      // Unprefixed URLs are English. A rewrite here, instead of a proxy on
      // every public request, keeps the cached public pages on the fast path.
      afterFiles: [
        { source: "/", destination: "/en" },
        // Embeds render under a view segment ("en", or "en~2025-03-01" from the proxy for ?asOf=).
        { source: "/embed/status", destination: "/embed/en/status" },
        { source: "/embed/progress", destination: "/embed/en/progress" },
        { source: "/embed/actions/:code", destination: "/embed/en/actions/:code" },
        // "~" marks a past view already rewritten by the proxy (en~2025-03-01).
        { source: "/:path((?!(?:en|zh|api|_next|embed)(?:/|~|$)).+)", destination: "/en/:path" },
      ],
    };
  },
};

export default withNextIntl(nextConfig);
