import { getServerSession } from "next-auth";
import { cache } from "react";
import { getActiveActor } from "@/db/queries/users";
import { authOptions } from "./auth";
import type { Actor } from "./permissions";

/**
 * The signed-in user, re-read from the database: a disabled account, a
 * changed role, or a password change or forced reset since the token was
 * issued (its session version is older) takes effect on the next request,
 * whatever the JWT says.
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  // A token from before session versions existed carries none: 0 never matches, so it is signed out once.
  return getActiveActor(id, { sessionVersion: session?.sessionVersion ?? 0 });
});
