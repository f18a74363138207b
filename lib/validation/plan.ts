import { z } from "zod";
import { DEFAULT_UPDATE_INTERVAL_DAYS, DESCRIPTION_MAX, TITLE_MAX, UPDATE_INTERVAL_MAX_DAYS, WEIGHT_MAX, WEIGHT_MIN } from "@/lib/vocabulary";
import { checkbox, idSchema, intInRange, optionalHttpUrl, optionalIsoDate, optionalText, requiredText } from "./fields";

const planItemFields = {
  code: z.string({ error: "required" }).trim().regex(/^[AV]\d{1,3}$/, { error: "invalid" }),
  version: idSchema,
  title: requiredText(TITLE_MAX),
  description: optionalText(DESCRIPTION_MAX),
  targetDate: optionalIsoDate,
  verified: checkbox,
  sourceUrl: optionalHttpUrl,
};

export const editVisionSchema = z.object(planItemFields);
export type EditVisionInput = z.infer<typeof editVisionSchema>;

export const visionWeightSchema = z.object({
  visionCode: z.string().trim().regex(/^V\d{1,3}$/, { error: "invalid" }),
  weight: intInRange(WEIGHT_MIN, WEIGHT_MAX),
});

export const editActionSchema = z
  .object({
    ...planItemFields,
    visionWeights: z.array(visionWeightSchema).min(1, { error: "atLeastOneVision" }),
    updateIntervalDays: z.preprocess((v) => (v === undefined || v === "" ? DEFAULT_UPDATE_INTERVAL_DAYS : v), intInRange(1, UPDATE_INTERVAL_MAX_DAYS)),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    for (const w of v.visionWeights) {
      if (seen.has(w.visionCode)) ctx.addIssue({ code: "custom", path: ["visionWeights"], message: "duplicateVision" });
      seen.add(w.visionCode);
    }
  });
export type EditActionInput = z.infer<typeof editActionSchema>;

/** Reads the edit-action form: one checkbox `vision.Vn` and one number `weight.Vn` per vision. */
export function actionFormToInput(form: FormData): Record<string, unknown> {
  const visionWeights: { visionCode: string; weight: FormDataEntryValue | null }[] = [];
  for (const [key] of form.entries()) {
    const m = /^vision\.(V\d{1,3})$/.exec(key);
    if (m?.[1]) visionWeights.push({ visionCode: m[1], weight: form.get(`weight.${m[1]}`) });
  }
  return { ...Object.fromEntries(form.entries()), visionWeights };
}
