import { describe, expect, it } from "vitest";
import type { ProgressStatus } from "@/lib/vocabulary";
import { progressPoints, statusChanges } from "./status-changes";

let nextId = 1;
const update = (occurredOn: string, status: ProgressStatus, percent: number, extra: { correction?: object | null; publishedAt?: string; id?: number } = {}) => ({
  id: extra.id ?? nextId++,
  status,
  percent,
  occurredOn,
  publishedAt: extra.publishedAt ?? `${occurredOn}T12:00:00.000Z`,
  correction: extra.correction ?? null,
});

describe("statusChanges", () => {
  it("replays counting updates in the order progress happened, starting from not yet assessed", () => {
    // Newest first, as the timeline query returns them.
    const timeline = [
      update("2025-05-06", "on_track", 65),
      update("2024-12-03", "on_track", 40),
      update("2024-09-25", "in_progress", 15),
    ];
    expect(statusChanges(timeline).map(({ date, from, to }) => ({ date, from, to }))).toEqual([
      { date: "2024-09-25", from: "not_yet_assessed", to: "in_progress" },
      { date: "2024-12-03", from: "in_progress", to: "on_track" },
    ]);
  });

  it("skips corrected and retracted updates", () => {
    const timeline = [
      update("2025-03-01", "at_risk", 20, { correction: { kind: "retracted" } }),
      update("2025-02-01", "delayed", 10, { correction: { kind: "corrected" } }),
      update("2025-02-01", "in_progress", 10, { publishedAt: "2025-02-10T00:00:00.000Z" }),
    ];
    expect(statusChanges(timeline).map((c) => c.to)).toEqual(["in_progress"]);
  });

  it("breaks ties on one day by publication, then id, like the current assessment", () => {
    const timeline = [
      update("2025-02-01", "on_track", 30, { publishedAt: "2025-02-02T00:00:00.000Z", id: 7 }),
      update("2025-02-01", "at_risk", 30, { publishedAt: "2025-02-03T00:00:00.000Z", id: 5 }),
    ];
    const changes = statusChanges(timeline);
    expect(changes.map((c) => c.to)).toEqual(["on_track", "at_risk"]);
    expect(changes.at(-1)?.updateId).toBe(5);
  });

  it("is empty without counting updates", () => {
    expect(statusChanges([])).toEqual([]);
    expect(statusChanges([update("2025-01-01", "planned", 0, { correction: { kind: "retracted" } })])).toEqual([]);
  });
});

describe("progressPoints", () => {
  it("keeps one point per date, oldest first, the last of a day standing", () => {
    const timeline = [
      update("2025-05-06", "on_track", 65, { publishedAt: "2025-05-07T00:00:00.000Z" }),
      update("2025-05-06", "on_track", 55, { publishedAt: "2025-05-06T00:00:00.000Z" }),
      update("2025-03-01", "on_track", 90, { correction: { kind: "corrected" } }),
      update("2024-09-25", "in_progress", 15),
    ];
    expect(progressPoints(timeline)).toEqual([
      { occurredOn: "2024-09-25", percent: 15 },
      { occurredOn: "2025-05-06", percent: 65 },
    ]);
  });
});
