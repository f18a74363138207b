import { describe, expect, it } from "vitest";
import { averagePercent, countByStatus, rollUp } from "./rollup";

describe("rollUp", () => {
  it("is not yet assessed when no action has a published assessment", () => {
    const r = rollUp([
      { status: null, percent: null, weight: 1 },
      { status: null, percent: null, weight: 2 },
    ]);
    expect(r).toEqual({ status: "not_yet_assessed", percent: 0, coverage: 0 });
  });

  it("takes the status carrying the most weight and the weighted mean percent", () => {
    const r = rollUp([
      { status: "on_track", percent: 60, weight: 3 },
      { status: "delayed", percent: 20, weight: 1 },
    ]);
    expect(r.status).toBe("on_track");
    expect(r.percent).toBe(50);
    expect(r.coverage).toBe(1);
  });

  it("breaks a weight tie toward the more worrying status", () => {
    const r = rollUp([
      { status: "on_track", percent: 80, weight: 2 },
      { status: "at_risk", percent: 40, weight: 2 },
    ]);
    expect(r.status).toBe("at_risk");
  });

  it("counts an unassessed action as 0% and reports partial coverage", () => {
    const r = rollUp([
      { status: "completed", percent: 100, weight: 1 },
      { status: null, percent: null, weight: 3 },
    ]);
    expect(r.status).toBe("completed");
    expect(r.percent).toBe(25);
    expect(r.coverage).toBe(0.25);
  });

  it("sums weights per status before comparing", () => {
    const r = rollUp([
      { status: "in_progress", percent: 10, weight: 1 },
      { status: "in_progress", percent: 10, weight: 1 },
      { status: "delayed", percent: 10, weight: 1.5 },
    ]);
    expect(r.status).toBe("in_progress");
  });
});

describe("averagePercent and countByStatus", () => {
  it("averages with unassessed as 0", () => {
    expect(averagePercent([{ percent: 50 }, { percent: null }, { percent: 100 }])).toBe(50);
    expect(averagePercent([])).toBe(0);
  });

  it("counts every display status, including zeros", () => {
    const counts = countByStatus([{ status: "on_track" }, { status: "on_track" }, { status: "not_yet_assessed" }]);
    expect(counts.on_track).toBe(2);
    expect(counts.not_yet_assessed).toBe(1);
    expect(counts.delayed).toBe(0);
    expect(Object.keys(counts)).toHaveLength(8);
  });
});
