import { isRealIsoDate } from "./validation/fields";

/**
 * Which moment a public page shows: now, the end of a past day, or a
 * closed reporting round. Every view resolves to one exclusive cut-off
 * instant (or none, for now) that the queries apply.
 */
export type View =
  | { kind: "live" }
  | { kind: "asOf"; date: string }
  | { kind: "round"; slug: string; name: string; cutoffDate: string; closedAt: string };

export const LIVE: View = { kind: "live" };

/** The instant just after the given UTC day: "as of 2025-03-01" includes everything published on that day, UTC. */
export function endOfDayCutoff(date: string): Date {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

export function cutoffOf(view: View): Date | undefined {
  if (view.kind === "live") return undefined;
  if (view.kind === "asOf") return endOfDayCutoff(view.date);
  const end = endOfDayCutoff(view.cutoffDate);
  const closed = new Date(view.closedAt);
  return closed < end ? closed : end;
}

/** Parses `?asOf=`: a real past-or-present date, else null (the caller answers 400 or ignores it). */
export function parseAsOf(value: string | null | undefined, now = new Date()): string | null {
  if (!value || !isRealIsoDate(value)) return null;
  return value <= now.toISOString().slice(0, 10) ? value : null;
}

/** The date a view's staleness and "days ago" are measured against. */
export function referenceTime(view: View, now = new Date()): Date {
  const cutoff = cutoffOf(view);
  return cutoff && cutoff < now ? new Date(cutoff.getTime() - 1) : now;
}

/** Query string that keeps a reader inside the same past view as they follow links. */
export function viewQuery(view: View): string {
  if (view.kind === "asOf") return `?asOf=${view.date}`;
  if (view.kind === "round") return `?round=${encodeURIComponent(view.slug)}`;
  return "";
}
