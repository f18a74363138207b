/*
 * Whether this process currently believes its database is unreachable.
 *
 * The data layer (db/index.ts) sets the flag when a query fails with a
 * connection error and clears it on the next query that succeeds; the HTTP
 * layer reads it to answer 503 + Retry-After instead of a 500 while the
 * database is down. It lives on globalThis because Next bundles modules into
 * several chunks (and the custom server is yet another module graph): a
 * module-level variable would exist once per chunk.
 */

import { DB_UNAVAILABLE_DIGEST } from "../db-unavailable";

const key = Symbol.for("plan-tracker.db-status");

export type DbStatus = { down: boolean; since: number | null; lastError: string | null };

type G = typeof globalThis & { [key]?: DbStatus };

function status(): DbStatus {
  const g = globalThis as G;
  g[key] ??= { down: false, since: null, lastError: null };
  return g[key];
}

/** Seconds a client should wait before retrying while the database is down. */
export const RETRY_AFTER_SECONDS = 5;

export { DB_UNAVAILABLE_DIGEST };

export function markDatabaseDown(error?: unknown): void {
  const s = status();
  if (!s.down) {
    s.down = true;
    s.since = Date.now();
    console.error(`[db] database unreachable: ${describe(error)}`);
  }
  s.lastError = describe(error);
}

export function markDatabaseUp(): void {
  const s = status();
  if (!s.down) return;
  console.log(`[db] database reachable again after ${Math.round((Date.now() - (s.since ?? Date.now())) / 1000)} s`);
  s.down = false;
  s.since = null;
  s.lastError = null;
}

export function isDatabaseUnavailable(): boolean {
  return status().down;
}

export function databaseStatus(): Readonly<DbStatus> {
  return { ...status() };
}

/** Network error codes (Node) and postgres.js's own codes for a lost or unopenable connection. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/**
 * SQLSTATEs meaning the server is going away, starting or unreachable:
 * class 08 (connection exception), 57P01 admin_shutdown, 57P02
 * crash_shutdown, 57P03 cannot_connect_now (starting up or shutting down).
 */
function isConnectionSqlState(code: string): boolean {
  return code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03";
}

/** True when the error (or any error in its `cause` chain, e.g. drizzle's DrizzleQueryError) is a lost or refused connection. */
export function isConnectionError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (typeof current !== "object") return false;
    const e = current as { code?: unknown; errno?: unknown; digest?: unknown; errors?: unknown; cause?: unknown };
    if (e.digest === DB_UNAVAILABLE_DIGEST) return true;
    if (typeof e.code === "string" && (CONNECTION_CODES.has(e.code) || (/^[0-9A-Z]{5}$/.test(e.code) && isConnectionSqlState(e.code)))) return true;
    // Node's AggregateError when every address of a host refused (IPv4 and IPv6 of "localhost").
    if (Array.isArray(e.errors) && e.errors.some((inner) => isConnectionError(inner))) return true;
    current = e.cause;
  }
  return false;
}

/** Marks an error thrown by a lost connection so every layer above (error boundaries included) can recognise it. */
export function tagConnectionError(error: unknown): void {
  if (error && typeof error === "object") {
    try {
      (error as { digest?: string }).digest ??= DB_UNAVAILABLE_DIGEST;
    } catch {
      // frozen error objects keep their own digest
    }
  }
}

function describe(error: unknown): string {
  if (!error) return "unknown";
  const e = error as { code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const code = typeof e.cause?.code === "string" ? e.cause.code : typeof e.code === "string" ? e.code : "";
  const message = typeof e.cause?.message === "string" ? e.cause.message : typeof e.message === "string" ? e.message : String(error);
  return code ? `${code} ${message.slice(0, 200)}` : message.slice(0, 200);
}
