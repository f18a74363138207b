import { and, asc, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { averagePercent, countByStatus, rollUp } from "@/lib/rollup";
import { NOT_YET_ASSESSED, type CorrectionKind, type DisplayStatus, type ProgressStatus } from "@/lib/vocabulary";
import { db } from "../index";
import { actionDayStates, actionVisions, actions, plans, progressUpdates, updateCorrections, visions, type EvidenceLink } from "../schema";

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

type ActionRow = {
  id: number;
  code: string;
  position: number;
  title: string;
  description: string;
  verified: boolean;
  sourceUrl: string | null;
  targetDate: string | null;
  updateIntervalDays: number;
  status: ProgressStatus | null;
  percent: number | null;
  occurredOn: string | null;
  publishedAt: Date | null;
  illustrative: boolean | null;
};
type MappingRow = { actionId: number; visionId: number; weight: number };
type VisionRow = {
  id: number;
  code: string;
  position: number;
  theme: string;
  title: string;
  description: string;
  verified: boolean;
  sourceUrl: string | null;
  targetDate: string | null;
};

/**
 * The whole plan state in one round trip: every action with its latest
 * published assessment (an index scan per action), the action–vision
 * mapping and the visions, each as a JSON array. The public pages count
 * their queries (see public.queries.db.test.ts), and this one is on all of them.
 */
async function planStateRows(
  cutoff?: Date,
): Promise<{ plan: PlanSummary | null; actionRows: ActionRow[]; mapping: MappingRow[]; visionList: VisionRow[] }> {
  const cutoffIso = cutoff?.toISOString();
  const counting = cutoffIso
    ? sql`pu.review_state = 'published' and pu.published_at < ${cutoffIso}::timestamptz
        and not exists (select 1 from ${updateCorrections} c where c.update_id = pu.id and c.created_at < ${cutoffIso}::timestamptz)`
    : sql`pu.review_state = 'published' and not exists (select 1 from ${updateCorrections} c where c.update_id = pu.id)`;
  const [row] = await db
    .select({
      actions: sql<string>`(select coalesce(json_agg(x order by x.position), '[]')::text from (
        select a.id, a.code, a.position, a.title, a.description, a.verified, a.source_url as "sourceUrl",
          a.target_date as "targetDate", a.update_interval_days as "updateIntervalDays",
          cur.status, cur.percent, cur.occurred_on as "occurredOn", cur.published_at as "publishedAt", cur.illustrative
        from ${actions} a
        left join lateral (
          select pu.status, pu.percent, pu.occurred_on, pu.published_at, pu.illustrative
          from ${progressUpdates} pu
          where pu.action_id = a.id and ${counting}
          order by pu.occurred_on desc, pu.published_at desc, pu.id desc
          limit 1
        ) cur on true
      ) x)`,
      mapping: sql<string>`(select coalesce(json_agg(json_build_object('actionId', m.action_id, 'visionId', m.vision_id, 'weight', m.weight)), '[]')::text from ${actionVisions} m)`,
      visions: sql<string>`(select coalesce(json_agg(v order by v.position), '[]')::text from (
        select id, code, position, theme, title, description, verified, source_url as "sourceUrl", target_date as "targetDate" from ${visions}
      ) v)`,
      plan: sql<string | null>`(select row_to_json(p)::text from (
        select code, title, description, source_url as "sourceUrl", announced_on as "announcedOn", announced_at as "announcedAt"
        from ${plans} order by id limit 1
      ) p)`,
    })
    .from(sql`(select 1) as one`);
  if (!row) return { plan: null, actionRows: [], mapping: [], visionList: [] };
  const actionRows = (JSON.parse(row.actions) as (Omit<ActionRow, "publishedAt"> & { publishedAt: string | null })[]).map((a) => ({
    ...a,
    publishedAt: a.publishedAt ? new Date(a.publishedAt) : null,
  }));
  return {
    plan: row.plan ? (JSON.parse(row.plan) as PlanSummary) : null,
    actionRows,
    mapping: JSON.parse(row.mapping) as MappingRow[],
    visionList: JSON.parse(row.visions) as VisionRow[],
  };
}

function assemble(actionRows: ActionRow[], mapping: MappingRow[], visionList: VisionRow[]): { actions: ActionSummary[]; visions: VisionSummary[] } {
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

export type PlanState = { actions: ActionSummary[]; visions: VisionSummary[] };

export async function getPlanState(cutoff?: Date): Promise<PlanState> {
  const { actionRows, mapping, visionList } = await planStateRows(cutoff);
  return assemble(actionRows, mapping, visionList);
}

/** The plan state with the plan's own summary, still one query. */
async function getPlanStateWithSummary(cutoff?: Date): Promise<PlanState & { plan: PlanSummary | null }> {
  const { plan, actionRows, mapping, visionList } = await planStateRows(cutoff);
  return { plan, ...assemble(actionRows, mapping, visionList) };
}

const replacedBy = alias(updateCorrections, "replaced_by");
const correcting = alias(updateCorrections, "correcting");

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
  correctionKind: replacedBy.kind,
  correctionReason: replacedBy.reason,
  correctionAt: replacedBy.createdAt,
  correctionReplacementId: replacedBy.replacementId,
  correctsId: correcting.updateId,
};

/**
 * Published updates with what had happened to each by the cutoff (corrected,
 * retracted, or itself a correction), in the same query: the corrections are
 * joined, not fetched per list.
 */
function publicUpdatesQuery(where: SQL | undefined, cutoff: Date | undefined) {
  return db
    .select(publicUpdateColumns)
    .from(progressUpdates)
    .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
    .leftJoin(replacedBy, and(eq(replacedBy.updateId, progressUpdates.id), cutoff ? lt(replacedBy.createdAt, cutoff) : undefined))
    .leftJoin(correcting, and(eq(correcting.replacementId, progressUpdates.id), cutoff ? lt(correcting.createdAt, cutoff) : undefined))
    .where(and(publishedBy(cutoff), where));
}

type UpdateRow = Awaited<ReturnType<typeof publicUpdatesQuery>>[number];

function toPublicUpdate(r: UpdateRow): PublicUpdate {
  return {
    id: r.id,
    actionCode: r.actionCode,
    actionTitle: r.actionTitle,
    status: r.status,
    percent: r.percent,
    narrative: r.narrative,
    evidenceLinks: r.evidenceLinks,
    occurredOn: r.occurredOn,
    publishedAt: iso(r.publishedAt) ?? "",
    illustrative: r.illustrative,
    correction:
      r.correctionKind && r.correctionAt
        ? { kind: r.correctionKind, reason: r.correctionReason ?? "", at: r.correctionAt.toISOString(), replacementId: r.correctionReplacementId }
        : null,
    correctsId: r.correctsId ?? null,
  };
}

export async function listLatestUpdates(limit = 10, cutoff?: Date): Promise<PublicUpdate[]> {
  const rows = await publicUpdatesQuery(undefined, cutoff)
    .orderBy(desc(progressUpdates.publishedAt), desc(progressUpdates.id))
    .limit(limit);
  return rows.map(toPublicUpdate);
}

export async function getOverview(cutoff?: Date): Promise<Overview> {
  const [{ plan, ...state }, latestUpdates] = await Promise.all([getPlanStateWithSummary(cutoff), listLatestUpdates(8, cutoff)]);
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
): Promise<{ action: ActionSummary; timeline: PublicUpdate[]; plan: PlanSummary | null } | null> {
  const [state, rows] = await Promise.all([
    getPlanStateWithSummary(cutoff),
    publicUpdatesQuery(eq(actions.code, code), cutoff).orderBy(
      desc(progressUpdates.occurredOn),
      desc(progressUpdates.publishedAt),
      desc(progressUpdates.id),
    ),
  ]);
  const action = state.actions.find((a) => a.code === code);
  if (!action) return null;
  return { action, timeline: rows.map(toPublicUpdate), plan: state.plan };
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

/**
 * The assessments that count as of the cutoff, oldest first: the raw
 * material of the progress-over-time chart. Only the last one of each day
 * per action is returned (by publication time), since a day's chart point
 * is taken after its last assessment. Today's view reads the precomputed
 * action_day_states (kept by triggers, see migration 0006), so its cost
 * follows the number of days, not the number of updates; a past view
 * replays progress_updates and is cached for long.
 */
export async function listHistoryPoints(cutoff?: Date): Promise<HistoryPoint[]> {
  if (!cutoff) {
    // One JSON text instead of thousands of rows: decoding rows is the expensive part, on PGlite above all.
    const [row] = await db
      .select({
        points: sql<string>`coalesce(json_agg(json_build_array(${actions.code}, ${actionDayStates.occurredOn}, ${actionDayStates.percent}, ${actionDayStates.status})
          order by ${actionDayStates.occurredOn}, ${actions.position}), '[]')::text`,
      })
      .from(actionDayStates)
      .innerJoin(actions, eq(actions.id, actionDayStates.actionId));
    const points = JSON.parse(row?.points ?? "[]") as [string, string, number, ProgressStatus][];
    return points.map(([actionCode, occurredOn, percent, status]) => ({ actionCode, occurredOn, percent, status }));
  }
  const rows = await db
    .selectDistinctOn([progressUpdates.actionId, progressUpdates.occurredOn], {
      actionCode: actions.code,
      occurredOn: progressUpdates.occurredOn,
      percent: progressUpdates.percent,
      status: progressUpdates.status,
      position: actions.position,
    })
    .from(progressUpdates)
    .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
    .where(countingUpdatesBy(cutoff))
    .orderBy(progressUpdates.actionId, progressUpdates.occurredOn, desc(progressUpdates.publishedAt), desc(progressUpdates.id));
  return rows
    .sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.position - b.position))
    .map(({ actionCode, occurredOn, percent, status }) => ({ actionCode, occurredOn, percent, status }));
}
