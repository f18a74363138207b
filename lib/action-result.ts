import type { FieldErrors } from "./validation/fields";

export type ActionErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "invalid"
  | "conflict"
  | "notFound"
  | "state"
  | "unavailable"
  | "passwordChangeRequired";

/**
 * What every server action returns. `message` and the field messages are
 * catalog keys (namespace "validation" for fields, "errors" for `message`).
 */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: ActionErrorCode; message: string; fieldErrors?: FieldErrors };

export const idleResult = null;
export type FormState<T = undefined> = ActionResult<T> | null;
