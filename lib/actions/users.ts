"use server";

import { createUser, forcePasswordReset, updateUser } from "@/db/queries/users";
import { revalidatePath } from "next/cache";
import { createAction } from "../safe-action";
import { createUserSchema, forcePasswordResetSchema, updateUserSchema } from "../validation/users";

export const createUserAction = createAction(
  { schema: createUserSchema, permission: "users:manage" },
  async (input, actor) => {
    const { id } = await createUser(actor, input);
    revalidatePath("/[locale]/(admin)/admin", "layout");
    return { ok: true, data: { id }, message: "userCreated" };
  },
);

export const updateUserAction = createAction(
  { schema: updateUserSchema, permission: "users:manage" },
  async (input, actor) => {
    const { version } = await updateUser(actor, input);
    revalidatePath("/[locale]/(admin)/admin", "layout");
    return { ok: true, data: { version }, message: "userUpdated" };
  },
);

/** Signs the user out everywhere and makes them choose a new password, optionally replacing the old one with a temporary one. */
export const forcePasswordResetAction = createAction(
  { schema: forcePasswordResetSchema, permission: "users:manage" },
  async (input, actor) => {
    await forcePasswordReset(actor, input);
    revalidatePath("/[locale]/(admin)/admin", "layout");
    return { ok: true, data: undefined, message: "passwordResetForced" };
  },
);
