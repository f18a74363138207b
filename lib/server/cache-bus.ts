import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { dbKind, rawClient } from "@/db";
import { CACHE_TAGS } from "@/lib/cache-tags";

/*
 * Cache invalidation across instances. Next's tag cache lives in each
 * server process's memory, so a write seen by one instance would leave the
 * others stale. After its own updateTag/revalidateTag, the writer sends the
 * tags on a Postgres channel (NOTIFY); every instance LISTENs and forwards
 * each message to its own revalidation route over loopback, because
 * revalidateTag only works inside a request. The route is protected by a
 * per-process random secret that never leaves this process. Notifications
 * sent while a listener is disconnected are lost, so when it listens again
 * it expires every tag. PGlite is one process: nothing to do there.
 */

export const CACHE_CHANNEL = "plan_tracker_cache";
export const INTERNAL_REVALIDATE_PATH = "/api/internal/revalidate";
export const SECRET_HEADER = "x-plan-tracker-revalidate";
export const ALL_TAGS: readonly string[] = Object.values(CACHE_TAGS);

type BusState = { secret: string; instanceId: string; started: boolean; listens: number };
const key = Symbol.for("plan-tracker.cache-bus");
type G = typeof globalThis & { [key]?: BusState };

function state(): BusState {
  const g = globalThis as G;
  g[key] ??= { secret: randomBytes(32).toString("base64url"), instanceId: randomUUID(), started: false, listens: 0 };
  return g[key];
}

/** Compares the presented secret with this process's in constant time. */
export function isValidSecret(presented: string | null): boolean {
  if (!presented) return false;
  const expected = Buffer.from(state().secret);
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Only the known tags may be expired through the bus. */
export function knownTags(tags: unknown): string[] {
  if (!Array.isArray(tags)) return [];
  return [...new Set(tags.filter((t): t is string => typeof t === "string" && ALL_TAGS.includes(t)))];
}

/** Tells the other instances to expire these tags. Never throws: the write it follows is already committed. */
export async function publishTags(tags: string[]): Promise<void> {
  try {
    if (tags.length === 0 || dbKind() !== "postgres") return;
    const client = rawClient();
    if (client.kind !== "postgres") return;
    await client.sql.notify(CACHE_CHANNEL, JSON.stringify({ from: state().instanceId, tags }));
  } catch (error) {
    console.error("[cache-bus] notify failed; other instances stay stale until their cache expires", (error as Error)?.message ?? error);
  }
}

function ownPort(): string {
  if (process.env.PORT) return process.env.PORT;
  const i = process.argv.findIndex((a) => a === "-p" || a === "--port");
  return (i >= 0 && process.argv[i + 1]) || "3000";
}

async function forward(tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  try {
    const response = await fetch(`http://127.0.0.1:${ownPort()}${INTERNAL_REVALIDATE_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json", [SECRET_HEADER]: state().secret },
      body: JSON.stringify({ tags }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) console.error(`[cache-bus] revalidation answered ${response.status}`);
  } catch (error) {
    console.error("[cache-bus] revalidation failed", (error as Error)?.message ?? error);
  }
}

function onMessage(payload: string): void {
  let message: { from?: unknown; tags?: unknown };
  try {
    message = JSON.parse(payload) as typeof message;
  } catch {
    return;
  }
  // This instance already expired its own tags with updateTag.
  if (message.from === state().instanceId) return;
  void forward(knownTags(message.tags));
}

function onListen(): void {
  const s = state();
  s.listens += 1;
  // On a reconnect, messages sent meanwhile are lost: expire everything.
  if (s.listens > 1) {
    console.log("[cache-bus] listening again; expiring all cache tags");
    void forward([...ALL_TAGS]);
  }
}

/** Starts listening (once per process, Postgres only); retries in the background if the first attempt fails. */
export async function startCacheBus(): Promise<void> {
  if (dbKind() !== "postgres") return;
  const s = state();
  if (s.started) return;
  s.started = true;
  const attempt = async (): Promise<void> => {
    try {
      const client = rawClient();
      if (client.kind !== "postgres") return;
      // postgres.js keeps a dedicated connection for LISTEN and re-listens (calling onListen again) after it reconnects.
      await client.sql.listen(CACHE_CHANNEL, onMessage, onListen);
    } catch (error) {
      console.error("[cache-bus] listen failed; retrying in 5 s", (error as Error)?.message ?? error);
      setTimeout(() => void attempt(), 5000).unref();
    }
  };
  await attempt();
}
