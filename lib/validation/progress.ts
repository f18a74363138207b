import { z } from "zod";
import { EVIDENCE_LINKS_MAX, NARRATIVE_MAX, PROGRESS_STATUSES, REVIEW_NOTE_MAX } from "@/lib/vocabulary";
import { httpUrl, idSchema, intInRange, isoDate, requiredText } from "./fields";

const ACTION_CODE = /^A\d{1,3}$/;

// Allows for the reader being up to 14 hours ahead of UTC.
function latestAllowedDate(): string {
  return new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10);
}

const evidenceLinks = z.preprocess(
  (v) => {
    if (typeof v === "string") return v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
    if (Array.isArray(v)) return v.filter((s) => !(typeof s === "string" && s.trim() === ""));
    return v ?? [];
  },
  z.array(httpUrl, { error: "invalid" }).max(EVIDENCE_LINKS_MAX, { error: "tooMany" }),
);

export const progressUpdateSchema = z
  .object({
    actionCode: z.string({ error: "required" }).trim().min(1, { error: "required" }).regex(ACTION_CODE, { error: "unknownAction" }),
    status: z.enum(PROGRESS_STATUSES, { error: "invalidStatus" }),
    percent: intInRange(0, 100),
    narrative: requiredText(NARRATIVE_MAX),
    evidenceLinks,
    occurredOn: isoDate
      .refine((d) => d >= "2000-01-01", { error: "dateTooEarly" })
      .refine((d) => d <= latestAllowedDate(), { error: "dateInFuture" }),
  })
  .superRefine((v, ctx) => {
    if (v.status === "completed" && v.percent !== 100) {
      ctx.addIssue({ code: "custom", path: ["percent"], message: "completedNeeds100" });
    }
    if (v.status === "not_started" && v.percent !== 0) {
      ctx.addIssue({ code: "custom", path: ["percent"], message: "notStartedNeeds0" });
    }
  });
export type ProgressUpdateInput = z.infer<typeof progressUpdateSchema>;

export const approveUpdateSchema = z.object({ updateId: idSchema });

export const rejectUpdateSchema = z.object({
  updateId: idSchema,
  reason: requiredText(REVIEW_NOTE_MAX),
});
