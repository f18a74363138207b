import { z } from "zod";
import { PASSWORD_MIN, ROLES } from "@/lib/vocabulary";
import { checkbox, idSchema, requiredText } from "./fields";

export const emailSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(254, { error: "tooLong" })
  .pipe(z.email({ error: "invalidEmail" }))
  .transform((e) => e.toLowerCase());

export const passwordSchema = z
  .string({ error: "required" })
  .min(PASSWORD_MIN, { error: "passwordTooShort" })
  .max(200, { error: "tooLong" });

export const roleSchema = z.enum(ROLES, { error: "invalidRole" });

export const createUserSchema = z.object({
  email: emailSchema,
  name: requiredText(120),
  role: roleSchema,
  password: passwordSchema,
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
  password: z.string({ error: "required" }).min(1, { error: "required" }).max(200, { error: "tooLong" }),
});
