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
  async headers() {
    return [
      // Only the embeddable charts may be framed by other sites; everything else refuses (clickjacking).
      {
        source: "/((?!embed(?:/|$)).*)",
        headers: [
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      { source: "/embed/:path*", headers: [{ key: "Content-Security-Policy", value: "frame-ancestors *" }] },
      { source: "/embed", headers: [{ key: "Content-Security-Policy", value: "frame-ancestors *" }] },
    ];
  },
  async rewrites() {
    return {
      // Unprefixed URLs are English. A rewrite here, instead of a proxy on
      // every public request, keeps the cached public pages on the fast path.
      afterFiles: [
        { source: "/", destination: "/en" },
        // "~" marks a past view already rewritten by the proxy (en~2025-03-01).
        { source: "/:path((?!(?:en|zh|api|_next|embed)(?:/|~|$)).+)", destination: "/en/:path" },
      ],
    };
  },
};

export default withNextIntl(nextConfig);
