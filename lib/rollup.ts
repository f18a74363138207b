import { DISPLAY_STATUSES, NOT_YET_ASSESSED, type DisplayStatus, type ProgressStatus } from "./vocabulary";

export type ActionState = {
  status: ProgressStatus | null;
  percent: number | null;
};

export type WeightedActionState = ActionState & { weight: number };

export type Rollup = {
  status: DisplayStatus;
  /** Weighted mean of the actions' percents; an unassessed action counts as 0. */
  percent: number;
  /** Share of the total weight that has a published assessment, 0–1. */
  coverage: number;
};

// When two statuses carry equal weight, the more worrying one wins.
const SEVERITY: Record<DisplayStatus, number> = {
  delayed: 7,
  at_risk: 6,
  not_started: 5,
  planned: 4,
  in_progress: 3,
  on_track: 2,
  completed: 1,
  not_yet_assessed: 0,
};

/** Assessed statuses, most worrying first: the order every tie-break uses. */
export const STATUSES_BY_SEVERITY: readonly DisplayStatus[] = (Object.keys(SEVERITY) as DisplayStatus[])
  .filter((s) => s !== NOT_YET_ASSESSED)
  .sort((a, b) => SEVERITY[b] - SEVERITY[a]);

/**
 * A vision's status is the status carrying the largest share of its
 * actions' weight among assessed actions; its percent is the weighted mean
 * over all its actions.
 */
export function rollUp(items: readonly WeightedActionState[]): Rollup {
  const total = items.reduce((s, i) => s + i.weight, 0);
  if (total <= 0) return { status: NOT_YET_ASSESSED, percent: 0, coverage: 0 };
  const byStatus = new Map<ProgressStatus, number>();
  let assessed = 0;
  let weightedPercent = 0;
  for (const item of items) {
    weightedPercent += (item.percent ?? 0) * item.weight;
    if (item.status) {
      assessed += item.weight;
      byStatus.set(item.status, (byStatus.get(item.status) ?? 0) + item.weight);
    }
  }
  let status: DisplayStatus = NOT_YET_ASSESSED;
  let best = 0;
  for (const [s, w] of byStatus) {
    if (w > best || (w === best && SEVERITY[s] > SEVERITY[status])) {
      status = s;
      best = w;
    }
  }
  return { status, percent: round1(weightedPercent / total), coverage: assessed / total };
}

export function averagePercent(items: readonly { percent: number | null }[]): number {
  if (items.length === 0) return 0;
  return round1(items.reduce((s, i) => s + (i.percent ?? 0), 0) / items.length);
}

export function countByStatus(items: readonly { status: DisplayStatus }[]): Record<DisplayStatus, number> {
  const counts = Object.fromEntries(DISPLAY_STATUSES.map((s) => [s, 0])) as Record<DisplayStatus, number>;
  for (const item of items) counts[item.status] += 1;
  return counts;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
