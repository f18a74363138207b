/*
 * The login's own error code, shared by the server (which sends it) and the
 * login form (which reads it). next-auth's client `signIn` hands back only the
 * `error` parameter of the answer's URL and its status, so a 429 carries the
 * wait in seconds inside the code: "RateLimited:120".
 */
export const RATE_LIMITED_ERROR = "RateLimited";

export function rateLimitedError(retryAfterSeconds: number): string {
  return `${RATE_LIMITED_ERROR}:${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

/** Seconds to wait from a rate-limited login's error code; null for any other error. */
export function parseRateLimitedError(error: string | null | undefined): number | null {
  const match = /^RateLimited:(\d+)$/.exec(error ?? "");
  return match ? Number(match[1]) : null;
}
