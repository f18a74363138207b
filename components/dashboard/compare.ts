import { averagePercent } from "@/lib/rollup";
import { NOT_YET_ASSESSED, type DisplayStatus } from "@/lib/vocabulary";
import type { Summary } from "./summaries";

export type ComparedAction = { code: string; title: string; status: DisplayStatus; percent: number | null };

export type ComparisonRow = {
  code: string;
  title: string;
  fromStatus: DisplayStatus;
  toStatus: DisplayStatus;
  fromPercent: number | null;
  toPercent: number | null;
  /** In percentage points; an unassessed action counts as 0%, as in the averages. */
  change: number;
  statusChanged: boolean;
};

export type Comparison = {
  rows: ComparisonRow[];
  statusChanges: number;
  averageFrom: number;
  averageTo: number;
  /** Rounded to one decimal, like the averages themselves. */
  averageChange: number;
};

/**
 * Lines up two states of the plan action by action, in the later state's
 * order. An action missing from one side (added to the plan in between)
 * counts as not yet assessed there.
 */
export function compareStates(from: readonly ComparedAction[], to: readonly ComparedAction[]): Comparison {
  const fromByCode = new Map(from.map((a) => [a.code, a]));
  const toCodes = new Set(to.map((a) => a.code));
  const ordered = [...to, ...from.filter((a) => !toCodes.has(a.code))];
  const toByCode = new Map(to.map((a) => [a.code, a]));
  const rows = ordered.map<ComparisonRow>((a) => {
    const before = fromByCode.get(a.code);
    const after = toByCode.get(a.code);
    const fromStatus = before?.status ?? NOT_YET_ASSESSED;
    const toStatus = after?.status ?? NOT_YET_ASSESSED;
    const fromPercent = before?.percent ?? null;
    const toPercent = after?.percent ?? null;
    return {
      code: a.code,
      title: a.title,
      fromStatus,
      toStatus,
      fromPercent,
      toPercent,
      change: round1((toPercent ?? 0) - (fromPercent ?? 0)),
      statusChanged: fromStatus !== toStatus,
    };
  });
  const averageFrom = averagePercent(from);
  const averageTo = averagePercent(to);
  return {
    rows,
    statusChanges: rows.filter((r) => r.statusChanged).length,
    averageFrom,
    averageTo,
    averageChange: round1(averageTo - averageFrom),
  };
}

/** The comparison in one line, as a message key in "public.summaries" with its values. */
export function comparisonSummary(c: Comparison): Summary {
  const direction = c.averageChange > 0 ? "rose" : c.averageChange < 0 ? "fell" : "same";
  return {
    key: "comparison",
    values: { changed: c.statusChanges, direction, points: Math.abs(c.averageChange), from: c.averageFrom, to: c.averageTo },
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
