import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { ActionResult } from "./action-result";
import { getCurrentUser } from "./current-user";
import { ConflictError, InvalidInputError, NotFoundError, StateError } from "./errors";
import { AuthError, can, type Actor, type Permission } from "./permissions";
import { toFieldErrors } from "./validation/fields";

type ActionConfig<S extends z.ZodType> = {
  schema: S;
  permission: Permission;
  /** Turns the submitted form into the object the schema reads; defaults to its entries. */
  fromForm?: (form: FormData) => unknown;
  /**
   * Only for the action that sets a new password. Every other action refuses
   * a user whose admin forced a password reset, until they have chosen one.
   */
  allowWhilePasswordChangeRequired?: boolean;
};

type ErrorCode = Extract<ActionResult, { ok: false }>["error"];

export function fail(error: Exclude<ErrorCode, "invalid">): ActionResult<never> {
  return { ok: false, error, message: error };
}

/** Maps what data functions throw to a result a form can show; unknown failures never become a 500. */
export function errorToResult(error: unknown): ActionResult<never> {
  unstable_rethrow(error);
  if (error instanceof AuthError) return fail(error.kind);
  if (error instanceof ConflictError) return fail("conflict");
  if (error instanceof StateError) return fail("state");
  if (error instanceof NotFoundError) {
    return { ok: false, error: "notFound", message: "notFound", fieldErrors: error.field ? { [error.field]: ["notFound"] } : undefined };
  }
  if (error instanceof InvalidInputError) return { ok: false, error: "invalid", message: "invalid", fieldErrors: error.fieldErrors };
  console.error("[action] unexpected failure", error);
  return fail("unavailable");
}

/**
 * Every server action is built here, so none can skip the first three of
 * its five steps: get the user (and stop one who must first change their
 * password), validate the input, check the permission.
 * The handler then writes (in a transaction) and revalidates.
 */
export function createAction<S extends z.ZodType, T = undefined>(
  config: ActionConfig<S>,
  handler: (input: z.output<S>, actor: Actor) => Promise<ActionResult<T>>,
) {
  return async (_previous: unknown, payload: FormData | unknown): Promise<ActionResult<T>> => {
    try {
      const actor = await getCurrentUser();
      if (!actor) return fail("unauthenticated");
      if (actor.mustChangePassword && !config.allowWhilePasswordChangeRequired) return fail("passwordChangeRequired");
      const raw = payload instanceof FormData ? (config.fromForm ?? ((f: FormData) => Object.fromEntries(f.entries())))(payload) : payload;
      const parsed = config.schema.safeParse(raw);
      if (!parsed.success) return { ok: false, error: "invalid", message: "invalid", fieldErrors: toFieldErrors(parsed.error) };
      if (!can(actor, config.permission)) return fail("forbidden");
      return await handler(parsed.data, actor);
    } catch (error) {
      return errorToResult(error);
    }
  };
}
