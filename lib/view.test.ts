import { describe, expect, it } from "vitest";
import { cutoffOf, endOfDayCutoff, parseAsOf, referenceTime, viewQuery } from "./view";

describe("views", () => {
  it("an as-of date covers the whole UTC day", () => {
    expect(endOfDayCutoff("2025-03-01").toISOString()).toBe("2025-03-02T00:00:00.000Z");
    expect(endOfDayCutoff("2024-12-31").toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(endOfDayCutoff("2024-02-28").toISOString()).toBe("2024-02-29T00:00:00.000Z");
  });

  it("a round is frozen at the earlier of its cut-off day's end and its closing", () => {
    const closedLate = { kind: "round", slug: "q1", name: "Q1", cutoffDate: "2025-03-31", closedAt: "2025-04-10T09:00:00.000Z" } as const;
    expect(cutoffOf(closedLate)?.toISOString()).toBe("2025-04-01T00:00:00.000Z");
    const closedSameDay = { ...closedLate, closedAt: "2025-03-31T15:00:00.000Z" };
    expect(cutoffOf(closedSameDay)?.toISOString()).toBe("2025-03-31T15:00:00.000Z");
    expect(cutoffOf({ kind: "live" })).toBeUndefined();
  });

  it("accepts only real dates that are not in the future", () => {
    const now = new Date("2025-06-15T10:00:00Z");
    expect(parseAsOf("2025-06-15", now)).toBe("2025-06-15");
    expect(parseAsOf("2025-06-16", now)).toBeNull();
    expect(parseAsOf("2025-02-30", now)).toBeNull();
    expect(parseAsOf("yesterday", now)).toBeNull();
    expect(parseAsOf(null, now)).toBeNull();
  });

  it("measures staleness of a past view at its own moment, and keeps readers in it", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(referenceTime({ kind: "asOf", date: "2025-03-01" }, now).toISOString()).toBe("2025-03-01T23:59:59.999Z");
    expect(referenceTime({ kind: "live" }, now)).toBe(now);
    expect(viewQuery({ kind: "asOf", date: "2025-03-01" })).toBe("?asOf=2025-03-01");
    expect(viewQuery({ kind: "round", slug: "q1", name: "Q1", cutoffDate: "2025-03-31", closedAt: "2025-04-01T00:00:00Z" })).toBe("?round=q1");
    expect(viewQuery({ kind: "live" })).toBe("");
  });
});
