import { z } from "zod";
import { CONTENT_LOCALES, DESCRIPTION_MAX, FIELDS_BY_ENTITY, NARRATIVE_MAX, TRANSLATABLE_ENTITIES, TRANSLATABLE_FIELDS } from "@/lib/vocabulary";
import { isStorableText, requiredText } from "./fields";

// The longest English field (a narrative or description) bounds every translation.
export const TRANSLATION_MAX = Math.max(NARRATIVE_MAX, DESCRIPTION_MAX);

const target = {
  entityType: z.enum(TRANSLATABLE_ENTITIES, { error: "invalid" }),
  entityKey: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(120, { error: "tooLong" }).refine(isStorableText, { error: "invalid" }),
  field: z.enum(TRANSLATABLE_FIELDS, { error: "invalid" }),
  locale: z.enum(CONTENT_LOCALES, { error: "invalid" }),
};

type Target = { entityType: keyof typeof FIELDS_BY_ENTITY; field: (typeof TRANSLATABLE_FIELDS)[number] };
const fieldBelongs = (t: Target) => FIELDS_BY_ENTITY[t.entityType].includes(t.field);

export const saveTranslationSchema = z
  .object({ ...target, text: requiredText(TRANSLATION_MAX) })
  .refine(fieldBelongs, { error: "invalid", path: ["field"] });
export type SaveTranslationInput = z.infer<typeof saveTranslationSchema>;

/** Re-confirming says the stored translation still matches the English as it reads now. */
export const confirmTranslationSchema = z.object(target).refine(fieldBelongs, { error: "invalid", path: ["field"] });
export type ConfirmTranslationInput = z.infer<typeof confirmTranslationSchema>;
