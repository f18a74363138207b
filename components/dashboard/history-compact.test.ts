import { describe, expect, it } from "vitest";
import type { HistoryRow } from "@/lib/history";
import { compactHistory } from "./history-compact";

const row = (date: string, plan: number): HistoryRow => ({ date, plan, visions: {}, actions: {} });

function days(from: string, count: number): HistoryRow[] {
  const start = new Date(`${from}T00:00:00Z`).getTime();
  return Array.from({ length: count }, (_, i) => row(new Date(start + i * 86_400_000).toISOString().slice(0, 10), i));
}

describe("compactHistory", () => {
  it("keeps short histories as they are", () => {
    const rows = days("2025-01-01", 60);
    expect(compactHistory(rows)).toBe(rows);
  });

  it("takes the last row of each week when there are too many days", () => {
    const rows = days("2025-01-06", 70); // a Monday; ten full weeks
    const compact = compactHistory(rows);
    expect(compact).toHaveLength(10);
    expect(compact.map((r) => r.date).slice(0, 2)).toEqual(["2025-01-12", "2025-01-19"]);
    expect(compact.at(-1)).toBe(rows.at(-1));
  });

  it("falls back to months, then years, and always ends on the latest state", () => {
    const rows = days("2024-01-01", 800);
    const compact = compactHistory(rows);
    expect(compact.length).toBeLessThanOrEqual(60);
    expect(compact.map((r) => r.date.slice(0, 7))).toEqual([...new Set(rows.map((r) => r.date.slice(0, 7)))]);
    expect(compact.at(-1)).toBe(rows.at(-1));
    expect(compactHistory(days("2000-01-01", 9000)).map((r) => r.date.slice(0, 4))).toHaveLength(25);
  });
});
