import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from "node:http";

/*
 * A short-lived copy, in this process's memory, of public pages that the
 * Next.js cache has just served as a HIT. Next spends most of a cached
 * page's time on its routing and cache bookkeeping, not on the bytes; a
 * page it already called shareable (HIT) is served from here for at most
 * RESPONSE_CACHE_MS (default 2 s), like a micro-cache in a reverse proxy.
 *
 * It never makes a page staler than the Next.js cache would: every tag
 * expiry in this process (server actions, imports, and the cross-instance
 * bus route) drops all of it, and a response that was under way while that
 * happened is not kept (the generation check). Only the untransformed body
 * is kept: each response still gets its own nonce and headers.
 */

type Entry = { headers: [string, number | string | string[]][]; body: Buffer; expires: number; generation: number };
type Store = { entries: Map<string, Entry>; bytes: number; generation: number };

const storeKey = Symbol.for("plan-tracker.response-cache");
type GlobalWithStore = typeof globalThis & { [storeKey]?: Store };

// Next's code (bundled) and the server (loaded by tsx) hold separate copies of this module: globalThis is what they share.
function store(): Store {
  const g = globalThis as GlobalWithStore;
  g[storeKey] ??= { entries: new Map(), bytes: 0, generation: 0 };
  return g[storeKey];
}

export const DEFAULT_RESPONSE_CACHE_MS = 2000;
const MAX_ENTRIES = 500;
const MAX_BYTES = 64 * 1024 * 1024;

/** RESPONSE_CACHE_MS: how long a HIT is reused; 0 turns the micro-cache off. */
export function responseCacheMs(env: Record<string, string | undefined> = process.env): number {
  if (env.RESPONSE_CACHE_MS === undefined || env.RESPONSE_CACHE_MS === "") return DEFAULT_RESPONSE_CACHE_MS;
  const n = Number(env.RESPONSE_CACHE_MS);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, 60_000) : DEFAULT_RESPONSE_CACHE_MS;
}

/** Drops every kept response. Called wherever a cache tag is expired in this process. */
export function dropResponseCache(): void {
  const s = store();
  s.entries.clear();
  s.bytes = 0;
  s.generation += 1;
}

export function responseCacheGeneration(): number {
  return store().generation;
}

const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "next-url"];

function prefersChineseWithoutChoice(headers: IncomingHttpHeaders): boolean {
  const cookie = headers.cookie ?? "";
  if (/(?:^|;\s*)NEXT_LOCALE=/.test(cookie)) return false;
  return /\bzh\b/i.test(String(headers["accept-language"] ?? ""));
}

/**
 * The key for a request that may be answered from memory, or null. Router
 * (RSC) requests and anything but GET/HEAD go to Next. `/` is negotiated by
 * the proxy (Accept-Language without a NEXT_LOCALE cookie may redirect to
 * /zh), so those visitors get a key of their own.
 */
export function responseCacheKey(req: Pick<IncomingMessage, "method" | "url" | "headers">): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "/";
  if (url.includes("_rsc=")) return null;
  for (const name of ROUTER_HEADERS) if (req.headers[name] !== undefined) return null;
  const path = url.split("?")[0];
  if (path === "/" && prefersChineseWithoutChoice(req.headers)) return `zh-negotiated ${url}`;
  return url;
}

export function lookupResponse(key: string, now = Date.now()): Entry | null {
  const s = store();
  const entry = s.entries.get(key);
  if (!entry) return null;
  if (entry.expires <= now || entry.generation !== s.generation) {
    s.entries.delete(key);
    s.bytes -= entry.body.length;
    return null;
  }
  return entry;
}

// Per-response headers: the server sets them afresh (nonce, length, encoding) on every answer.
const NOT_KEPT = new Set(["content-length", "content-encoding", "transfer-encoding", "date", "connection", "keep-alive", "set-cookie", "etag"]);

/**
 * Keeps a body that Next served from its cache (x-nextjs-cache: HIT, 200,
 * HTML), unless a tag expired since the request began (`generation`).
 */
export function keepResponse(
  key: string,
  response: { statusCode: number; headers: OutgoingHttpHeaders; excludeHeaders: Iterable<string> },
  body: Buffer,
  generation: number,
  ttlMs: number,
  now = Date.now(),
): boolean {
  const s = store();
  if (ttlMs <= 0 || generation !== s.generation) return false;
  const { statusCode, headers } = response;
  if (statusCode !== 200 || headers["x-nextjs-cache"] !== "HIT") return false;
  const type = headers["content-type"];
  if (typeof type !== "string" || !type.startsWith("text/html")) return false;
  if (body.length > MAX_BYTES / 8) return false;
  const excluded = new Set([...response.excludeHeaders].map((h) => h.toLowerCase()));
  const kept: Entry["headers"] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_KEPT.has(name) || excluded.has(name)) continue;
    kept.push([name, value]);
  }
  const previous = s.entries.get(key);
  if (previous) {
    s.entries.delete(key);
    s.bytes -= previous.body.length;
  }
  s.entries.set(key, { headers: kept, body, expires: now + ttlMs, generation });
  s.bytes += body.length;
  // Map order is insertion order: the oldest go first.
  for (const [oldKey, old] of s.entries) {
    if (s.entries.size <= MAX_ENTRIES && s.bytes <= MAX_BYTES) break;
    s.entries.delete(oldKey);
    s.bytes -= old.body.length;
  }
  return true;
}
