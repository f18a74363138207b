import { z } from "zod";
import { REVIEW_NOTE_MAX } from "@/lib/vocabulary";
import { idSchema, requiredText } from "./fields";
import { progressUpdateSchema } from "./progress";

export const CORRECTION_MODES = ["correct", "retract"] as const;

/**
 * A correction carries a full replacement assessment; a retraction only
 * its reason. The reason is public.
 */
export const correctionSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("retract"), updateId: idSchema, reason: requiredText(REVIEW_NOTE_MAX) }),
  z.object({ mode: z.literal("correct"), updateId: idSchema, reason: requiredText(REVIEW_NOTE_MAX), replacement: progressUpdateSchema }),
], { error: "invalidMode" });
export type CorrectionFormInput = z.infer<typeof correctionSchema>;

/** The correction form posts the replacement's fields flat, next to mode, updateId and reason. */
export function correctionFormToInput(form: FormData): Record<string, unknown> {
  const flat = Object.fromEntries(form.entries());
  const { mode, updateId, reason, ...replacement } = flat;
  return mode === "correct" ? { mode, updateId, reason, replacement } : { mode, updateId, reason };
}
