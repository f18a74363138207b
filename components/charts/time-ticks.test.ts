import { describe, expect, it } from "vitest";
import { monthTicks } from "./time-ticks";

const iso = (ticks: number[]) => ticks.map((t) => new Date(t).toISOString().slice(0, 10));

describe("monthTicks", () => {
  it("puts a tick on each month start when few months are shown", () => {
    expect(iso(monthTicks(Date.UTC(2024, 6, 10), Date.UTC(2024, 9, 2)))).toEqual(["2024-08-01", "2024-09-01", "2024-10-01"]);
  });

  it("includes a month start that falls exactly on the minimum", () => {
    expect(iso(monthTicks(Date.UTC(2024, 6, 1), Date.UTC(2024, 7, 1)))).toEqual(["2024-07-01", "2024-08-01"]);
  });

  it("widens the step to stay within the limit, on calendar boundaries", () => {
    const ticks = iso(monthTicks(Date.UTC(2024, 5, 11), Date.UTC(2025, 7, 15), 6));
    expect(ticks).toEqual(["2024-07-01", "2024-10-01", "2025-01-01", "2025-04-01", "2025-07-01"]);
  });

  it("never repeats a month and is empty for an empty range", () => {
    const ticks = monthTicks(Date.UTC(2020, 0, 1), Date.UTC(2026, 0, 1), 6);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(monthTicks(10, 5)).toEqual([]);
  });
});
