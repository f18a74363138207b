import { describe, expect, it } from "vitest";
import { actionStaleness, overdueActions } from "./overdue";

const now = new Date("2025-06-30T12:00:00Z");
const action = (code: string, updatedAt: string | null, updateIntervalDays = 90) => ({ code, updatedAt, updateIntervalDays });

describe("actionStaleness", () => {
  it("counts whole days since the last published update", () => {
    expect(actionStaleness(action("A1", "2025-06-20T12:00:00Z"), now, "2024-09-25")).toEqual({ daysSince: 10, overdue: false, neverUpdated: false });
  });

  it("counts from the plan's announcement when there is no update yet", () => {
    const s = actionStaleness(action("A2", null), now, "2024-09-25");
    expect(s.neverUpdated).toBe(true);
    expect(s.overdue).toBe(true);
  });
});

describe("overdueActions", () => {
  it("lists only overdue actions, most overdue first, ties in plan order", () => {
    const rows = overdueActions(
      [
        action("A1", "2025-06-20T12:00:00Z"),
        action("A2", "2025-01-01T12:00:00Z"),
        action("A3", "2025-03-01T12:00:00Z", 30),
        action("A4", "2025-01-01T12:00:00Z"),
      ],
      now,
      "2024-09-25",
    );
    expect(rows.map((r) => r.action.code)).toEqual(["A3", "A2", "A4"]);
    expect(rows[0]?.daysPastInterval).toBe(121 - 30);
  });

  it("is empty when every action is fresh", () => {
    expect(overdueActions([action("A1", "2025-06-01T00:00:00Z")], now, null)).toEqual([]);
  });
});
