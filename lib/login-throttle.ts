import { createHash } from "node:crypto";
import { hitRateLimit, refundRateLimit, resetRateLimit, type RateLimitResult } from "@/db/queries/rate-limits";
import { rateLimitedError, RATE_LIMITED_ERROR } from "./login-errors";
import { stampedClientAddress } from "./server/client-address";

/*
 * Login throttling, counted in Postgres so that it holds across instances.
 *
 * Two fixed windows are counted for every password attempt: one per account
 * (the submitted email, normalised, whether or not such a user exists, so the
 * answer never tells which emails are registered) and one per client address.
 * An attempt is counted *before* the password is checked and handed back when
 * it was not a failure: concurrent guesses cannot all slip past a read-only
 * check, and only failures stay counted. While a window is exhausted every
 * attempt gets 429 with Retry-After, the right password included, and no
 * password is checked at all: the 429 already says "throttled", so skipping
 * the bcrypt compare reveals nothing more, and it keeps a flood cheap.
 */

export type LoginLimits = {
  /** Failures per account per window (env LOGIN_MAX_FAILURES_PER_ACCOUNT). */
  perAccount: number;
  /** Failures per client address per window, when the address is known (env LOGIN_MAX_FAILURES_PER_IP). */
  perIp: number;
  /** Failures per window of all clients together, when addresses are unknown (env LOGIN_MAX_FAILURES_UNKNOWN_IP). */
  unknownIp: number;
  /** env LOGIN_FAILURE_WINDOW_SECONDS */
  windowMs: number;
  /** Reverse proxies in front of the app that append to X-Forwarded-For (env TRUST_PROXY; 0 = none trusted). */
  trustProxyHops: number;
};

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccount: 5, perIp: 20, unknownIp: 100, windowMs: 15 * 60_000, trustProxyHops: 0 };

const positiveInt = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value.trim() !== "" && Number.isInteger(n) && n > 0 ? n : fallback;
};

export function loginLimits(env: Record<string, string | undefined> = process.env): LoginLimits {
  const d = DEFAULT_LOGIN_LIMITS;
  const hops = env.TRUST_PROXY === "true" ? 1 : positiveInt(env.TRUST_PROXY, 0);
  return {
    perAccount: positiveInt(env.LOGIN_MAX_FAILURES_PER_ACCOUNT, d.perAccount),
    perIp: positiveInt(env.LOGIN_MAX_FAILURES_PER_IP, d.perIp),
    unknownIp: positiveInt(env.LOGIN_MAX_FAILURES_UNKNOWN_IP, d.unknownIp),
    windowMs: positiveInt(env.LOGIN_FAILURE_WINDOW_SECONDS, d.windowMs / 1000) * 1000,
    trustProxyHops: hops,
  };
}

const digest = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 32);

/** The account bucket: the email as the login compares it (trimmed, lower case), hashed so the table holds no addresses. */
export function accountKey(email: string): string {
  return `login:account:${digest(email.trim().toLowerCase())}`;
}

/**
 * The client bucket. X-Forwarded-For is whatever the client sent unless a
 * proxy we trust wrote it.
 * - TRUST_PROXY=N (N proxies, each appending the address it saw): the N-th
 *   entry from the right is the address the outermost trusted proxy saw. With
 *   one proxy that replaces the header, that is also its first entry.
 * - Otherwise the socket address, which the app's server (scripts/server.ts)
 *   stamps on every request (lib/server/client-address.ts).
 * - With neither (e.g. a bare `next start`), there is no address we can trust,
 *   and keying on a spoofable one would let an attacker get a fresh allowance
 *   per request. All clients then share one bucket with its own, higher limit:
 *   it caps password spraying across accounts, at the price that a flood of
 *   failures slows down every login until the window ends.
 */
export function clientKey(headers: Headers, limits: LoginLimits): { key: string; limit: number } {
  if (limits.trustProxyHops > 0) {
    const entries = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((e) => e.trim())
      .filter(Boolean);
    const address = entries[entries.length - limits.trustProxyHops] ?? entries[0];
    if (address) return { key: `login:ip:${address.toLowerCase()}`, limit: limits.perIp };
  } else {
    const address = stampedClientAddress(headers);
    if (address) return { key: `login:ip:${address.toLowerCase()}`, limit: limits.perIp };
  }
  return { key: "login:ip:unknown", limit: limits.unknownIp };
}

export type Attempt = { blocked: boolean; retryAfterSeconds: number; keys: string[]; now: Date };

/** Counts an attempt in both buckets; a blocked attempt is handed back at once, so only real tries count. */
export async function beginLoginAttempt(email: string, headers: Headers, limits = loginLimits(), now = new Date()): Promise<Attempt> {
  const client = clientKey(headers, limits);
  const buckets: { key: string; limit: number }[] = [client];
  if (email.trim()) buckets.unshift({ key: accountKey(email), limit: limits.perAccount });
  const results: RateLimitResult[] = [];
  for (const b of buckets) results.push(await hitRateLimit(b.key, b.limit, now, limits.windowMs));
  const over = results.filter((r) => !r.allowed);
  const keys = buckets.map((b) => b.key);
  if (over.length === 0) return { blocked: false, retryAfterSeconds: 0, keys, now };
  await Promise.all(keys.map((k) => refundRateLimit(k, now, limits.windowMs)));
  return { blocked: true, retryAfterSeconds: Math.max(...over.map((r) => r.retryAfterSeconds)), keys, now };
}

/**
 * The same account bucket for a password check made by a signed-in user (the
 * current password on the account page): a stolen session must not become a
 * way around the login's limit to guess the password. No client bucket: the
 * session already identifies who is asking.
 */
export async function beginAccountPasswordCheck(email: string, limits = loginLimits(), now = new Date()): Promise<Attempt> {
  const key = accountKey(email);
  const result = await hitRateLimit(key, limits.perAccount, now, limits.windowMs);
  if (result.allowed) return { blocked: false, retryAfterSeconds: 0, keys: [key], now };
  await refundRateLimit(key, now, limits.windowMs);
  return { blocked: true, retryAfterSeconds: result.retryAfterSeconds, keys: [key], now };
}

export type Outcome = "success" | "failure" | "other";

/** Settles a counted attempt: failures stay counted, a success clears its account, anything else is handed back. */
export async function endLoginAttempt(attempt: Attempt, outcome: Outcome, email: string, limits = loginLimits()): Promise<void> {
  if (outcome === "failure") return;
  const account = email.trim() ? accountKey(email) : null;
  await Promise.all(
    attempt.keys.map((k) => (outcome === "success" && k === account ? resetRateLimit(k) : refundRateLimit(k, attempt.now, limits.windowMs))),
  );
}

/** Reads the email from a credentials POST without consuming the body next-auth will read. */
async function submittedEmail(request: Request): Promise<string> {
  try {
    const type = request.headers.get("content-type") ?? "";
    const text = await request.clone().text();
    if (type.includes("application/json")) {
      const body = JSON.parse(text) as { email?: unknown };
      return typeof body.email === "string" ? body.email : "";
    }
    return new URLSearchParams(text).get("email") ?? "";
  } catch {
    return "";
  }
}

/** next-auth answers a wrong password with 401 and a success with a session cookie; anything else (a CSRF miss) is neither. */
function outcomeOf(response: Response): Outcome {
  if (response.status === 401) return "failure";
  const cookies = response.headers.getSetCookie?.() ?? [];
  const signedIn = cookies.some((c) => /^(__Secure-)?next-auth\.session-token(\.\d+)?=[^;]+/.test(c));
  return response.status < 400 && signedIn ? "success" : "other";
}

/**
 * The 429 answer. next-auth's client `signIn` parses `url` and returns its
 * `error` parameter (and the status), never the headers, so the wait in
 * seconds travels in the error code too ("RateLimited:120").
 */
export function rateLimitedResponse(request: Request, retryAfterSeconds: number): Response {
  const error = rateLimitedError(retryAfterSeconds);
  const url = new URL("/api/auth/error", request.url);
  url.searchParams.set("error", error);
  return Response.json(
    { error: RATE_LIMITED_ERROR, retryAfter: retryAfterSeconds, url: url.toString() },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}

/** Wraps the credentials callback of next-auth: throttled before the password check, counted after it. */
export async function throttleCredentialsLogin(request: Request, handle: (request: Request) => Promise<Response>, limits = loginLimits()): Promise<Response> {
  const email = await submittedEmail(request);
  const attempt = await beginLoginAttempt(email, request.headers, limits);
  if (attempt.blocked) return rateLimitedResponse(request, attempt.retryAfterSeconds);
  let outcome: Outcome = "other";
  try {
    const response = await handle(request);
    outcome = outcomeOf(response);
    return response;
  } finally {
    await endLoginAttempt(attempt, outcome, email, limits);
  }
}
