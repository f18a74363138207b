const DAY_MS = 86_400_000;

export type Staleness = {
  /** Whole days since the last published assessment, or since the plan was announced when there is none. */
  daysSince: number;
  overdue: boolean;
  neverUpdated: boolean;
};

/** An action is overdue once its expected update interval has passed without a published update. */
export function staleness(lastUpdatedAt: string | null, intervalDays: number, now: Date, trackingStartedOn: string | null): Staleness {
  const since = lastUpdatedAt ?? (trackingStartedOn ? `${trackingStartedOn}T00:00:00Z` : null);
  if (!since) return { daysSince: 0, overdue: false, neverUpdated: true };
  const daysSince = Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / DAY_MS));
  return { daysSince, overdue: daysSince > intervalDays, neverUpdated: lastUpdatedAt === null };
}
