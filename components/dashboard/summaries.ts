import { STATUSES_BY_SEVERITY } from "@/lib/rollup";
import { DISPLAY_STATUSES, NOT_YET_ASSESSED, type DisplayStatus } from "@/lib/vocabulary";

/*
 * One-line text summaries of the dashboard charts. They return a message key
 * in the "public.summaries" namespace plus its ICU values, so the wording and
 * the plural rules live in the message catalog and stay translatable, while
 * the choice of what to say is plain, testable code.
 */

export type SummaryValues = Record<string, string | number>;
export type Summary = { key: string; values: SummaryValues };

/** Joins codes the way the page language does ("A5 and A6"); injected so this module needs no Intl setup. */
export type ListFormatter = (items: string[]) => string;

// A tie for the most common status reports the more worrying one, as the vision roll-up does.
const SEVERITY_ORDER = STATUSES_BY_SEVERITY;

export function statusSummary(counts: Readonly<Record<DisplayStatus, number>>): Summary {
  const total = DISPLAY_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  if (total === 0) return { key: "statusEmpty", values: {} };
  const unassessed = counts[NOT_YET_ASSESSED] ?? 0;
  if (unassessed === total) return { key: "statusUnassessed", values: { total } };
  let leading: DisplayStatus = SEVERITY_ORDER[0] ?? "delayed";
  let leadingCount = -1;
  for (const status of SEVERITY_ORDER) {
    const count = counts[status] ?? 0;
    if (count > leadingCount) {
      leading = status;
      leadingCount = count;
    }
  }
  return { key: "status", values: { count: leadingCount, total, status: leading, unassessed } };
}

export type ActionProgressPoint = { code: string; percent: number | null };

export function actionProgressSummary(actions: readonly ActionProgressPoint[], list: ListFormatter): Summary {
  const total = actions.length;
  if (total === 0) return { key: "actionsEmpty", values: {} };
  const assessed = actions.filter((a): a is { code: string; percent: number } => a.percent !== null);
  if (assessed.length === 0) return { key: "actionsUnassessed", values: { total } };
  const average = round1(actions.reduce((sum, a) => sum + (a.percent ?? 0), 0) / total);
  const topPercent = Math.max(...assessed.map((a) => a.percent));
  const top = assessed.filter((a) => a.percent === topPercent).map((a) => a.code);
  return {
    key: "actions",
    values: {
      total,
      average,
      topCount: top.length,
      topCodes: list(top),
      topPercent,
      unassessed: total - assessed.length,
    },
  };
}

export type VisionProgressPoint = { code: string; percent: number; coverage: number };

export function visionProgressSummary(visions: readonly VisionProgressPoint[], list: ListFormatter): Summary {
  const total = visions.length;
  if (total === 0) return { key: "visionsEmpty", values: {} };
  const unassessed = visions.filter((v) => v.coverage === 0).length;
  const min = Math.min(...visions.map((v) => v.percent));
  const max = Math.max(...visions.map((v) => v.percent));
  if (min === max) return { key: "visionsEqual", values: { total, percent: min, unassessed } };
  const codesAt = (percent: number) => list(visions.filter((v) => v.percent === percent).map((v) => v.code));
  return {
    key: "visions",
    values: { minPercent: min, minCodes: codesAt(min), maxPercent: max, maxCodes: codesAt(max), unassessed },
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Formats a calendar date for a sentence; injected for the same reason as the list formatter. */
export type DateFormatter = (isoDate: string) => string;

export type HistoryPoint = { date: string; plan: number; visions: Readonly<Record<string, number>> };

/** The plan-wide progress-over-time chart in one line: where the average started and ended, and which vision leads. */
export function historySummary(rows: readonly HistoryPoint[], list: ListFormatter, formatDate: DateFormatter): Summary {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return { key: "historyEmpty", values: {} };
  const visionValues = Object.entries(last.visions);
  const leadPercent = visionValues.length ? Math.max(...visionValues.map(([, v]) => v)) : 0;
  const lead = visionValues.filter(([, v]) => v === leadPercent).map(([code]) => code);
  const leadValues = { leadCount: lead.length, leadCodes: list(lead), leadPercent };
  if (rows.length === 1) return { key: "historySingle", values: { date: formatDate(first.date), plan: first.plan, ...leadValues } };
  return {
    key: "history",
    values: {
      fromDate: formatDate(first.date),
      fromPercent: first.plan,
      toDate: formatDate(last.date),
      toPercent: last.plan,
      count: rows.length,
      ...leadValues,
    },
  };
}

/** One action's progress-over-time chart in one line. */
export function actionHistorySummary(points: readonly { occurredOn: string; percent: number }[], formatDate: DateFormatter): Summary {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return { key: "actionHistoryEmpty", values: {} };
  if (points.length === 1) return { key: "actionHistorySingle", values: { date: formatDate(first.occurredOn), percent: first.percent } };
  return {
    key: "actionHistory",
    values: {
      fromDate: formatDate(first.occurredOn),
      fromPercent: first.percent,
      toDate: formatDate(last.occurredOn),
      toPercent: last.percent,
      count: points.length,
    },
  };
}
