import { asc, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { InvalidInputError, NotFoundError, StateError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/permissions";
import type { ProgressUpdateInput } from "@/lib/validation/progress";
import type { ProgressStatus, ReviewState } from "@/lib/vocabulary";
import { db, type Tx } from "../index";
import { recordAudit } from "./audit";
import { actions, progressUpdates, updateCorrections, users, type EvidenceLink } from "../schema";

export type SubmissionRow = {
  id: number;
  actionCode: string;
  actionTitle: string;
  status: ProgressStatus;
  percent: number;
  narrative: string;
  evidenceLinks: EvidenceLink[];
  occurredOn: string;
  reviewState: ReviewState;
  reviewNote: string | null;
  reviewerName: string | null;
  authorName: string;
  authorEmail: string;
  createdAt: string;
  reviewedAt: string | null;
};

const reviewer = alias(users, "reviewer");

function submissionsQuery() {
  return db
    .select({
      id: progressUpdates.id,
      actionCode: actions.code,
      actionTitle: actions.title,
      status: progressUpdates.status,
      percent: progressUpdates.percent,
      narrative: progressUpdates.narrative,
      evidenceLinks: progressUpdates.evidenceLinks,
      occurredOn: progressUpdates.occurredOn,
      reviewState: progressUpdates.reviewState,
      reviewNote: progressUpdates.reviewNote,
      reviewerName: reviewer.name,
      authorName: users.name,
      authorEmail: users.email,
      createdAt: progressUpdates.createdAt,
      reviewedAt: progressUpdates.reviewedAt,
    })
    .from(progressUpdates)
    .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
    .innerJoin(users, eq(users.id, progressUpdates.authorId))
    .leftJoin(reviewer, eq(reviewer.id, progressUpdates.reviewerId))
    .$dynamic();
}

type RawSubmission = Awaited<ReturnType<ReturnType<typeof submissionsQuery>["execute"]>>[number];

function toSubmission(r: RawSubmission): SubmissionRow {
  return { ...r, createdAt: r.createdAt.toISOString(), reviewedAt: r.reviewedAt?.toISOString() ?? null };
}

/** Saves an analyst's assessment as "submitted": it is invisible to the public until an admin publishes it. */
export async function submitUpdate(actor: Actor | null, input: ProgressUpdateInput): Promise<{ id: number }> {
  assertCan(actor, "update:submit");
  return db.transaction(async (tx) => {
    const [action] = await tx.select({ id: actions.id }).from(actions).where(eq(actions.code, input.actionCode));
    if (!action) throw new InvalidInputError({ actionCode: ["unknownAction"] });
    const [row] = await tx
      .insert(progressUpdates)
      .values({
        actionId: action.id,
        status: input.status,
        percent: input.percent,
        narrative: input.narrative,
        evidenceLinks: input.evidenceLinks.map((url) => ({ url })),
        occurredOn: input.occurredOn,
        authorId: actor.id,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, { actorId: actor.id, action: "update.submit", entityType: "update", entityId: row.id, after: auditView(row, input.actionCode) });
    return { id: row.id };
  });
}

/** The audit record of an update: its content and review state, with the action's code for readers. */
function auditView(row: typeof progressUpdates.$inferSelect, actionCode: string) {
  return {
    actionCode,
    status: row.status,
    percent: row.percent,
    narrative: row.narrative,
    evidenceLinks: row.evidenceLinks,
    occurredOn: row.occurredOn,
    reviewState: row.reviewState,
    reviewNote: row.reviewNote,
  };
}

export async function listOwnSubmissions(actor: Actor | null, limit = 50): Promise<SubmissionRow[]> {
  assertCan(actor, "update:list-own");
  const rows = await submissionsQuery()
    .where(eq(progressUpdates.authorId, actor.id))
    .orderBy(desc(progressUpdates.createdAt), desc(progressUpdates.id))
    .limit(limit);
  return rows.map(toSubmission);
}

export async function listReviewQueue(actor: Actor | null): Promise<SubmissionRow[]> {
  assertCan(actor, "update:review");
  const rows = await submissionsQuery()
    .where(eq(progressUpdates.reviewState, "submitted"))
    .orderBy(asc(progressUpdates.createdAt), asc(progressUpdates.id));
  return rows.map(toSubmission);
}

export async function listRecentlyReviewed(actor: Actor | null, limit = 20): Promise<SubmissionRow[]> {
  assertCan(actor, "update:review");
  const rows = await submissionsQuery()
    .where(eq(progressUpdates.reviewState, "published"))
    .orderBy(desc(progressUpdates.reviewedAt), desc(progressUpdates.id))
    .limit(limit);
  return rows.map(toSubmission);
}

/**
 * Publications and corrections of one action run one at a time. The
 * database keeps a per-day summary of each action (action_day_states,
 * recomputed by triggers from what the writing transaction can see): two
 * publications for the same action and day at once each recomputed it
 * without seeing the other, and one of them failed on the summary's primary
 * key (under load, approvals were refused as "unavailable"). Locking the action row first (NO KEY UPDATE, so
 * analysts' submissions, which only take a foreign-key share lock, are not
 * held up) also makes publication times follow commit order per action.
 * Both publish paths lock the action before the update, so they cannot deadlock.
 */
async function lockActionOfUpdate(tx: Tx, updateId: number): Promise<void> {
  const [target] = await tx.select({ actionId: progressUpdates.actionId }).from(progressUpdates).where(eq(progressUpdates.id, updateId));
  if (!target) throw new NotFoundError("updateId");
  await tx.select({ id: actions.id }).from(actions).where(eq(actions.id, target.actionId)).for("no key update");
}

async function review(
  actor: Actor,
  updateId: number,
  next: { reviewState: "published" | "rejected"; reviewNote: string | null },
): Promise<{ actionCode: string }> {
  return db.transaction(async (tx) => {
    await lockActionOfUpdate(tx, updateId);
    const [current] = await tx
      .select({ row: progressUpdates, actionCode: actions.code })
      .from(progressUpdates)
      .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
      .where(eq(progressUpdates.id, updateId))
      .for("no key update", { of: progressUpdates });
    if (!current) throw new NotFoundError("updateId");
    // Locked above, so two admins cannot both review one update.
    if (current.row.reviewState !== "submitted") throw new StateError("alreadyReviewed");
    const now = new Date();
    const [updated] = await tx
      .update(progressUpdates)
      .set({
        reviewState: next.reviewState,
        reviewNote: next.reviewNote,
        reviewerId: actor.id,
        reviewedAt: now,
        publishedAt: next.reviewState === "published" ? now : null,
      })
      .where(eq(progressUpdates.id, updateId))
      .returning();
    if (!updated) throw new StateError("alreadyReviewed");
    await recordAudit(tx, {
      actorId: actor.id,
      action: next.reviewState === "published" ? "update.publish" : "update.reject",
      entityType: "update",
      entityId: updateId,
      before: auditView(current.row, current.actionCode),
      after: auditView(updated, current.actionCode),
    });
    return { actionCode: current.actionCode };
  });
}

export async function approveUpdate(actor: Actor | null, updateId: number): Promise<{ actionCode: string }> {
  assertCan(actor, "update:review");
  return review(actor, updateId, { reviewState: "published", reviewNote: null });
}

export async function rejectUpdate(actor: Actor | null, updateId: number, reason: string): Promise<{ actionCode: string }> {
  assertCan(actor, "update:review");
  return review(actor, updateId, { reviewState: "rejected", reviewNote: reason });
}

export type CorrectionInput = { updateId: number; reason: string; replacement: ProgressUpdateInput | null };

/**
 * Corrects (with a replacement assessment) or retracts a published update.
 * The original is kept and shown as corrected or retracted, with the public reason.
 */
export async function correctUpdate(actor: Actor | null, input: CorrectionInput): Promise<{ actionCode: string; replacementId: number | null }> {
  assertCan(actor, "update:correct");
  return db.transaction(async (tx) => {
    await lockActionOfUpdate(tx, input.updateId);
    const [current] = await tx
      .select({ row: progressUpdates, actionCode: actions.code })
      .from(progressUpdates)
      .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
      .where(eq(progressUpdates.id, input.updateId))
      .for("no key update", { of: progressUpdates });
    if (!current) throw new NotFoundError("updateId");
    if (current.row.reviewState !== "published") throw new StateError("notPublished");
    const [already] = await tx.select({ id: updateCorrections.id }).from(updateCorrections).where(eq(updateCorrections.updateId, input.updateId));
    if (already) throw new StateError("alreadyCorrected");
    if (input.replacement && input.replacement.actionCode !== current.actionCode) {
      throw new InvalidInputError({ actionCode: ["correctionSameAction"] });
    }
    const now = new Date();
    let replacementId: number | null = null;
    if (input.replacement) {
      const r = input.replacement;
      const [inserted] = await tx
        .insert(progressUpdates)
        .values({
          actionId: current.row.actionId,
          status: r.status,
          percent: r.percent,
          narrative: r.narrative,
          evidenceLinks: r.evidenceLinks.map((url) => ({ url })),
          occurredOn: r.occurredOn,
          authorId: actor.id,
          reviewState: "published",
          reviewerId: actor.id,
          reviewedAt: now,
          publishedAt: now,
          createdAt: now,
        })
        .returning({ id: progressUpdates.id });
      replacementId = inserted?.id ?? null;
    }
    const kind = input.replacement ? "corrected" : "retracted";
    await tx.insert(updateCorrections).values({ updateId: input.updateId, kind, reason: input.reason, replacementId, actorId: actor.id, createdAt: now });
    await recordAudit(tx, {
      actorId: actor.id,
      action: `update.${kind === "corrected" ? "correct" : "retract"}`,
      entityType: "update",
      entityId: input.updateId,
      before: auditView(current.row, current.actionCode),
      after: { correction: kind, reason: input.reason, replacementId, replacement: input.replacement },
    });
    return { actionCode: current.actionCode, replacementId };
  });
}

export type CorrectableRow = SubmissionRow & { correction: { kind: "corrected" | "retracted"; reason: string } | null };

/** Published updates, newest first, with any correction already made to them: the admin's list to correct from. */
export async function listPublishedForCorrection(actor: Actor | null, limit = 50): Promise<CorrectableRow[]> {
  assertCan(actor, "update:correct");
  const rows = await submissionsQuery()
    .where(eq(progressUpdates.reviewState, "published"))
    .orderBy(desc(progressUpdates.publishedAt), desc(progressUpdates.id))
    .limit(limit);
  const ids = rows.map((r) => r.id);
  const corrections = ids.length
    ? await db.select({ updateId: updateCorrections.updateId, kind: updateCorrections.kind, reason: updateCorrections.reason }).from(updateCorrections).where(inArray(updateCorrections.updateId, ids))
    : [];
  const byId = new Map(corrections.map((c) => [c.updateId, { kind: c.kind, reason: c.reason }]));
  return rows.map((r) => ({ ...toSubmission(r), correction: byId.get(r.id) ?? null }));
}
