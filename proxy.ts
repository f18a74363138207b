import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent } from "next/server";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/negotiate-locale";

/*
 * Three narrow jobs, on narrow paths, so the cached public pages of today
 * never pass through here:
 * 1. An early redirect to /login for signed-out visitors of the admin area,
 *    nothing more: every admin page, action and data function checks the
 *    user and role again on the server.
 * 2. `?asOf=` and `?round=` on a public page become a rewrite onto a view
 *    segment ("/en~2025-03-01/actions/A1"), so every past view is its own
 *    cacheable page. The page validates the value. Embeds (outside
 *    [locale]) read the query themselves.
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
  if (asOf === null && round === null) return NextResponse.next();
  const view = asOf !== null ? `${locale}~${asOf}` : `${locale}~r~${round}`;
  const url = request.nextUrl.clone();
  url.pathname = `/${encodeURIComponent(view)}${path.length ? `/${path.join("/")}` : ""}`;
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
    {
      source: "/",
      has: [{ type: "header", key: "accept-language", value: ".*[Zz][Hh].*" }],
      missing: [{ type: "cookie", key: "NEXT_LOCALE" }],
    },
  ],
};
