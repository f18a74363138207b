import { and, asc, eq, inArray } from "drizzle-orm";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/permissions";
import type { EditActionInput, EditVisionInput } from "@/lib/validation/plan";
import { db } from "../index";
import { recordAudit } from "./audit";
import { actionVisions, actions, visions } from "../schema";

export type EditableItem = {
  code: string;
  title: string;
  description: string;
  targetDate: string | null;
  verified: boolean;
  sourceUrl: string | null;
  version: number;
  updatedAt: string;
};

export type EditableAction = EditableItem & { updateIntervalDays: number; visionWeights: { visionCode: string; weight: number }[] };

const editableColumns = (t: typeof visions | typeof actions) => ({
  id: t.id,
  code: t.code,
  title: t.title,
  description: t.description,
  targetDate: t.targetDate,
  verified: t.verified,
  sourceUrl: t.sourceUrl,
  version: t.version,
  updatedAt: t.updatedAt,
});

export async function listEditablePlan(actor: Actor | null): Promise<{ visions: EditableItem[]; actions: EditableAction[] }> {
  assertCan(actor, "plan:edit");
  const [visionRows, actionRows, mapping] = await Promise.all([
    db.select(editableColumns(visions)).from(visions).orderBy(asc(visions.position)),
    db.select({ ...editableColumns(actions), updateIntervalDays: actions.updateIntervalDays }).from(actions).orderBy(asc(actions.position)),
    db
      .select({ actionId: actionVisions.actionId, visionCode: visions.code, weight: actionVisions.weight })
      .from(actionVisions)
      .innerJoin(visions, eq(visions.id, actionVisions.visionId))
      .orderBy(asc(visions.position)),
  ]);
  const strip = ({ id: _id, updatedAt, ...rest }: (typeof visionRows)[number]) => ({ ...rest, updatedAt: updatedAt.toISOString() });
  return {
    visions: visionRows.map(strip),
    actions: actionRows.map((a) => ({
      ...strip(a),
      updateIntervalDays: a.updateIntervalDays,
      visionWeights: mapping.filter((m) => m.actionId === a.id).map(({ visionCode, weight }) => ({ visionCode, weight })),
    })),
  };
}

const snapshot = (row: typeof visions.$inferSelect | typeof actions.$inferSelect) => ({
  title: row.title,
  description: row.description,
  targetDate: row.targetDate,
  verified: row.verified,
  sourceUrl: row.sourceUrl,
  version: row.version,
  ...("updateIntervalDays" in row ? { updateIntervalDays: row.updateIntervalDays } : {}),
});

/** The columns both edit forms change, with the version bump that makes the next stale save fail. */
function editedFields(input: EditVisionInput) {
  return {
    title: input.title,
    description: input.description,
    targetDate: input.targetDate,
    verified: input.verified,
    sourceUrl: input.sourceUrl,
    version: input.version + 1,
    updatedAt: new Date(),
  };
}

/** Optimistic locking: the row is written only if nobody saved it since the form was loaded. */
export async function editVision(actor: Actor | null, input: EditVisionInput): Promise<{ version: number }> {
  assertCan(actor, "plan:edit");
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(visions).where(eq(visions.code, input.code)).for("update");
    if (!current) throw new NotFoundError("code");
    if (current.version !== input.version) throw new ConflictError();
    const [row] = await tx
      .update(visions)
      .set(editedFields(input))
      .where(and(eq(visions.id, current.id), eq(visions.version, input.version)))
      .returning();
    if (!row) throw new ConflictError();
    await recordAudit(tx, { actorId: actor.id, action: "vision.edit", entityType: "vision", entityId: row.code, before: snapshot(current), after: snapshot(row) });
    return { version: row.version };
  });
}

export async function editAction(actor: Actor | null, input: EditActionInput): Promise<{ version: number }> {
  assertCan(actor, "plan:edit");
  return db.transaction(async (tx) => {
    const codes = input.visionWeights.map((w) => w.visionCode);
    const known = await tx.select({ id: visions.id, code: visions.code }).from(visions).where(inArray(visions.code, codes));
    if (known.length !== codes.length) throw new InvalidInputError({ visionWeights: ["unknownVision"] });
    const [current] = await tx.select().from(actions).where(eq(actions.code, input.code)).for("update");
    if (!current) throw new NotFoundError("code");
    if (current.version !== input.version) throw new ConflictError();
    const weightsBefore = await tx
      .select({ visionCode: visions.code, weight: actionVisions.weight })
      .from(actionVisions)
      .innerJoin(visions, eq(visions.id, actionVisions.visionId))
      .where(eq(actionVisions.actionId, current.id))
      .orderBy(asc(visions.position));
    const [row] = await tx
      .update(actions)
      .set({ ...editedFields(input), updateIntervalDays: input.updateIntervalDays })
      .where(and(eq(actions.id, current.id), eq(actions.version, input.version)))
      .returning();
    if (!row) throw new ConflictError();
    const idByCode = new Map(known.map((v) => [v.code, v.id]));
    await tx.delete(actionVisions).where(eq(actionVisions.actionId, row.id));
    await tx.insert(actionVisions).values(
      input.visionWeights.map((w) => ({ actionId: row.id, visionId: idByCode.get(w.visionCode) ?? 0, weight: w.weight })),
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: "action.edit",
      entityType: "action",
      entityId: row.code,
      before: { ...snapshot(current), visionWeights: weightsBefore },
      after: { ...snapshot(row), visionWeights: input.visionWeights },
    });
    return { version: row.version };
  });
}

export async function listActionChoices(actor: Actor | null): Promise<{ code: string; title: string }[]> {
  assertCan(actor, "update:submit");
  return db.select({ code: actions.code, title: actions.title }).from(actions).orderBy(asc(actions.position));
}
