import { createTranslator, type Messages } from "next-intl";
import { describe, expect, it } from "vitest";
import messages from "@/messages/en/public.json";
import type { DisplayStatus } from "@/lib/vocabulary";
import { compareStates, comparisonSummary } from "./compare";

const t = createTranslator<Messages>({ locale: "en", messages: { public: messages } });
const action = (code: string, status: DisplayStatus, percent: number | null) => ({ code, title: `Title ${code}`, status, percent });

describe("compareStates", () => {
  it("lines up each action and counts status changes", () => {
    const c = compareStates(
      [action("A1", "in_progress", 15), action("A2", "not_yet_assessed", null), action("A3", "on_track", 40)],
      [action("A1", "on_track", 40), action("A2", "planned", 0), action("A3", "on_track", 40)],
    );
    expect(c.rows.map((r) => [r.code, r.statusChanged, r.change])).toEqual([
      ["A1", true, 25],
      ["A2", true, 0],
      ["A3", false, 0],
    ]);
    expect(c.statusChanges).toBe(2);
    expect(c.averageFrom).toBe(18.3);
    expect(c.averageTo).toBe(26.7);
    expect(c.averageChange).toBe(8.4);
  });

  it("treats an action missing on one side as not yet assessed", () => {
    const c = compareStates([action("A1", "in_progress", 20)], [action("A1", "in_progress", 20), action("A2", "on_track", 30)]);
    expect(c.rows[1]).toMatchObject({ code: "A2", fromStatus: "not_yet_assessed", fromPercent: null, toPercent: 30, change: 30, statusChanged: true });
  });

  it("counts a fall as a negative change", () => {
    const c = compareStates([action("A1", "on_track", 60)], [action("A1", "at_risk", 45)]);
    expect(c.rows[0]?.change).toBe(-15);
    expect(c.averageChange).toBe(-15);
  });
});

describe("comparisonSummary", () => {
  const render = (from: ReturnType<typeof action>[], to: ReturnType<typeof action>[]) => {
    const s = comparisonSummary(compareStates(from, to));
    return t(`public.summaries.${s.key}`, s.values);
  };

  it("says how many changed status and how the average moved", () => {
    expect(
      render(
        [action("A1", "in_progress", 10), action("A2", "planned", 0), action("A3", "planned", 0), action("A4", "on_track", 50)],
        [action("A1", "on_track", 40), action("A2", "in_progress", 10), action("A3", "at_risk", 10), action("A4", "on_track", 50)],
      ),
    ).toBe("3 actions changed status; average progress rose by 12.5 points, from 15% to 27.5%.");
  });

  it("has wording for a fall, a single change and no change", () => {
    expect(render([action("A1", "on_track", 60)], [action("A1", "at_risk", 59)])).toBe(
      "1 action changed status; average progress fell by 1 point, from 60% to 59%.",
    );
    expect(render([action("A1", "on_track", 60)], [action("A1", "on_track", 60)])).toBe(
      "No action changed status; average progress stayed at 60%.",
    );
  });
});
