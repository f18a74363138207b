import { describe, expect, it } from "vitest";
import { staleness } from "./staleness";

const now = new Date("2025-06-30T12:00:00Z");

describe("staleness", () => {
  it("counts whole days since the last published update", () => {
    expect(staleness("2025-06-20T13:00:00Z", 90, now, "2024-09-25")).toEqual({ daysSince: 9, overdue: false, neverUpdated: false });
  });

  it("is overdue only once the interval has passed", () => {
    expect(staleness("2025-04-01T12:00:00Z", 90, now, null).overdue).toBe(false);
    expect(staleness("2025-03-31T12:00:00Z", 90, now, null).overdue).toBe(true);
    expect(staleness("2025-06-01T00:00:00Z", 14, now, null)).toMatchObject({ daysSince: 29, overdue: true });
  });

  it("measures a never-updated action from the start of tracking", () => {
    expect(staleness(null, 90, now, "2024-09-25")).toEqual({ daysSince: 278, overdue: true, neverUpdated: true });
    expect(staleness(null, 90, now, null)).toEqual({ daysSince: 0, overdue: false, neverUpdated: true });
  });
});
