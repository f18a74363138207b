const DAY_MS = 86_400_000;
/** How many of the latest data points define the "recent" rate. */
export const PROJECTION_WINDOW = 3;

export type ProjectionPoint = { occurredOn: string; percent: number };

export type Projection =
  | { kind: "noTarget" }
  | { kind: "insufficientData"; points: number }
  | { kind: "completed" }
  | { kind: "noProgress" }
  | { kind: "projected"; date: string; targetDate: string; daysFromTarget: number; onTime: boolean; ratePerMonth: number };

function dayNumber(date: string): number {
  return Math.round(new Date(`${date}T00:00:00Z`).getTime() / DAY_MS);
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Projects when an action reaches 100% from its recent rate of progress: a
 * least-squares line through its latest assessments (at most
 * PROJECTION_WINDOW, on at least two different dates). It refuses to guess
 * with fewer points, or when progress is flat or falling.
 */
export function projectCompletion(points: readonly ProjectionPoint[], targetDate: string | null): Projection {
  if (!targetDate) return { kind: "noTarget" };
  const byDate = new Map<string, number>();
  for (const p of [...points].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn))) byDate.set(p.occurredOn, p.percent);
  const series = [...byDate.entries()].map(([d, percent]) => ({ x: dayNumber(d), y: percent }));
  const last = series.at(-1);
  if (last && last.y >= 100) return { kind: "completed" };
  if (series.length < 2 || !last) return { kind: "insufficientData", points: series.length };
  const recent = series.slice(-PROJECTION_WINDOW);
  const n = recent.length;
  const meanX = recent.reduce((s, p) => s + p.x, 0) / n;
  const meanY = recent.reduce((s, p) => s + p.y, 0) / n;
  const sxx = recent.reduce((s, p) => s + (p.x - meanX) ** 2, 0);
  const sxy = recent.reduce((s, p) => s + (p.x - meanX) * (p.y - meanY), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  if (slope <= 0) return { kind: "noProgress" };
  // Continue from the latest assessment at the recent rate.
  const day = Math.ceil(last.x + (100 - last.y) / slope);
  const daysFromTarget = day - dayNumber(targetDate);
  return { kind: "projected", date: dateOf(day), targetDate, daysFromTarget, onTime: daysFromTarget <= 0, ratePerMonth: Math.round(slope * 30.44 * 10) / 10 };
}
