const STEPS_IN_MONTHS = [1, 2, 3, 6, 12, 24, 60] as const;
const LONGEST_STEP = 60;

/**
 * Axis ticks on the first day of a month (UTC) between two instants, at the
 * smallest regular step (1, 2, 3, 6, 12… months) that keeps them to at most
 * `maxTicks`, so labels never repeat a month or crowd each other.
 */
export function monthTicks(min: number, max: number, maxTicks = 6): number[] {
  if (!(max >= min)) return [];
  const start = new Date(min);
  // The first month start at or after min.
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth();
  if (Date.UTC(year, month, 1) < min) month += 1;
  const months: number[] = [];
  for (let t = Date.UTC(year, month, 1); t <= max; t = Date.UTC(year, month, 1)) {
    months.push(t);
    month += 1;
    if (month > 11) {
      month = 0;
      year += 1;
    }
  }
  const step = STEPS_IN_MONTHS.find((s) => Math.ceil(months.length / s) <= maxTicks) ?? LONGEST_STEP;
  // Multi-month steps start on a calendar boundary (January, April…) so a year reads naturally.
  return months.filter((t) => (new Date(t).getUTCFullYear() * 12 + new Date(t).getUTCMonth()) % step === 0);
}
