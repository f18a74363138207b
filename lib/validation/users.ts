import { z } from "zod";
import { ROLES } from "@/lib/vocabulary";
import { checkbox, idSchema, requiredText } from "./fields";
import { existingPasswordSchema, newPasswordSchema } from "./passwords";

export { newPasswordSchema } from "./passwords";

export const emailSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(254, { error: "tooLong" })
  .pipe(z.email({ error: "invalidEmail" }))
  .transform((e) => e.toLowerCase());

export const roleSchema = z.enum(ROLES, { error: "invalidRole" });

export const createUserSchema = z.object({
  email: emailSchema,
  name: requiredText(120),
  role: roleSchema,
  password: newPasswordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  userId: idSchema,
  version: idSchema,
  role: roleSchema,
  disabled: checkbox,
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const credentialsSchema = z.object({
  email: emailSchema,
  password: existingPasswordSchema,
});

/** The account page's form: the confirmation must repeat the new password exactly. */
export const changeOwnPasswordSchema = z
  .object({
    currentPassword: existingPasswordSchema,
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: "required" }).min(1, { error: "required" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], error: "passwordMismatch" });
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordSchema>;

/** An empty temporary password means "keep the current one, but make them change it". */
export const forcePasswordResetSchema = z.object({
  userId: idSchema,
  temporaryPassword: z.preprocess((v) => (v === "" || v === null ? undefined : v), newPasswordSchema.optional()),
});
export type ForcePasswordResetInput = z.infer<typeof forcePasswordResetSchema>;
