import { describe, expect, it } from "vitest";
import { projectCompletion } from "./projection";

describe("projectCompletion", () => {
  it("says so instead of guessing when there is too little data or no target", () => {
    expect(projectCompletion([{ occurredOn: "2025-01-01", percent: 20 }], "2025-12-31")).toEqual({ kind: "insufficientData", points: 1 });
    expect(projectCompletion([], "2025-12-31")).toEqual({ kind: "insufficientData", points: 0 });
    // Two assessments on one day are one data point.
    expect(projectCompletion([{ occurredOn: "2025-01-01", percent: 20 }, { occurredOn: "2025-01-01", percent: 30 }], "2025-12-31").kind).toBe("insufficientData");
    expect(projectCompletion([{ occurredOn: "2025-01-01", percent: 20 }, { occurredOn: "2025-02-01", percent: 30 }], null)).toEqual({ kind: "noTarget" });
  });

  it("extends the recent rate from the latest point and compares with the target", () => {
    // 10 points every 10 days = 1 point/day; from 50% on 2025-01-21, 100% is 50 days later.
    const points = [
      { occurredOn: "2025-01-01", percent: 30 },
      { occurredOn: "2025-01-11", percent: 40 },
      { occurredOn: "2025-01-21", percent: 50 },
    ];
    const behind = projectCompletion(points, "2025-02-28");
    expect(behind).toMatchObject({ kind: "projected", date: "2025-03-12", daysFromTarget: 12, onTime: false });
    const ahead = projectCompletion(points, "2025-06-30");
    expect(ahead).toMatchObject({ kind: "projected", date: "2025-03-12", onTime: true });
    expect(ahead.kind === "projected" && ahead.daysFromTarget).toBe(-110);
  });

  it("uses only the most recent points for the rate", () => {
    const points = [
      { occurredOn: "2024-01-01", percent: 0 },
      { occurredOn: "2024-01-02", percent: 50 },
      { occurredOn: "2025-01-01", percent: 60 },
      { occurredOn: "2025-01-11", percent: 70 },
      { occurredOn: "2025-01-21", percent: 80 },
    ];
    expect(projectCompletion(points, "2025-12-31")).toMatchObject({ kind: "projected", date: "2025-02-10" });
  });

  it("refuses to project flat or falling progress, and knows a completed action", () => {
    expect(projectCompletion([{ occurredOn: "2025-01-01", percent: 40 }, { occurredOn: "2025-03-01", percent: 40 }], "2025-12-31")).toEqual({ kind: "noProgress" });
    expect(projectCompletion([{ occurredOn: "2025-01-01", percent: 60 }, { occurredOn: "2025-03-01", percent: 40 }], "2025-12-31")).toEqual({ kind: "noProgress" });
    expect(projectCompletion([{ occurredOn: "2025-01-01", percent: 60 }, { occurredOn: "2025-03-01", percent: 100 }], "2025-12-31")).toEqual({ kind: "completed" });
  });
});
