import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent } from "next/server";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/negotiate-locale";
import { ACTION_FILTER_KEYS, COMPARE_KEYS, querySegment } from "@/lib/query-segment";

/*
 * Three narrow jobs, on narrow paths, so the cached public pages of today
 * never pass through here:
 * 1. An early redirect to /login for signed-out visitors of the admin area,
 *    nothing more: every admin page, action and data function checks the
 *    user and role again on the server.
 * 2. A query string a public page varies by becomes a path segment, so
 *    every distinct view is its own cacheable page; the page validates the
 *    values and visible URLs keep their query strings:
 *    - `?asOf=` and `?round=` become a view segment ("/en~2025-03-01/actions/A1",
 *      "/embed/en~2025-03-01/status");
 *    - `/actions?status=&vision=` becomes "/en/actions/filter/status=on_track";
 *    - `/rounds/compare?from=&to=` becomes "/en/rounds/compare/from=a&to=b".
 * 3. A first visit to "/" from a browser that prefers Chinese goes to /zh.
 *    The matcher only sends "/" here when Accept-Language mentions zh and
 *    no language was chosen yet (the switcher sets NEXT_LOCALE).
 */
const auth = withAuth({ pages: { signIn: "/login" } });
const LOCALES = ["en", "zh"] as const;


export default function proxy(request: NextRequestWithAuth, event: NextFetchEvent) {
  const { pathname, searchParams } = request.nextUrl;
  const [first = "", ...rest] = pathname.split("/").filter(Boolean);
  const prefixed = (LOCALES as readonly string[]).includes(first);
  const locale = prefixed ? first : "en";
  const path = prefixed ? rest : [first, ...rest].filter(Boolean);
  if (path[0] === "admin") return auth(request, event);

  if (pathname === "/" && !request.cookies.has(LOCALE_COOKIE)) {
    const preferred = negotiateLocale(request.headers.get("accept-language"), LOCALES, "en");
    if (preferred !== "en") {
      const url = request.nextUrl.clone();
      url.pathname = `/${preferred}`;
      const response = NextResponse.redirect(url);
      response.headers.set("Vary", "Accept-Language, Cookie");
      response.headers.set("Cache-Control", "private, no-store");
      return response;
    }
  }

  const asOf = searchParams.get("asOf");
  const round = searchParams.get("round");
  const view = asOf !== null ? `${locale}~${asOf}` : round !== null ? `${locale}~r~${round}` : locale;
  let target: string[];
  if (path[0] === "embed") {
    // Embeds sit outside [locale]; their view segment comes right after /embed.
    if (prefixed || path.length < 2) return NextResponse.next();
    target = ["embed", encodeURIComponent(view), ...path.slice(1)];
  } else {
    const filter = path.length === 1 && path[0] === "actions" ? querySegment(searchParams, ACTION_FILTER_KEYS) : "";
    const pair = path.length === 2 && path[0] === "rounds" && path[1] === "compare" ? querySegment(searchParams, COMPARE_KEYS) : "";
    if (view === locale && !filter && !pair) return NextResponse.next();
    target = [encodeURIComponent(view), ...path];
    if (filter) target.push("filter", filter);
    if (pair) target.push(pair);
  }
  const url = request.nextUrl.clone();
  url.pathname = `/${target.join("/")}`;
  return NextResponse.rewrite(url);
}

// Next.js reads `config` statically: each matcher `source` must be a string literal, not a constant.
export const config = {
  matcher: [
    "/admin",
    "/admin/:path*",
    "/en/admin",
    "/en/admin/:path*",
    "/zh/admin",
    "/zh/admin/:path*",
    { source: "/((?!api|_next|embed|admin|login|en/admin|en/login|zh/admin|zh/login).*)", has: [{ type: "query", key: "asOf" }] },
    { source: "/((?!api|_next|embed|admin|login|en/admin|en/login|zh/admin|zh/login).*)", has: [{ type: "query", key: "round" }] },
    { source: "/embed/:path+", has: [{ type: "query", key: "asOf" }] },
    { source: "/embed/:path+", has: [{ type: "query", key: "round" }] },
    { source: "/actions", has: [{ type: "query", key: "status" }] },
    { source: "/actions", has: [{ type: "query", key: "vision" }] },
    { source: "/en/actions", has: [{ type: "query", key: "status" }] },
    { source: "/en/actions", has: [{ type: "query", key: "vision" }] },
    { source: "/zh/actions", has: [{ type: "query", key: "status" }] },
    { source: "/zh/actions", has: [{ type: "query", key: "vision" }] },
    { source: "/rounds/compare", has: [{ type: "query", key: "from" }] },
    { source: "/rounds/compare", has: [{ type: "query", key: "to" }] },
    { source: "/en/rounds/compare", has: [{ type: "query", key: "from" }] },
    { source: "/en/rounds/compare", has: [{ type: "query", key: "to" }] },
    { source: "/zh/rounds/compare", has: [{ type: "query", key: "from" }] },
    { source: "/zh/rounds/compare", has: [{ type: "query", key: "to" }] },
    {
      source: "/",
      has: [{ type: "header", key: "accept-language", value: ".*[Zz][Hh].*" }],
      missing: [{ type: "cookie", key: "NEXT_LOCALE" }],
    },
  ],
};
