"use server";

import { createUser, updateUser } from "@/db/queries/users";
import { revalidatePath } from "next/cache";
import { createAction } from "../safe-action";
import { createUserSchema, updateUserSchema } from "../validation/users";

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
