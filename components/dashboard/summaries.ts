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
