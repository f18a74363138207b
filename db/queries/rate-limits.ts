import { and, eq, lt, sql } from "drizzle-orm";
import { db } from "../index";
import { rateLimitCounters } from "../schema";

export const DEFAULT_WRITE_RATE_LIMIT = 60;
export const RATE_LIMIT_WINDOW_MS = 60_000;

/** Requests per minute per token for the write API (env `API_WRITE_RATE_LIMIT`, default 60). */
export function writeRateLimit(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.API_WRITE_RATE_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_WRITE_RATE_LIMIT;
}

export type RateLimitResult = { allowed: boolean; count: number; limit: number; retryAfterSeconds: number };

/**
 * Counts one request in the current fixed window. The upsert is a single
 * statement, so concurrent requests on any instance each get their own count.
 */
export async function hitRateLimit(key: string, limit: number, now = new Date(), windowMs = RATE_LIMIT_WINDOW_MS): Promise<RateLimitResult> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimitCounters.key, rateLimitCounters.windowStart], set: { count: sql`${rateLimitCounters.count} + 1` } })
    .returning({ count: rateLimitCounters.count });
  const count = row?.count ?? 1;
  // The first request of a window clears this key's old windows, so the table stays small without a job.
  if (count === 1) await db.delete(rateLimitCounters).where(and(eq(rateLimitCounters.key, key), lt(rateLimitCounters.windowStart, windowStart)));
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: count <= limit, count, limit, retryAfterSeconds };
}

/**
 * Takes back one count from the window containing `now`: a login that turned
 * out not to be a failure (it succeeded, or it was refused before any password
 * check) must not use up the client's allowance.
 */
export async function refundRateLimit(key: string, now = new Date(), windowMs = RATE_LIMIT_WINDOW_MS): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  await db
    .update(rateLimitCounters)
    .set({ count: sql`greatest(${rateLimitCounters.count} - 1, 0)` })
    .where(and(eq(rateLimitCounters.key, key), eq(rateLimitCounters.windowStart, windowStart)));
}

/** Forgets every window of one key (a successful login clears its account's failures). */
export async function resetRateLimit(key: string): Promise<void> {
  await db.delete(rateLimitCounters).where(eq(rateLimitCounters.key, key));
}
