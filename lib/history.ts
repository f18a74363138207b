import { averagePercent, rollUp } from "./rollup";
import type { ProgressStatus } from "./vocabulary";

export type HistoryInputPoint = { actionCode: string; occurredOn: string; percent: number; status: ProgressStatus };
export type Mapping = { actionCode: string; visionCode: string; weight: number };

/** One row per date on which any assessment happened: the plan's, each vision's and each action's percent on that date. */
export type HistoryRow = {
  date: string;
  plan: number;
  visions: Record<string, number>;
  actions: Record<string, number | null>;
};

/**
 * Replays the published history in the order progress happened. On each
 * date, every action stands at its latest assessment so far (unassessed
 * counts as 0 in the plan and vision figures, as on the dashboard).
 */
export function buildHistory(points: readonly HistoryInputPoint[], actionCodes: readonly string[], mapping: readonly Mapping[]): HistoryRow[] {
  const sorted = [...points].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
  const current = new Map<string, { percent: number; status: ProgressStatus }>();
  const visionCodes = [...new Set(mapping.map((m) => m.visionCode))].sort(byCodeNumber);
  const rows: HistoryRow[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i];
    if (!p) continue;
    current.set(p.actionCode, { percent: p.percent, status: p.status });
    const next = sorted[i + 1];
    // Several assessments on one day make one row, taken after the last of them.
    if (next && next.occurredOn === p.occurredOn) continue;
    const actions = Object.fromEntries(actionCodes.map((c) => [c, current.get(c)?.percent ?? null]));
    const visions = Object.fromEntries(
      visionCodes.map((v) => [
        v,
        rollUp(
          mapping
            .filter((m) => m.visionCode === v)
            .map((m) => ({ weight: m.weight, status: current.get(m.actionCode)?.status ?? null, percent: current.get(m.actionCode)?.percent ?? null })),
        ).percent,
      ]),
    );
    rows.push({ date: p.occurredOn, plan: averagePercent(actionCodes.map((c) => ({ percent: current.get(c)?.percent ?? null }))), visions, actions });
  }
  return rows;
}

function byCodeNumber(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1));
}
