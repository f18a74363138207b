import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import {
  buildReport,
  parsePlanCsv,
  parseUpdatesCsv,
  type ImportKind,
  type ImportMode,
  type ImportReport,
  type ParsedPlanItem,
  type ParsedUpdate,
  type Problem,
} from "@/lib/open-data/import";
import { assertCan, type Actor } from "@/lib/permissions";
import { db, type Tx } from "../index";
import { recordAudit } from "./audit";
import { actions, auditEvents, progressUpdates, visions } from "../schema";

/*
 * The database side of the CSV import: compares the parsed rows with what
 * is stored, and on commit writes every row in one transaction, or none.
 */

/** Rows per INSERT: well under Postgres's 65,535 bind parameters, few round trips for 10,000 rows. */
const BATCH = 1000;

export type ImportProgress = { phase: "check" | "write"; rows: number };

export type ImportOptions = {
  kind: ImportKind;
  mode: ImportMode;
  fileName: string;
  source: ReadableStream<Uint8Array>;
  /** May return a promise, which the import waits for: the route uses it to let each progress line reach the network. */
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
};

/**
 * Checks (dry run) or imports (commit) one uploaded file. A commit
 * re-checks the whole file first and writes nothing if any problem is found.
 */
export async function runImport(actor: Actor | null, options: ImportOptions): Promise<ImportReport> {
  assertCan(actor, options.kind === "plan" ? "plan:edit" : "update:submit");
  return options.kind === "plan" ? importPlan(actor, options) : importUpdates(actor, options);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// ---------------------------------------------------------------------------
// Progress updates

type StoredUpdate = {
  id: number;
  actionCode: string;
  status: string;
  percent: number;
  narrative: string;
  evidenceLinks: { url: string }[];
  occurredOn: string;
  reviewState: string;
};

async function storedUpdates(ids: number[]): Promise<Map<number, StoredUpdate>> {
  const found = new Map<number, StoredUpdate>();
  for (const part of chunks(ids, BATCH)) {
    const rows = await db
      .select({
        id: progressUpdates.id,
        actionCode: actions.code,
        status: progressUpdates.status,
        percent: progressUpdates.percent,
        narrative: progressUpdates.narrative,
        evidenceLinks: progressUpdates.evidenceLinks,
        occurredOn: progressUpdates.occurredOn,
        reviewState: progressUpdates.reviewState,
      })
      .from(progressUpdates)
      .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
      .where(inArray(progressUpdates.id, part));
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}

/** Same content as the export would write it back, so a re-imported export counts as unchanged. */
function sameUpdate(stored: StoredUpdate, row: ParsedUpdate): boolean {
  const a = row.input;
  const urls = stored.evidenceLinks.map((l) => l.url.trim());
  return (
    stored.actionCode === a.actionCode &&
    stored.status === a.status &&
    stored.percent === a.percent &&
    stored.narrative.trim() === a.narrative &&
    stored.occurredOn === a.occurredOn &&
    urls.length === a.evidenceLinks.length &&
    urls.every((u, i) => u === a.evidenceLinks[i])
  );
}

async function importUpdates(actor: Actor, options: ImportOptions): Promise<ImportReport> {
  const actionRows = await db.select({ id: actions.id, code: actions.code }).from(actions);
  const actionIds = new Map(actionRows.map((a) => [a.code, a.id]));
  const parsed = await parseUpdatesCsv(options.source, {
    actionCodes: new Set(actionIds.keys()),
    onProgress: (rows) => options.onProgress?.({ phase: "check", rows }),
  });
  const problems: Problem[] = [...parsed.problems];
  const stored = await storedUpdates(parsed.rows.flatMap((r) => (r.id === null ? [] : [r.id])));
  const fresh: ParsedUpdate[] = [];
  let unchanged = 0;
  for (const row of parsed.rows) {
    if (row.id === null) {
      fresh.push(row);
      continue;
    }
    const existing = stored.get(row.id);
    if (!existing || existing.reviewState !== "published") problems.push({ line: row.line, column: "id", code: "unknownId" });
    else if (!sameUpdate(existing, row)) problems.push({ line: row.line, column: null, code: "publishedChanged" });
    else unchanged += 1;
  }
  const counts = { rows: parsed.rowCount, new: fresh.length, unchanged, updated: 0 };
  const write = options.mode === "commit" && problems.length === 0 && fresh.length > 0;
  if (write) {
    await db.transaction(async (tx) => {
      const ids = await insertUpdates(tx, actor, fresh, actionIds, options);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "import.commit",
        entityType: "import",
        entityId: randomUUID(),
        after: { kind: options.kind, fileName: options.fileName, counts, updateIds: ids },
      });
    });
  }
  return buildReport({ kind: options.kind, mode: options.mode, fileName: options.fileName, committed: write, counts, problems });
}

/** Inserts the new updates as "submitted", each with the same audit record a form submission leaves. */
async function insertUpdates(tx: Tx, actor: Actor, rows: ParsedUpdate[], actionIds: Map<string, number>, options: ImportOptions): Promise<number[]> {
  const ids: number[] = [];
  for (const part of chunks(rows, BATCH)) {
    const inserted = await tx
      .insert(progressUpdates)
      .values(
        part.map(({ input }) => ({
          actionId: actionIds.get(input.actionCode) ?? 0,
          status: input.status,
          percent: input.percent,
          narrative: input.narrative,
          evidenceLinks: input.evidenceLinks.map((url) => ({ url })),
          occurredOn: input.occurredOn,
          authorId: actor.id,
        })),
      )
      .returning({ id: progressUpdates.id });
    // Postgres returns the rows of a multi-row INSERT ... RETURNING in VALUES order.
    await tx.insert(auditEvents).values(
      part.map(({ input }, i) => ({
        actorId: actor.id,
        action: "update.submit",
        entityType: "update" as const,
        entityId: String(inserted[i]?.id ?? ""),
        before: null,
        after: {
          actionCode: input.actionCode,
          status: input.status,
          percent: input.percent,
          narrative: input.narrative,
          evidenceLinks: input.evidenceLinks.map((url) => ({ url })),
          occurredOn: input.occurredOn,
          reviewState: "submitted",
          reviewNote: null,
          importedFrom: options.fileName,
        },
      })),
    );
    ids.push(...inserted.map((r) => r.id));
    await options.onProgress?.({ phase: "write", rows: ids.length });
  }
  return ids;
}

// ---------------------------------------------------------------------------
// The plan

type StoredPlanItem = (typeof actions.$inferSelect | typeof visions.$inferSelect) & { updateIntervalDays?: number };

function planChanges(stored: StoredPlanItem, row: ParsedPlanItem) {
  const next = {
    title: row.title,
    description: row.description,
    verified: row.verified,
    sourceUrl: row.sourceUrl,
    targetDate: row.targetDate,
    ...(row.table === "actions" && row.updateIntervalDays !== undefined ? { updateIntervalDays: row.updateIntervalDays } : {}),
  };
  const changed =
    stored.title !== next.title ||
    stored.description !== next.description ||
    stored.verified !== next.verified ||
    stored.sourceUrl !== next.sourceUrl ||
    stored.targetDate !== next.targetDate ||
    ("updateIntervalDays" in next && stored.updateIntervalDays !== next.updateIntervalDays);
  return changed ? next : null;
}

const planSnapshot = (row: StoredPlanItem) => ({
  title: row.title,
  description: row.description,
  targetDate: row.targetDate,
  verified: row.verified,
  sourceUrl: row.sourceUrl,
  version: row.version,
  ...(row.updateIntervalDays !== undefined ? { updateIntervalDays: row.updateIntervalDays } : {}),
});

class PlanConflict extends Error {
  constructor(readonly line: number) {
    super("conflict");
  }
}

async function importPlan(actor: Actor, options: ImportOptions): Promise<ImportReport> {
  const parsed = await parsePlanCsv(options.source, { onProgress: (rows) => options.onProgress?.({ phase: "check", rows }) });
  const [actionRows, visionRows] = await Promise.all([db.select().from(actions), db.select().from(visions)]);
  const stored = { actions: new Map<string, StoredPlanItem>(actionRows.map((r) => [r.code, r])), visions: new Map<string, StoredPlanItem>(visionRows.map((r) => [r.code, r])) };
  const problems: Problem[] = [...parsed.problems];
  const edits: { row: ParsedPlanItem; current: StoredPlanItem; next: NonNullable<ReturnType<typeof planChanges>> }[] = [];
  let unchanged = 0;
  for (const row of parsed.rows) {
    const current = stored[row.table].get(row.code);
    if (!current) {
      problems.push({ line: row.line, column: "code", code: "unknownPlanCode" });
      continue;
    }
    const next = planChanges(current, row);
    if (next) edits.push({ row, current, next });
    else unchanged += 1;
  }
  const counts = { rows: parsed.rowCount, new: 0, unchanged, updated: edits.length };
  let committed = false;
  if (options.mode === "commit" && problems.length === 0 && edits.length > 0) {
    try {
      await db.transaction(async (tx) => {
        for (const { row, current, next } of edits) {
          const table = row.table === "actions" ? actions : visions;
          // Only if nobody saved the item since it was read above: otherwise the whole import is refused.
          const [saved] = await tx
            .update(table)
            .set({ ...next, version: current.version + 1, updatedAt: new Date() })
            .where(and(eq(table.id, current.id), eq(table.version, current.version)))
            .returning();
          if (!saved) throw new PlanConflict(row.line);
          await recordAudit(tx, {
            actorId: actor.id,
            action: row.table === "actions" ? "action.edit" : "vision.edit",
            entityType: row.table === "actions" ? "action" : "vision",
            entityId: row.code,
            before: planSnapshot(current),
            after: planSnapshot(saved),
          });
        }
        await recordAudit(tx, {
          actorId: actor.id,
          action: "import.commit",
          entityType: "import",
          entityId: randomUUID(),
          after: { kind: options.kind, fileName: options.fileName, counts, codes: edits.map((e) => e.row.code) },
        });
        await options.onProgress?.({ phase: "write", rows: edits.length });
      });
      committed = true;
    } catch (error) {
      if (!(error instanceof PlanConflict)) throw error;
      problems.push({ line: error.line, column: null, code: "conflict" });
    }
  }
  return buildReport({ kind: options.kind, mode: options.mode, fileName: options.fileName, committed, counts, problems });
}
