import type { HistoryRow } from "@/lib/history";

/** More rows than this and the progress-over-time chart and its table show one row per week, or per month. */
export const MAX_HISTORY_ROWS = 60;

function weekKey(date: string): string {
  // The Monday (UTC) of the date's week.
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

const monthKey = (date: string) => date.slice(0, 7);
const yearKey = (date: string) => date.slice(0, 4);

/** The last row of each period, in order: where every line stood at the end of it. */
function lastPer<T>(rows: readonly T[], dateOf: (row: T) => string, key: (date: string) => string): T[] {
  const out: T[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const next = rows[i + 1];
    if (row !== undefined && (next === undefined || key(dateOf(next)) !== key(dateOf(row)))) out.push(row);
  }
  return out;
}

/** compactHistory for any date-ordered rows (oldest first), e.g. one action's assessments. */
export function compactByDate<T>(rows: readonly T[], dateOf: (row: T) => string, max = MAX_HISTORY_ROWS): readonly T[] {
  if (rows.length <= max) return rows;
  for (const key of [weekKey, monthKey]) {
    const compact = lastPer(rows, dateOf, key);
    if (compact.length <= max) return compact;
  }
  return lastPer(rows, dateOf, yearKey);
}

/**
 * Keeps the chart and its data table readable (and the page's size bounded)
 * however many days carry assessments: up to MAX_HISTORY_ROWS rows are shown
 * as they are; beyond that, one row per week, else per month, else per year,
 * each the state after the period's last assessment (its date is that
 * assessment's date). The last row is always today's latest state.
 */
export function compactHistory(rows: readonly HistoryRow[], max = MAX_HISTORY_ROWS): readonly HistoryRow[] {
  return compactByDate(rows, (r) => r.date, max);
}
