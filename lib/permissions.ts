import type { Role } from "./vocabulary";

/** The signed-in user as the server knows them, re-read from the database on every request. */
export type Actor = {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** An admin forced a password reset: until the user picks a new one, only the account page and its action work. */
  mustChangePassword?: boolean;
};

export type Permission =
  | "update:submit"
  | "update:list-own"
  | "update:review"
  | "plan:edit"
  | "users:manage"
  | "audit:read"
  | "update:correct"
  | "rounds:manage"
  | "tokens:manage"
  | "admin:enter"
  | "account:manage-own";

const grants: Record<Role, readonly Permission[]> = {
  analyst: ["admin:enter", "update:submit", "update:list-own", "account:manage-own"],
  admin: [
    "admin:enter",
    "update:submit",
    "update:list-own",
    "update:review",
    "update:correct",
    "plan:edit",
    "users:manage",
    "audit:read",
    "rounds:manage",
    "tokens:manage",
    "account:manage-own",
  ],
};

// While a forced reset is pending, the user may only reach their account page and set a new password.
const duringForcedReset: readonly Permission[] = ["admin:enter", "account:manage-own"];

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  if (actor.mustChangePassword && !duringForcedReset.includes(permission)) return false;
  return grants[actor.role].includes(permission);
}

export class AuthError extends Error {
  constructor(readonly kind: "unauthenticated" | "forbidden") {
    super(kind);
    this.name = "AuthError";
  }
}

/** Throws unless the actor holds the permission; data functions call this before touching rows. */
export function assertCan(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AuthError("unauthenticated");
  if (!can(actor, permission)) throw new AuthError("forbidden");
}
