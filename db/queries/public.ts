import { and, asc, desc, eq, sql } from "drizzle-orm";
import { averagePercent, countByStatus, rollUp } from "@/lib/rollup";
import { NOT_YET_ASSESSED, type DisplayStatus, type ProgressStatus } from "@/lib/vocabulary";
import { db } from "../index";
import { actionVisions, actions, plans, progressUpdates, visions, type EvidenceLink } from "../schema";

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
async function actionsWithCurrentState() {
  const current = db
    .select({
      status: progressUpdates.status,
      percent: progressUpdates.percent,
      occurredOn: progressUpdates.occurredOn,
      publishedAt: progressUpdates.publishedAt,
      illustrative: progressUpdates.illustrative,
    })
    .from(progressUpdates)
    .where(and(eq(progressUpdates.actionId, actions.id), eq(progressUpdates.reviewState, "published")))
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

export async function getPlanState(): Promise<{ actions: ActionSummary[]; visions: VisionSummary[] }> {
  const [actionRows, mapping, visionList] = await Promise.all([actionsWithCurrentState(), mappingRows(), visionRows()]);
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

type PublicUpdateRow = { [K in keyof typeof publicUpdateColumns]: unknown } & {
  publishedAt: Date | null;
};

function toPublicUpdate(row: PublicUpdateRow & Omit<PublicUpdate, "publishedAt">): PublicUpdate {
  return { ...row, publishedAt: iso(row.publishedAt) ?? "" };
}

export async function listLatestUpdates(limit = 10): Promise<PublicUpdate[]> {
  const rows = await db
    .select(publicUpdateColumns)
    .from(progressUpdates)
    .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
    .where(eq(progressUpdates.reviewState, "published"))
    .orderBy(desc(progressUpdates.publishedAt), desc(progressUpdates.id))
    .limit(limit);
  return rows.map(toPublicUpdate);
}

export async function getOverview(): Promise<Overview> {
  const [plan, state, latestUpdates] = await Promise.all([getPlanSummary(), getPlanState(), listLatestUpdates(8)]);
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
): Promise<{ action: ActionSummary; timeline: PublicUpdate[] } | null> {
  const [state, rows] = await Promise.all([
    getPlanState(),
    db
      .select(publicUpdateColumns)
      .from(progressUpdates)
      .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
      .where(and(eq(actions.code, code), eq(progressUpdates.reviewState, "published")))
      .orderBy(desc(progressUpdates.occurredOn), desc(progressUpdates.publishedAt), desc(progressUpdates.id)),
  ]);
  const action = state.actions.find((a) => a.code === code);
  if (!action) return null;
  return { action, timeline: rows.map(toPublicUpdate) };
}

export async function getVisionDetail(
  code: string,
): Promise<{ vision: VisionSummary; actions: ActionSummary[] } | null> {
  const state = await getPlanState();
  const vision = state.visions.find((v) => v.code === code);
  if (!vision) return null;
  const codes = new Set(vision.actions.map((a) => a.code));
  return { vision, actions: state.actions.filter((a) => codes.has(a.code)) };
}
