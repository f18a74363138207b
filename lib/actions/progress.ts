"use server";

import { approveUpdate, correctUpdate, rejectUpdate, submitUpdate } from "@/db/queries/updates";
import { revalidatePath } from "next/cache";
import { expireProgress } from "../revalidate";
import { createAction } from "../safe-action";
import { correctionFormToInput, correctionSchema } from "../validation/corrections";
import { approveUpdateSchema, progressUpdateSchema, rejectUpdateSchema } from "../validation/progress";

export const submitUpdateAction = createAction(
  {
    schema: progressUpdateSchema,
    permission: "update:submit",
    fromForm: (f) => ({ ...Object.fromEntries(f.entries()), evidenceLinks: f.get("evidenceLinks") ?? "" }),
  },
  async (input, actor) => {
    const { id } = await submitUpdate(actor, input);
    // Submitted updates are not public, so only the analyst's own list changes.
    revalidatePath("/[locale]/(admin)/admin", "layout");
    return { ok: true, data: { id }, message: "submitted" };
  },
);

export const approveUpdateAction = createAction(
  { schema: approveUpdateSchema, permission: "update:review" },
  async (input, actor) => {
    const { actionCode } = await approveUpdate(actor, input.updateId);
    expireProgress();
    revalidatePath("/[locale]/(admin)/admin", "layout");
    return { ok: true, data: { actionCode }, message: "published" };
  },
);

export const rejectUpdateAction = createAction(
  { schema: rejectUpdateSchema, permission: "update:review" },
  async (input, actor) => {
    const { actionCode } = await rejectUpdate(actor, input.updateId, input.reason);
    revalidatePath("/[locale]/(admin)/admin", "layout");
    return { ok: true, data: { actionCode }, message: "rejected" };
  },
);

/** Corrects or retracts a published update; the original stays public, marked, with the reason. */
export const correctUpdateAction = createAction(
  { schema: correctionSchema, permission: "update:correct", fromForm: correctionFormToInput },
  async (input, actor) => {
    const result = await correctUpdate(actor, {
      updateId: input.updateId,
      reason: input.reason,
      replacement: input.mode === "correct" ? input.replacement : null,
    });
    expireProgress();
    revalidatePath("/[locale]/(admin)/admin", "layout");
    return { ok: true, data: result, message: input.mode === "correct" ? "corrected" : "retracted" };
  },
);
