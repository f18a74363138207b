import { forbidden, redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { getCurrentUser } from "@/lib/current-user";
import { can, type Actor, type Permission } from "@/lib/permissions";

export const ACCOUNT_PATH = "/admin/account";

/**
 * For admin pages: signed-out visitors go to the login page, signed-in users
 * without the permission get a 403, and a user whose admin forced a password
 * reset is sent to the account page before anything else. Only the account
 * page itself, and the layout around every page (it shows no data, and cannot
 * tell which page it wraps), pass `allowWhilePasswordChangeRequired`.
 */
export async function requirePermission(
  permission: Permission,
  returnTo: string,
  { allowWhilePasswordChangeRequired = false }: { allowWhilePasswordChangeRequired?: boolean } = {},
): Promise<Actor> {
  const actor = await getCurrentUser();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (actor.mustChangePassword && !allowWhilePasswordChangeRequired) {
    const locale = await getLocale();
    redirect(locale === routing.defaultLocale ? ACCOUNT_PATH : `/${locale}${ACCOUNT_PATH}`);
  }
  if (!can(actor, permission)) forbidden();
  return actor;
}
