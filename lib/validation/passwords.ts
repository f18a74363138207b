import { z } from "zod";
import { PASSWORD_MIN } from "@/lib/vocabulary";
import { isCommonPassword } from "./common-passwords";

export const PASSWORD_MAX = 200;

/**
 * The policy for every password that is set (user creation, the CLI, a change,
 * an admin's temporary password): at least 12 characters and not one of the
 * common passwords, compared case-insensitively. One message per problem, the
 * most useful first, so "password" says "too short" rather than both.
 */
export const newPasswordSchema = z.string({ error: "required" }).superRefine((value, ctx) => {
  if (value.length === 0) ctx.addIssue({ code: "custom", message: "required" });
  else if (value.length < PASSWORD_MIN) ctx.addIssue({ code: "custom", message: "passwordTooShort" });
  else if (value.length > PASSWORD_MAX) ctx.addIssue({ code: "custom", message: "tooLong" });
  else if (isCommonPassword(value)) ctx.addIssue({ code: "custom", message: "passwordTooCommon" });
});

/** A password being checked, not set: any non-empty string up to the maximum. */
export const existingPasswordSchema = z
  .string({ error: "required" })
  .min(1, { error: "required" })
  .max(PASSWORD_MAX, { error: "tooLong" });
