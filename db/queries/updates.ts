import { and, asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { InvalidInputError, NotFoundError, StateError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/permissions";
import type { ProgressUpdateInput } from "@/lib/validation/progress";
import type { ProgressStatus, ReviewState } from "@/lib/vocabulary";
import { db } from "../index";
import { actions, progressUpdates, users, type EvidenceLink } from "../schema";

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
  const [action] = await db.select({ id: actions.id }).from(actions).where(eq(actions.code, input.actionCode));
  if (!action) throw new InvalidInputError({ actionCode: ["unknownAction"] });
  const [row] = await db
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
    .returning({ id: progressUpdates.id });
  if (!row) throw new Error("insert returned nothing");
  return row;
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

async function review(
  actor: Actor,
  updateId: number,
  next: { reviewState: "published" | "rejected"; reviewNote: string | null },
): Promise<{ actionCode: string }> {
  const now = new Date();
  // The state guard in WHERE makes the transition atomic: two admins cannot both review one update.
  const [row] = await db
    .update(progressUpdates)
    .set({
      reviewState: next.reviewState,
      reviewNote: next.reviewNote,
      reviewerId: actor.id,
      reviewedAt: now,
      publishedAt: next.reviewState === "published" ? now : null,
    })
    .where(and(eq(progressUpdates.id, updateId), eq(progressUpdates.reviewState, "submitted")))
    .returning({ actionId: progressUpdates.actionId });
  if (!row) {
    const [exists] = await db.select({ id: progressUpdates.id }).from(progressUpdates).where(eq(progressUpdates.id, updateId));
    if (!exists) throw new NotFoundError("updateId");
    throw new StateError("alreadyReviewed");
  }
  const [action] = await db.select({ code: actions.code }).from(actions).where(eq(actions.id, row.actionId));
  return { actionCode: action?.code ?? "" };
}

export async function approveUpdate(actor: Actor | null, updateId: number): Promise<{ actionCode: string }> {
  assertCan(actor, "update:review");
  return review(actor, updateId, { reviewState: "published", reviewNote: null });
}

export async function rejectUpdate(actor: Actor | null, updateId: number, reason: string): Promise<{ actionCode: string }> {
  assertCan(actor, "update:review");
  return review(actor, updateId, { reviewState: "rejected", reviewNote: reason });
}
