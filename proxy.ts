import { withAuth } from "next-auth/middleware";

/*
 * An early redirect to /login for signed-out visitors of the admin area,
 * nothing more: every admin page, action and data function checks the
 * user and role again on the server. Public pages are not matched, so the
 * cached dashboards skip this work entirely.
 */
export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: ["/admin", "/admin/:path*", "/en/admin", "/en/admin/:path*"],
};
