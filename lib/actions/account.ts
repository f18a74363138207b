"use server";

import { changeOwnPassword } from "@/db/queries/users";
import { InvalidInputError } from "../errors";
import { beginAccountPasswordCheck, endLoginAttempt, type Outcome } from "../login-throttle";
import { createAction } from "../safe-action";
import { changeOwnPasswordSchema } from "../validation/users";

/**
 * The one action open to a user whose admin forced a password reset. The
 * change ends every session of the user, this one too: the form then signs
 * out and sends them to the login page to sign in with the new password.
 * Wrong current passwords count against the account's login limit.
 */
export const changeOwnPasswordAction = createAction(
  { schema: changeOwnPasswordSchema, permission: "account:manage-own", allowWhilePasswordChangeRequired: true },
  async (input, actor) => {
    const attempt = await beginAccountPasswordCheck(actor.email);
    if (attempt.blocked) return { ok: false, error: "invalid", message: "invalid", fieldErrors: { currentPassword: ["tooManyAttempts"] } };
    let outcome: Outcome = "other";
    try {
      await changeOwnPassword(actor, input);
      outcome = "success";
    } catch (error) {
      if (error instanceof InvalidInputError && error.fieldErrors.currentPassword) outcome = "failure";
      throw error;
    } finally {
      await endLoginAttempt(attempt, outcome, actor.email);
    }
    // Nothing cached shows passwords, so nothing is revalidated; re-rendering this page now would
    // also race the form's sign-out, since the session it was rendered for has just ended.
    return { ok: true, data: undefined, message: "passwordChanged" };
  },
);
