import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { stampClientAddress } from "./client-address";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "./db-status";
import { NonceTransform } from "./nonce-transform";
import { checkOrigin, CROSS_SITE_REFUSAL } from "./origin-check";
import { keepResponse, lookupResponse, responseCacheGeneration, responseCacheKey } from "./response-cache";
import { newNonce, securityHeaders } from "./security-headers";

/*
 * What the custom server (scripts/server.ts) does to every request before
 * handing it to Next, and to every response on its way out. Kept apart from
 * the server so that it can be tested with a plain Node server (no Next).
 */

export type GateOptions = {
  dev: boolean;
  production: boolean;
  /** Honour X-Forwarded-Host / X-Forwarded-Proto. */
  trustProxy: boolean;
  /** gzip/deflate here, under the nonce rewrite (Next's own `compress` must be off). */
  compress: boolean;
  /** How long a page Next served from its cache is reused from memory (lib/server/response-cache.ts); 0 = never. */
  responseCacheMs: number;
};

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
let compressionMiddleware: Middleware | undefined;

/** Next's own compiled copy of the `compression` middleware (what `compress: true` would run), created once. */
function compression(): Middleware {
  if (!compressionMiddleware) {
    const requireCjs = createRequire(import.meta.url);
    compressionMiddleware = (requireCjs("next/dist/compiled/compression") as () => Middleware)();
  }
  return compressionMiddleware;
}

/**
 * Sets the security headers, refuses cross-site writes (answering 403 itself:
 * then it returns false and the request must not go on to Next), and wraps
 * the response so its HTML gets the nonce, compressed after that, and a 5xx
 * while the database is down becomes a 503.
 */
export function gateRequest(req: IncomingMessage, res: ServerResponse, options: GateOptions): boolean {
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  const pathname = query === -1 ? url : url.slice(0, query);
  stampClientAddress(req);
  const nonce = newNonce();
  const headers = securityHeaders({ pathname, nonce, dev: options.dev, production: options.production });
  for (const name in headers) res.setHeader(name, headers[name]!);

  const verdict = checkOrigin({ method: req.method ?? "GET", pathname, headers: req.headers, trustProxy: options.trustProxy });
  if (!verdict.allowed) {
    res.writeHead(403, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "Content-Length": Buffer.byteLength(CROSS_SITE_REFUSAL) });
    res.end(CROSS_SITE_REFUSAL);
    return false;
  }
  // The compression middleware wraps write/end first, so the rewrite below runs before it and sees plain bytes.
  if (options.compress) compression()(req, res, () => {});
  const key = options.responseCacheMs > 0 ? responseCacheKey(req) : null;
  const kept = key ? lookupResponse(key) : null;
  if (kept) {
    rewriteResponse(req, res, nonce);
    res.statusCode = 200;
    for (const [name, value] of kept.headers) res.setHeader(name, value);
    res.setHeader("X-Response-Cache", "HIT");
    res.end(req.method === "HEAD" ? undefined : kept.body);
    return false;
  }
  const generation = responseCacheGeneration();
  const perResponse = [...Object.keys(headers), "x-response-cache"];
  rewriteResponse(
    req,
    res,
    nonce,
    key ? (body) => keepResponse(key, { statusCode: res.statusCode, headers: res.getHeaders(), excludeHeaders: perResponse }, body, generation, options.responseCacheMs) : undefined,
  );
  return true;
}

type WriteCallback = (error?: Error | null) => void;
type Chunk = string | Uint8Array;

function toBuffer(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk, encoding ?? "utf8");
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Wraps writeHead/write/end of this response (on top of the compression
 * middleware, so the rewrite sees plain bytes). The decision is taken once,
 * when the headers are about to go out: by then Next has set the status and
 * the Content-Type.
 */
export function rewriteResponse(req: IncomingMessage, res: ServerResponse, nonce: string, onWholeHtml?: (body: Buffer) => void): void {
  // Loosely typed: these are called with whatever arguments Next passed, after the body was rewritten.
  type Fn<R> = (this: ServerResponse, ...args: unknown[]) => R;
  const writeHead = res.writeHead as Fn<ServerResponse>;
  const write = res.write as Fn<boolean>;
  const end = res.end as Fn<ServerResponse>;
  let decided = false;
  let transform: NonceTransform | null = null;
  let wroteBody = false;

  /** `wholeBody`: the body is one end(payload) call (a cached page), so its new length is known. */
  const decide = (wholeBody: boolean) => {
    if (decided) return;
    decided = true;
    if (res.statusCode >= 500 && isDatabaseUnavailable()) {
      res.statusCode = 503;
      res.statusMessage = "Service Unavailable";
      res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
    }
    const type = res.getHeader("content-type");
    if (typeof type !== "string" || !type.startsWith("text/html")) return;
    if (res.statusCode === 204 || res.statusCode === 304) return;
    // The body differs per response now: an ETag would let a browser keep an old body whose nonce no longer matches the CSP.
    res.removeHeader("etag");
    if (req.method === "HEAD") {
      if (res.hasHeader("content-length")) res.removeHeader("content-length");
      return;
    }
    transform = new NonceTransform(nonce);
    // Streamed: the length is not known in advance (chunked encoding). Whole: end() sets the new length.
    if (!wholeBody && res.hasHeader("content-length")) res.removeHeader("content-length");
  };

  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    // Fold the headers argument into setHeader, so decide() sees them all.
    const reason = typeof rest[0] === "string" ? rest.shift() : undefined;
    const extra = rest[0] as OutgoingHttpHeaders | (string | string[])[] | undefined;
    if (Array.isArray(extra)) {
      for (let i = 0; i + 1 < extra.length; i += 2) res.setHeader(String(extra[i]), extra[i + 1]!);
    } else if (extra) {
      for (const [name, value] of Object.entries(extra)) if (value !== undefined) res.setHeader(name, value);
    }
    res.statusCode = statusCode;
    decide(false);
    return res.statusCode === statusCode && typeof reason === "string"
      ? writeHead.call(this, res.statusCode, reason)
      : writeHead.call(this, res.statusCode);
  } as ServerResponse["writeHead"];

  res.write = function (this: ServerResponse, ...args: unknown[]) {
    if (!decided && !res.headersSent) decide(false);
    const [chunk, encoding, callback] = args as [Chunk | undefined | null, BufferEncoding | WriteCallback | undefined, WriteCallback | undefined];
    if (!transform || chunk === undefined || chunk === null) return write.apply(this, args);
    const cb = typeof encoding === "function" ? encoding : callback;
    const out = transform.push(toBuffer(chunk, typeof encoding === "string" ? encoding : undefined));
    wroteBody = true;
    if (out.length === 0) {
      if (cb) process.nextTick(cb);
      return true;
    }
    return cb ? write.call(this, out, cb) : write.call(this, out);
  } as ServerResponse["write"];

  res.end = function (this: ServerResponse, ...args: unknown[]) {
    const whole = !wroteBody && !res.headersSent;
    if (!decided && !res.headersSent) decide(whole);
    if (!transform) return end.apply(this, args);
    const [chunk, encoding, callback] = args as [Chunk | (() => void) | undefined | null, BufferEncoding | (() => void) | undefined, (() => void) | undefined];
    const cb = typeof chunk === "function" ? chunk : typeof encoding === "function" ? encoding : callback;
    const body = chunk !== undefined && chunk !== null && typeof chunk !== "function" ? toBuffer(chunk, typeof encoding === "string" ? encoding : undefined) : null;
    // The untransformed page, for the response cache: each later answer gets its own nonce.
    if (whole && body && onWholeHtml) onWholeHtml(body);
    const head = body ? transform.push(body) : Buffer.alloc(0);
    const tail = transform.flush();
    const out = tail.length ? Buffer.concat([head, tail]) : head;
    if (whole) res.setHeader("Content-Length", out.length);
    return cb ? end.call(this, out, cb) : end.call(this, out);
  } as ServerResponse["end"];
}

