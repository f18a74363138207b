import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent } from "next/server";

/*
 * Two narrow jobs, on narrow paths, so the cached public pages of today
 * never pass through here:
 * 1. An early redirect to /login for signed-out visitors of the admin area,
 *    nothing more: every admin page, action and data function checks the
 *    user and role again on the server.
 * 2. `?asOf=` and `?round=` on a public page become a rewrite onto a view
 *    segment ("/en~2025-03-01/actions/A1"), so every past view is its own
 *    cacheable page. The page validates the value. Embeds (outside
 *    [locale]) read the query themselves.
 */
const auth = withAuth({ pages: { signIn: "/login" } });
const LOCALES = ["en"];

export default function proxy(request: NextRequestWithAuth, event: NextFetchEvent) {
  const { pathname, searchParams } = request.nextUrl;
  const asOf = searchParams.get("asOf");
  const round = searchParams.get("round");
  const [first = "", ...rest] = pathname.split("/").filter(Boolean);
  const hasLocale = LOCALES.includes(first);
  const locale = hasLocale ? first : "en";
  const path = hasLocale ? rest : [first, ...rest].filter(Boolean);
  if (path[0] === "admin") return auth(request, event);
  if (asOf === null && round === null) return NextResponse.next();
  const view = asOf !== null ? `${locale}~${asOf}` : `${locale}~r~${round}`;
  const url = request.nextUrl.clone();
  url.pathname = `/${encodeURIComponent(view)}${path.length ? `/${path.join("/")}` : ""}`;
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: [
    "/admin",
    "/admin/:path*",
    "/en/admin",
    "/en/admin/:path*",
    { source: "/((?!api|_next|embed|admin|login|en/admin|en/login).*)", has: [{ type: "query", key: "asOf" }] },
    { source: "/((?!api|_next|embed|admin|login|en/admin|en/login).*)", has: [{ type: "query", key: "round" }] },
  ],
};
