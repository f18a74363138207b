import { and, desc, eq } from "drizzle-orm";
import { NotFoundError } from "@/lib/errors";
import { assertCan, type Actor, type Permission } from "@/lib/permissions";
import { sourceHash, translationKey, translationState, type TranslationMap, type TranslationState } from "@/lib/translations";
import type { ConfirmTranslationInput, SaveTranslationInput } from "@/lib/validation/translations";
import type { ContentLocale, TranslatableEntity, TranslatableField } from "@/lib/vocabulary";
import { db, type Db, type Tx } from "../index";
import { actions, contentTranslations, progressUpdates, reportingRounds, visions } from "../schema";
import { recordAudit } from "./audit";

/** Every translation of one locale in one query, so a page localizes any number of items without a query each. */
export async function listContentTranslations(locale: ContentLocale): Promise<TranslationMap> {
  const rows = await db
    .select({
      entityType: contentTranslations.entityType,
      entityKey: contentTranslations.entityKey,
      field: contentTranslations.field,
      text: contentTranslations.text,
      sourceHash: contentTranslations.sourceHash,
    })
    .from(contentTranslations)
    .where(eq(contentTranslations.locale, locale));
  return Object.fromEntries(rows.map((r) => [translationKey(r.entityType, r.entityKey, r.field), { text: r.text, sourceHash: r.sourceHash }]));
}

// Narratives are published assessments, so their wording is for those who may correct updates.
function permissionFor(entity: TranslatableEntity): Permission {
  return entity === "update" ? "update:correct" : "plan:edit";
}

/** The English text a translation is made against, as it reads now; null when the item does not exist. */
async function englishText(tx: Tx | Db, entity: TranslatableEntity, key: string, field: TranslatableField): Promise<string | null> {
  if (entity === "vision" || entity === "action") {
    const table = entity === "vision" ? visions : actions;
    const [row] = await tx.select({ title: table.title, description: table.description }).from(table).where(eq(table.code, key));
    if (!row) return null;
    return field === "title" ? row.title : field === "description" ? row.description : null;
  }
  if (entity === "round") {
    const [row] = await tx.select({ name: reportingRounds.name }).from(reportingRounds).where(eq(reportingRounds.slug, key));
    return row && field === "name" ? row.name : null;
  }
  const id = Number(key);
  if (!Number.isInteger(id) || id <= 0) return null;
  const [row] = await tx.select({ narrative: progressUpdates.narrative }).from(progressUpdates).where(eq(progressUpdates.id, id));
  return row && field === "narrative" ? row.narrative : null;
}

type TranslationRow = typeof contentTranslations.$inferSelect;

const auditSnapshot = (row: TranslationRow | undefined) =>
  row ? { field: row.field, locale: row.locale, text: row.text, sourceHash: row.sourceHash } : null;

function whereItem(input: { entityType: TranslatableEntity; entityKey: string; field: TranslatableField; locale: ContentLocale }) {
  return and(
    eq(contentTranslations.entityType, input.entityType),
    eq(contentTranslations.entityKey, input.entityKey),
    eq(contentTranslations.field, input.field),
    eq(contentTranslations.locale, input.locale),
  );
}

/** Writes the translation as made against today's English, so it is current until the English changes. */
export async function saveTranslation(actor: Actor | null, input: SaveTranslationInput): Promise<{ state: TranslationState }> {
  assertCan(actor, permissionFor(input.entityType));
  return db.transaction(async (tx) => {
    const english = await englishText(tx, input.entityType, input.entityKey, input.field);
    if (english === null) throw new NotFoundError("entityKey");
    const [before] = await tx.select().from(contentTranslations).where(whereItem(input)).for("update");
    const values = { text: input.text, sourceHash: sourceHash(english), confirmedBy: actor.id, updatedAt: new Date() };
    const [after] = await tx
      .insert(contentTranslations)
      .values({ entityType: input.entityType, entityKey: input.entityKey, field: input.field, locale: input.locale, ...values })
      .onConflictDoUpdate({
        target: [contentTranslations.entityType, contentTranslations.entityKey, contentTranslations.field, contentTranslations.locale],
        set: values,
      })
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: "translation.save",
      entityType: input.entityType,
      entityId: input.entityKey,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    return { state: "current" };
  });
}

/** Marks an unchanged translation as checked against today's English. */
export async function confirmTranslation(actor: Actor | null, input: ConfirmTranslationInput): Promise<{ state: TranslationState }> {
  assertCan(actor, permissionFor(input.entityType));
  return db.transaction(async (tx) => {
    const english = await englishText(tx, input.entityType, input.entityKey, input.field);
    if (english === null) throw new NotFoundError("entityKey");
    const [before] = await tx.select().from(contentTranslations).where(whereItem(input)).for("update");
    if (!before) throw new NotFoundError("text");
    const [after] = await tx
      .update(contentTranslations)
      .set({ sourceHash: sourceHash(english), confirmedBy: actor.id, updatedAt: new Date() })
      .where(eq(contentTranslations.id, before.id))
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: "translation.confirm",
      entityType: input.entityType,
      entityId: input.entityKey,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    return { state: "current" };
  });
}

export type TranslationItem = {
  entityType: TranslatableEntity;
  entityKey: string;
  /** What admins recognise the item by: a code, a round slug, or "A1 #12" for an update. */
  label: string;
  field: TranslatableField;
  english: string;
  translation: string;
  state: Exclude<TranslationState, "source">;
  updatedAt: string | null;
};

export const LATEST_NARRATIVES = 50;

/** Every translatable field an admin can work on, with its state; narratives only for the latest published updates. */
export async function listTranslationWorkspace(
  actor: Actor | null,
  locale: ContentLocale,
): Promise<{ plan: TranslationItem[]; rounds: TranslationItem[]; narratives: TranslationItem[] }> {
  assertCan(actor, "plan:edit");
  const [visionRows, actionRows, roundRows, updateRows] = await Promise.all([
    db.select({ code: visions.code, title: visions.title, description: visions.description }).from(visions).orderBy(visions.position),
    db.select({ code: actions.code, title: actions.title, description: actions.description }).from(actions).orderBy(actions.position),
    db.select({ slug: reportingRounds.slug, name: reportingRounds.name }).from(reportingRounds).orderBy(desc(reportingRounds.cutoffDate)),
    db
      .select({ id: progressUpdates.id, actionCode: actions.code, narrative: progressUpdates.narrative })
      .from(progressUpdates)
      .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
      .where(eq(progressUpdates.reviewState, "published"))
      .orderBy(desc(progressUpdates.publishedAt), desc(progressUpdates.id))
      .limit(LATEST_NARRATIVES),
  ]);
  const stored = await db
    .select()
    .from(contentTranslations)
    .where(eq(contentTranslations.locale, locale));
  const byKey = new Map(stored.map((r) => [translationKey(r.entityType, r.entityKey, r.field), r]));
  const item = (entityType: TranslatableEntity, entityKey: string, label: string, field: TranslatableField, english: string): TranslationItem => {
    const row = byKey.get(translationKey(entityType, entityKey, field));
    return {
      entityType,
      entityKey,
      label,
      field,
      english,
      translation: row?.text ?? "",
      state: translationState(english, row),
      updatedAt: row ? row.updatedAt.toISOString() : null,
    };
  };
  const planItems = [
    ...visionRows.map((v) => ["vision", v] as const),
    ...actionRows.map((a) => ["action", a] as const),
  ].flatMap(([type, row]) => [item(type, row.code, row.code, "title", row.title), item(type, row.code, row.code, "description", row.description)]);
  return {
    // A blank English description has nothing to translate.
    plan: planItems.filter((i) => i.english.trim() !== ""),
    rounds: roundRows.map((r) => item("round", r.slug, r.slug, "name", r.name)),
    narratives: updateRows.map((u) => item("update", String(u.id), `${u.actionCode} #${u.id}`, "narrative", u.narrative)),
  };
}
