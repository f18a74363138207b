import { describe, expect, it } from "vitest";
import { buildHistory } from "./history";

const mapping = [
  { actionCode: "A1", visionCode: "V1", weight: 1 },
  { actionCode: "A2", visionCode: "V1", weight: 3 },
  { actionCode: "A2", visionCode: "V2", weight: 1 },
];

describe("buildHistory", () => {
  it("replays assessments in the order progress happened, one row per date", () => {
    const rows = buildHistory(
      [
        { actionCode: "A2", occurredOn: "2025-02-01", percent: 40, status: "on_track" },
        { actionCode: "A1", occurredOn: "2025-01-01", percent: 20, status: "in_progress" },
        { actionCode: "A1", occurredOn: "2025-02-01", percent: 60, status: "on_track" },
      ],
      ["A1", "A2"],
      mapping,
    );
    expect(rows).toEqual([
      { date: "2025-01-01", plan: 10, visions: { V1: 5, V2: 0 }, actions: { A1: 20, A2: null } },
      { date: "2025-02-01", plan: 50, visions: { V1: 45, V2: 40 }, actions: { A1: 60, A2: 40 } },
    ]);
  });

  it("is empty without assessments", () => {
    expect(buildHistory([], ["A1"], mapping)).toEqual([]);
  });
});
