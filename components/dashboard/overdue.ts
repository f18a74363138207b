import { staleness, type Staleness } from "@/lib/staleness";

export type StalenessInput = { code: string; updatedAt: string | null; updateIntervalDays: number };

/** How fresh one action's published assessment is at the view's moment. */
export function actionStaleness(action: StalenessInput, now: Date, trackingStartedOn: string | null): Staleness {
  return staleness(action.updatedAt, action.updateIntervalDays, now, trackingStartedOn);
}

/** The overdue actions, most overdue first (by days past their interval), then in plan order. */
export function overdueActions<T extends StalenessInput>(
  actions: readonly T[],
  now: Date,
  trackingStartedOn: string | null,
): { action: T; staleness: Staleness; daysPastInterval: number }[] {
  return actions
    .map((action, index) => {
      const s = actionStaleness(action, now, trackingStartedOn);
      return { action, staleness: s, daysPastInterval: s.daysSince - action.updateIntervalDays, index };
    })
    .filter((row) => row.staleness.overdue)
    .sort((a, b) => b.daysPastInterval - a.daysPastInterval || a.index - b.index)
    .map(({ action, staleness: s, daysPastInterval }) => ({ action, staleness: s, daysPastInterval }));
}
