"use server";

import { editAction, editVision } from "@/db/queries/plan-admin";
import { revalidatePath } from "next/cache";
import { expireStructure } from "../revalidate";
import { createAction } from "../safe-action";
import { actionFormToInput, editActionSchema, editVisionSchema } from "../validation/plan";

export const editVisionAction = createAction(
  { schema: editVisionSchema, permission: "plan:edit" },
  async (input, actor) => {
    const { version } = await editVision(actor, input);
    expireStructure();
    revalidatePath("/[locale]/(admin)/admin", "layout");
    return { ok: true, data: { version }, message: "saved" };
  },
);

export const editActionAction = createAction(
  { schema: editActionSchema, permission: "plan:edit", fromForm: actionFormToInput },
  async (input, actor) => {
    const { version } = await editAction(actor, input);
    expireStructure();
    revalidatePath("/[locale]/(admin)/admin", "layout");
    return { ok: true, data: { version }, message: "saved" };
  },
);
