import { NOT_YET_ASSESSED, type DisplayStatus, type ProgressStatus } from "@/lib/vocabulary";

export type TimelineEntry = {
  id: number;
  status: ProgressStatus;
  occurredOn: string;
  publishedAt: string;
  correction: unknown;
};

export type StatusChange = { updateId: number; date: string; from: DisplayStatus; to: ProgressStatus };

/**
 * The moments an action's status changed, oldest first. Only updates that
 * still count are replayed (a corrected or retracted one never "happened"),
 * in the order progress happened, with the same tie-breaks as the query that
 * picks the current assessment, so the last change always lands on the
 * status the page shows.
 */
export function statusChanges(timeline: readonly TimelineEntry[]): StatusChange[] {
  const changes: StatusChange[] = [];
  let current: DisplayStatus = NOT_YET_ASSESSED;
  for (const u of counting(timeline)) {
    if (u.status === current) continue;
    changes.push({ updateId: u.id, date: u.occurredOn, from: current, to: u.status });
    current = u.status;
  }
  return changes;
}

function counting<T extends TimelineEntry>(timeline: readonly T[]): T[] {
  return timeline
    .filter((u) => !u.correction)
    .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.publishedAt.localeCompare(b.publishedAt) || a.id - b.id);
}

/**
 * The action's percent on each date it was assessed, oldest first, from the
 * updates that still count; of several on one day the last one stands, as
 * in the projection.
 */
export function progressPoints(timeline: readonly (TimelineEntry & { percent: number })[]): { occurredOn: string; percent: number }[] {
  const byDate = new Map<string, number>();
  for (const u of counting(timeline)) byDate.set(u.occurredOn, u.percent);
  return [...byDate.entries()].map(([occurredOn, percent]) => ({ occurredOn, percent }));
}
