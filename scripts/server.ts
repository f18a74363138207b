import { rmSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { responseCacheMs } from "@/lib/server/response-cache";
import { gateRequest } from "@/lib/server/response-gate";

/*
 * The production (and development) server: Next's own request handler
 * behind a plain Node HTTP server, so that every response passes through
 * the app's own code on its way out, without a proxy on the hot public
 * paths (issue #6 without undoing issue #7):
 *
 * - every response gets the security headers (lib/server/security-headers.ts)
 *   with a fresh CSP nonce;
 * - every text/html body is rewritten on the fly so each <script> carries that
 *   nonce (lib/server/nonce-transform.ts). ISR-cached pages stay cached: the
 *   nonce is added after the cache, per response;
 * - POST/PUT/PATCH/DELETE from another site are refused with 403 before Next
 *   sees them (lib/server/origin-check.ts);
 * - a 5xx while the database is unreachable becomes 503 + Retry-After
 *   (lib/server/db-status.ts).
 *
 * All of it lives in lib/server/response-gate.ts (tested without Next).
 *
 * Compression: Next's own gzip is off (next.config.js `compress: false`)
 * because it would run before the nonce rewrite; this server runs the same
 * middleware (Next's compiled `compression`) *under* the rewrite instead.
 * COMPRESS=0 turns it off when a reverse proxy compresses.
 *
 * Usage: tsx scripts/server.ts [--dev]   (PORT, NEXT_DIST_DIR, TRUST_PROXY=1, COMPRESS=0)
 */
const dev = process.argv.includes("--dev");
// Next and React pick their builds from NODE_ENV (like `next start` / `next dev`).
(process.env as Record<string, string | undefined>).NODE_ENV ??= dev ? "development" : "production";
const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT || 3000);
// TRUST_PROXY counts the reverse proxies in front (as lib/login-throttle.ts reads it): any makes X-Forwarded-Host/Proto trustworthy.
const trustProxy = Number(process.env.TRUST_PROXY) >= 1;
const compressResponses = process.env.COMPRESS !== "0";

// Imported after NODE_ENV is settled: Next and React pick their builds from it.
const { default: next } = await import("next");

// Pages and data cached on disk by an earlier run may be older than this database (another
// database, or writes whose tag expiries lived only in that run's memory): start from an empty cache.
if (!dev) {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  for (const dir of [path.join(distDir, "cache", "fetch-cache"), path.join(distDir, "server", "route-cache")]) {
    rmSync(path.join(process.cwd(), dir), { recursive: true, force: true });
  }
}

const gate = { dev, production, trustProxy, compress: compressResponses, responseCacheMs: dev ? 0 : responseCacheMs() };
const server = createServer((req, res) => {
  if (!gateRequest(req, res, gate)) return;
  handle(req, res).catch((error: unknown) => {
    console.error("[server] request failed", error);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end();
    } else res.destroy();
  });
});

// httpServer: Next attaches its upgrade handler (the dev server's HMR websocket) to this server on the first request.
const app = next({ dev, port, dir: process.cwd(), httpServer: server });
const handle = app.getRequestHandler();
await app.prepare();

server.listen(port, () => {
  console.log(`Ready on http://localhost:${port}${dev ? " (development)" : ""}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
