/**
 * The origin readers reach the site at, from configuration (NEXTAUTH_URL,
 * the public base URL), for absolute URLs in cached pages; a cached page
 * cannot read the request's Host. Null when unset or not an http(s) URL.
 */
export function configuredOrigin(env: Record<string, string | undefined> = process.env): string | null {
  const raw = env.NEXTAUTH_URL?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}
