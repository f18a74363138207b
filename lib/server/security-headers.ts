import { randomBytes } from "node:crypto";

/*
 * The security headers of every response, decided in one pure function so
 * that the custom server (scripts/server.ts) and the tests agree. The server
 * sets them before Next sees the request, for pages, route handlers, static
 * files and errors alike (issue #6).
 *
 * Scripts are allowed by a per-response nonce: the server rewrites every
 * `<script` start tag of an HTML response to carry it (lib/server/nonce-transform.ts),
 * so the ISR-cached public pages stay cached and still get a fresh nonce.
 */

export type SecurityHeaderOptions = {
  /** The request's path, without the query. */
  pathname: string;
  /** A fresh random nonce for this response (see newNonce). */
  nonce: string;
  /** `next dev` needs eval for React Refresh. */
  dev: boolean;
  /** HSTS is only sent in production: a local http server must not pin browsers to https. */
  production: boolean;
};

/** 16 random bytes, base64: a CSP nonce. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/*
 * Only plain segments count: a raw path such as "/embed/../admin" or
 * "/embed/%2e%2e/admin" (browsers normalise dot segments, other clients may
 * not) must never lift the framing ban from another page.
 */
const EMBED_PATH = /^\/embed(?:\/[A-Za-z0-9_-]+)*\/?$/;

/** Embeddable charts (/embed and /embed/…) may be framed by any site; nothing else may be. */
export function isEmbedPath(pathname: string): boolean {
  return EMBED_PATH.test(pathname);
}

const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "interest-cohort=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "usb=()",
  "browsing-topics=()",
].join(", ");

export function contentSecurityPolicy({ pathname, nonce, dev }: Pick<SecurityHeaderOptions, "pathname" | "nonce" | "dev">): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    // recharts and a few components set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // 'self' also covers the dev server's HMR websocket on the same host (CSP 3).
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${isEmbedPath(pathname) ? "*" : "'none'"}`,
  ].join("; ");
}

/** Header name → value, in the casing they are sent with. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const embed = isEmbedPath(options.pathname);
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (!embed) headers["X-Frame-Options"] = "DENY";
  if (options.production) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
