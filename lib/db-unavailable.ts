/**
 * The digest put on errors caused by an unreachable database (see
 * lib/server/db-status.ts). Next keeps an error's own digest when it sends
 * a server error to the browser, so the error boundaries, which only see
 * the digest in production, can say "temporarily unavailable" instead of a
 * generic failure. Client-safe: no server imports.
 */
export const DB_UNAVAILABLE_DIGEST = "PLAN_TRACKER_DB_UNAVAILABLE";
