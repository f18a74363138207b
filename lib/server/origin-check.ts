/*
 * Cross-site request refusal for the custom server (issue #6): a request
 * that can change state (POST, PUT, PATCH, DELETE) coming from another site
 * is refused before Next sees it, whether it targets a server action, a
 * route handler or next-auth's endpoints. Browsers send `Sec-Fetch-Site`
 * and `Origin` on such requests; tools without either (curl, tests) are let
 * through, since without cookies from a browser they carry no ambient
 * authority.
 *
 * Exception: the machine API under /api/v1/ with `Authorization: Bearer …`.
 * Its CORS is open on purpose (lib/api.ts, CORS_HEADERS) and it never reads
 * cookies, so a cross-site caller can only act with a token it already holds.
 */

export type OriginCheckInput = {
  method: string;
  /** The request's path, without the query. */
  pathname: string;
  /** Lower-case header names, as Node gives them. */
  headers: Record<string, string | string[] | undefined>;
  /** Honour X-Forwarded-Host / X-Forwarded-Proto (only behind a proxy that sets them: TRUST_PROXY=1). */
  trustProxy: boolean;
};

export type OriginCheckResult = { allowed: true } | { allowed: false; reason: string };

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function header(headers: OriginCheckInput["headers"], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The first value of a comma-separated forwarded header ("a, b" → "a"). */
function firstValue(value: string | undefined): string | undefined {
  const first = value?.split(",")[0]?.trim();
  return first || undefined;
}

/** host[:port] in lower case, without the protocol's default port; undefined when unparsable. */
function normaliseHost(host: string, protocol: string): string | undefined {
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return undefined;
  }
}

export function checkOrigin({ method, pathname, headers, trustProxy }: OriginCheckInput): OriginCheckResult {
  if (!UNSAFE_METHODS.has(method.toUpperCase())) return { allowed: true };

  const authorization = header(headers, "authorization");
  if (pathname.startsWith("/api/v1/") && authorization !== undefined && /^bearer\s+\S/i.test(authorization)) return { allowed: true };

  const fetchSite = header(headers, "sec-fetch-site")?.toLowerCase();
  if (fetchSite === "cross-site") return { allowed: false, reason: "Sec-Fetch-Site: cross-site" };

  const origin = header(headers, "origin");
  if (origin === undefined) return { allowed: true };
  // An opaque origin (sandboxed frame, data: URL, some cross-origin redirects) cannot be trusted.
  if (origin.trim() === "" || origin === "null") return { allowed: false, reason: "opaque Origin" };

  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return { allowed: false, reason: "malformed Origin" };
  }
  const forwardedHost = trustProxy ? firstValue(header(headers, "x-forwarded-host")) : undefined;
  const requestHost = forwardedHost ?? header(headers, "host");
  if (!requestHost) return { allowed: false, reason: "no Host" };
  const forwardedProto = trustProxy ? firstValue(header(headers, "x-forwarded-proto")) : undefined;
  if (forwardedProto && `${forwardedProto.toLowerCase()}:` !== originUrl.protocol) return { allowed: false, reason: "Origin protocol differs" };

  const expected = normaliseHost(requestHost, originUrl.protocol);
  if (expected === undefined || expected !== originUrl.host) return { allowed: false, reason: "Origin host differs from Host" };
  return { allowed: true };
}

export const CROSS_SITE_REFUSAL = JSON.stringify({ error: "cross-site request refused" });
