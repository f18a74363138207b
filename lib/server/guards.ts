import { forbidden, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/current-user";
import { can, type Actor, type Permission } from "@/lib/permissions";

/** For admin pages: signed-out visitors go to the login page, signed-in users without the permission get a 403. */
export async function requirePermission(permission: Permission, returnTo: string): Promise<Actor> {
  const actor = await getCurrentUser();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(actor, permission)) forbidden();
  return actor;
}
