import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { averagePercent, countByStatus, rollUp } from "@/lib/rollup";
import { NOT_YET_ASSESSED, type CorrectionKind, type DisplayStatus, type ProgressStatus } from "@/lib/vocabulary";
import { db } from "../index";
import { actionVisions, actions, plans, progressUpdates, updateCorrections, visions, type EvidenceLink } from "../schema";

/*
 * Public read models. Everything here is published data only, returned as
 * plain JSON (dates as ISO strings) so that it can live in the Next cache.
 */

export type PlanSummary = {
  code: string;
  title: string;
  description: string;
  sourceUrl: string | null;
  announcedOn: string | null;
  announcedAt: string | null;
};

export type LinkedItem = { code: string; title: string; weight: number };

export type ActionSummary = {
  code: string;
  position: number;
  title: string;
  description: string;
  verified: boolean;
  sourceUrl: string | null;
  targetDate: string | null;
  /** Days after which the action counts as overdue for an update. */
  updateIntervalDays: number;
  status: DisplayStatus;
  percent: number | null;
  /** When the latest published assessment was published. */
  updatedAt: string | null;
  /** The date the latest assessed progress happened. */
  assessedOn: string | null;
  illustrative: boolean;
  visions: LinkedItem[];
};

export type VisionSummary = {
  code: string;
  position: number;
  theme: string;
  title: string;
  description: string;
  verified: boolean;
  sourceUrl: string | null;
  targetDate: string | null;
  status: DisplayStatus;
  percent: number;
  coverage: number;
  updatedAt: string | null;
  actions: LinkedItem[];
};

export type PublicUpdate = {
  id: number;
  actionCode: string;
  actionTitle: string;
  status: ProgressStatus;
  percent: number;
  narrative: string;
  evidenceLinks: EvidenceLink[];
  occurredOn: string;
  publishedAt: string;
  illustrative: boolean;
  /** Set when, as of the view, this update was corrected or retracted. */
  correction: { kind: CorrectionKind; reason: string; at: string; replacementId: number | null } | null;
  /** Set when this update is the correction of an earlier one. */
  correctsId: number | null;
};

export type Overview = {
  plan: PlanSummary | null;
  actions: ActionSummary[];
  visions: VisionSummary[];
  statusCounts: Record<DisplayStatus, number>;
  averagePercent: number;
  latestUpdates: PublicUpdate[];
};

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/*
 * `cutoff` is an exclusive instant: a view "as of" it sees exactly the
 * updates published before it, and treats an update as corrected or
 * retracted only if that happened before it too. No cutoff means now.
 */
function publishedBy(cutoff: Date | undefined): SQL {
  const published = eq(progressUpdates.reviewState, "published");
  return cutoff ? (and(published, lt(progressUpdates.publishedAt, cutoff)) as SQL) : published;
}

function notWithdrawnBy(cutoff: Date | undefined): SQL {
  return sql`not exists (select 1 from ${updateCorrections} where ${updateCorrections.updateId} = ${progressUpdates.id}${
    cutoff ? sql` and ${updateCorrections.createdAt} < ${cutoff.toISOString()}::timestamptz` : sql``
  })`;
}

/** Published updates that still count at the cutoff: not corrected or retracted by then. */
export function countingUpdatesBy(cutoff: Date | undefined): SQL {
  return and(publishedBy(cutoff), notWithdrawnBy(cutoff)) as SQL;
}

export async function getPlanSummary(): Promise<PlanSummary | null> {
  const [plan] = await db
    .select({
      code: plans.code,
      title: plans.title,
      description: plans.description,
      sourceUrl: plans.sourceUrl,
      announcedOn: plans.announcedOn,
      announcedAt: plans.announcedAt,
    })
    .from(plans)
    .orderBy(asc(plans.id))
    .limit(1);
  return plan ?? null;
}

/** One query: every action with its latest published assessment. */
async function actionsWithCurrentState(cutoff?: Date) {
  const current = db
    .select({
      status: progressUpdates.status,
      percent: progressUpdates.percent,
      occurredOn: progressUpdates.occurredOn,
      publishedAt: progressUpdates.publishedAt,
      illustrative: progressUpdates.illustrative,
    })
    .from(progressUpdates)
    .where(and(eq(progressUpdates.actionId, actions.id), countingUpdatesBy(cutoff)))
    .orderBy(desc(progressUpdates.occurredOn), desc(progressUpdates.publishedAt), desc(progressUpdates.id))
    .limit(1)
    .as("current");
  return db
    .select({
      id: actions.id,
      code: actions.code,
      position: actions.position,
      title: actions.title,
      description: actions.description,
      verified: actions.verified,
      sourceUrl: actions.sourceUrl,
      targetDate: actions.targetDate,
      updateIntervalDays: actions.updateIntervalDays,
      status: current.status,
      percent: current.percent,
      occurredOn: current.occurredOn,
      publishedAt: current.publishedAt,
      illustrative: current.illustrative,
    })
    .from(actions)
    .leftJoinLateral(current, sql`true`)
    .orderBy(asc(actions.position));
}

async function mappingRows() {
  return db
    .select({
      actionId: actionVisions.actionId,
      visionId: actionVisions.visionId,
      weight: actionVisions.weight,
    })
    .from(actionVisions);
}

async function visionRows() {
  return db.select().from(visions).orderBy(asc(visions.position));
}

function assemble(
  actionRows: Awaited<ReturnType<typeof actionsWithCurrentState>>,
  mapping: Awaited<ReturnType<typeof mappingRows>>,
  visionList: Awaited<ReturnType<typeof visionRows>>,
): { actions: ActionSummary[]; visions: VisionSummary[] } {
  const visionById = new Map(visionList.map((v) => [v.id, v]));
  const actionById = new Map(actionRows.map((a) => [a.id, a]));
  const actionSummaries = actionRows.map<ActionSummary>((a) => ({
    code: a.code,
    position: a.position,
    title: a.title,
    description: a.description,
    verified: a.verified,
    sourceUrl: a.sourceUrl,
    targetDate: a.targetDate,
    updateIntervalDays: a.updateIntervalDays,
    status: a.status ?? NOT_YET_ASSESSED,
    percent: a.percent,
    updatedAt: iso(a.publishedAt),
    assessedOn: a.occurredOn,
    illustrative: a.illustrative ?? false,
    visions: mapping
      .filter((m) => m.actionId === a.id)
      .flatMap((m) => {
        const v = visionById.get(m.visionId);
        return v ? [{ code: v.code, title: v.title, weight: m.weight, position: v.position }] : [];
      })
      .sort((x, y) => x.position - y.position)
      .map(({ code, title, weight }) => ({ code, title, weight })),
  }));
  const visionSummaries = visionList.map<VisionSummary>((v) => {
    const linked = mapping
      .filter((m) => m.visionId === v.id)
      .flatMap((m) => {
        const a = actionById.get(m.actionId);
        return a ? [{ row: a, weight: m.weight }] : [];
      })
      .sort((x, y) => x.row.position - y.row.position);
    const rolled = rollUp(linked.map((l) => ({ status: l.row.status, percent: l.row.percent, weight: l.weight })));
    const updated = linked
      .map((l) => l.row.publishedAt)
      .filter((d): d is Date => d !== null)
      .sort((x, y) => y.getTime() - x.getTime())[0];
    return {
      code: v.code,
      position: v.position,
      theme: v.theme,
      title: v.title,
      description: v.description,
      verified: v.verified,
      sourceUrl: v.sourceUrl,
      targetDate: v.targetDate,
      status: rolled.status,
      percent: rolled.percent,
      coverage: rolled.coverage,
      updatedAt: iso(updated ?? null),
      actions: linked.map((l) => ({ code: l.row.code, title: l.row.title, weight: l.weight })),
    };
  });
  return { actions: actionSummaries, visions: visionSummaries };
}

export async function getPlanState(cutoff?: Date): Promise<{ actions: ActionSummary[]; visions: VisionSummary[] }> {
  const [actionRows, mapping, visionList] = await Promise.all([actionsWithCurrentState(cutoff), mappingRows(), visionRows()]);
  return assemble(actionRows, mapping, visionList);
}

const publicUpdateColumns = {
  id: progressUpdates.id,
  actionCode: actions.code,
  actionTitle: actions.title,
  status: progressUpdates.status,
  percent: progressUpdates.percent,
  narrative: progressUpdates.narrative,
  evidenceLinks: progressUpdates.evidenceLinks,
  occurredOn: progressUpdates.occurredOn,
  publishedAt: progressUpdates.publishedAt,
  illustrative: progressUpdates.illustrative,
};

type UpdateRow = Omit<PublicUpdate, "publishedAt" | "correction" | "correctsId"> & { publishedAt: Date | null };

/** Attaches what happened to each update by the cutoff: one query for the whole list. */
async function withCorrections(rows: UpdateRow[], cutoff: Date | undefined): Promise<PublicUpdate[]> {
  const ids = rows.map((r) => r.id);
  const corrections = ids.length
    ? await db
        .select()
        .from(updateCorrections)
        .where(
          and(
            or(inArray(updateCorrections.updateId, ids), inArray(updateCorrections.replacementId, ids)),
            cutoff ? lt(updateCorrections.createdAt, cutoff) : undefined,
          ),
        )
    : [];
  const byUpdate = new Map(corrections.map((c) => [c.updateId, c]));
  const byReplacement = new Map(corrections.filter((c) => c.replacementId !== null).map((c) => [c.replacementId, c]));
  return rows.map((r) => {
    const c = byUpdate.get(r.id);
    return {
      ...r,
      publishedAt: iso(r.publishedAt) ?? "",
      correction: c ? { kind: c.kind, reason: c.reason, at: c.createdAt.toISOString(), replacementId: c.replacementId } : null,
      correctsId: byReplacement.get(r.id)?.updateId ?? null,
    };
  });
}

export async function listLatestUpdates(limit = 10, cutoff?: Date): Promise<PublicUpdate[]> {
  const rows = await db
    .select(publicUpdateColumns)
    .from(progressUpdates)
    .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
    .where(publishedBy(cutoff))
    .orderBy(desc(progressUpdates.publishedAt), desc(progressUpdates.id))
    .limit(limit);
  return withCorrections(rows, cutoff);
}

export async function getOverview(cutoff?: Date): Promise<Overview> {
  const [plan, state, latestUpdates] = await Promise.all([getPlanSummary(), getPlanState(cutoff), listLatestUpdates(8, cutoff)]);
  return {
    plan,
    ...state,
    statusCounts: countByStatus(state.actions),
    averagePercent: averagePercent(state.actions),
    latestUpdates,
  };
}

export async function getActionDetail(
  code: string,
  cutoff?: Date,
): Promise<{ action: ActionSummary; timeline: PublicUpdate[] } | null> {
  const [state, rows] = await Promise.all([
    getPlanState(cutoff),
    db
      .select(publicUpdateColumns)
      .from(progressUpdates)
      .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
      .where(and(eq(actions.code, code), publishedBy(cutoff)))
      .orderBy(desc(progressUpdates.occurredOn), desc(progressUpdates.publishedAt), desc(progressUpdates.id)),
  ]);
  const action = state.actions.find((a) => a.code === code);
  if (!action) return null;
  return { action, timeline: await withCorrections(rows, cutoff) };
}

export async function getVisionDetail(
  code: string,
  cutoff?: Date,
): Promise<{ vision: VisionSummary; actions: ActionSummary[] } | null> {
  const state = await getPlanState(cutoff);
  const vision = state.visions.find((v) => v.code === code);
  if (!vision) return null;
  const codes = new Set(vision.actions.map((a) => a.code));
  return { vision, actions: state.actions.filter((a) => codes.has(a.code)) };
}

export type PublicCorrection = {
  updateId: number;
  kind: CorrectionKind;
  reason: string;
  at: string;
  actionCode: string;
  actionTitle: string;
  original: { status: ProgressStatus; percent: number; occurredOn: string; narrative: string; publishedAt: string };
  replacement: { id: number; status: ProgressStatus; percent: number; occurredOn: string; narrative: string } | null;
};

const replacementUpdates = alias(progressUpdates, "replacement");

/** The public corrections log: every corrected or retracted update, newest first. */
export async function listCorrections(cutoff?: Date): Promise<PublicCorrection[]> {
  const rows = await db
    .select({
      c: updateCorrections,
      actionCode: actions.code,
      actionTitle: actions.title,
      original: progressUpdates,
      replacement: replacementUpdates,
    })
    .from(updateCorrections)
    .innerJoin(progressUpdates, eq(progressUpdates.id, updateCorrections.updateId))
    .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
    .leftJoin(replacementUpdates, eq(replacementUpdates.id, updateCorrections.replacementId))
    .where(cutoff ? lt(updateCorrections.createdAt, cutoff) : undefined)
    .orderBy(desc(updateCorrections.createdAt), desc(updateCorrections.id));
  return rows.map((r) => ({
    updateId: r.c.updateId,
    kind: r.c.kind,
    reason: r.c.reason,
    at: r.c.createdAt.toISOString(),
    actionCode: r.actionCode,
    actionTitle: r.actionTitle,
    original: {
      status: r.original.status,
      percent: r.original.percent,
      occurredOn: r.original.occurredOn,
      narrative: r.original.narrative,
      publishedAt: iso(r.original.publishedAt) ?? "",
    },
    replacement: r.replacement
      ? { id: r.replacement.id, status: r.replacement.status, percent: r.replacement.percent, occurredOn: r.replacement.occurredOn, narrative: r.replacement.narrative }
      : null,
  }));
}

export type HistoryPoint = { actionCode: string; occurredOn: string; percent: number; status: ProgressStatus };

/** Every assessment that counts as of the cutoff, oldest first: the raw material of the progress-over-time chart. */
export async function listHistoryPoints(cutoff?: Date): Promise<HistoryPoint[]> {
  return db
    .select({ actionCode: actions.code, occurredOn: progressUpdates.occurredOn, percent: progressUpdates.percent, status: progressUpdates.status })
    .from(progressUpdates)
    .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
    .where(countingUpdatesBy(cutoff))
    .orderBy(asc(progressUpdates.occurredOn), asc(progressUpdates.publishedAt), asc(progressUpdates.id));
}
