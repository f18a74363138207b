import { z } from "zod";
import { ROUND_NAME_MAX } from "@/lib/vocabulary";
import { isoDate, requiredText } from "./fields";

export const ROUND_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RESERVED_SLUGS = new Set(["compare"]);

export const closeRoundSchema = z.object({
  name: requiredText(ROUND_NAME_MAX),
  slug: z
    .string({ error: "required" })
    .trim()
    .toLowerCase()
    .min(1, { error: "required" })
    .max(60, { error: "tooLong" })
    .regex(ROUND_SLUG, { error: "invalidSlug" })
    // "/rounds/compare" is the comparison page; a round by that name could never be opened.
    .refine((slug) => !RESERVED_SLUGS.has(slug), { error: "slugTaken" }),
  // A cut-off in the future would let a "closed" round keep changing.
  cutoffDate: isoDate.refine((d) => d <= new Date().toISOString().slice(0, 10), { error: "dateInFuture" }),
});
export type CloseRoundInput = z.infer<typeof closeRoundSchema>;
