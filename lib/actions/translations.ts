"use server";

import { confirmTranslation, saveTranslation } from "@/db/queries/translations";
import { revalidatePath } from "next/cache";
import { expireTranslations } from "../revalidate";
import { createAction } from "../safe-action";
import { confirmTranslationSchema, saveTranslationSchema } from "../validation/translations";

// "plan:edit" admits admins; the data functions also check the entity's own permission (narratives need "update:correct").
export const saveTranslationAction = createAction({ schema: saveTranslationSchema, permission: "plan:edit" }, async (input, actor) => {
  const { state } = await saveTranslation(actor, input);
  expireTranslations();
  revalidatePath("/[locale]/(admin)/admin", "layout");
  return { ok: true, data: { state }, message: "translationSaved" };
});

export const confirmTranslationAction = createAction({ schema: confirmTranslationSchema, permission: "plan:edit" }, async (input, actor) => {
  const { state } = await confirmTranslation(actor, input);
  expireTranslations();
  revalidatePath("/[locale]/(admin)/admin", "layout");
  return { ok: true, data: { state }, message: "translationConfirmed" };
});
