import { createTranslator, type Messages } from "next-intl";
import { describe, expect, it } from "vitest";
import messages from "@/messages/en/public.json";
import { countByStatus } from "@/lib/rollup";
import type { DisplayStatus } from "@/lib/vocabulary";
import { actionHistorySummary, actionProgressSummary, historySummary, statusSummary, visionProgressSummary, type Summary } from "./summaries";

// Typed as the app's (unregistered) catalog, as in the pages: summary keys are chosen at run time.
const catalog: Messages = { public: messages };
const t = createTranslator<Messages>({ locale: "en", messages: catalog });
const render = (s: Summary) => t(`public.summaries.${s.key}`, s.values);
const list = (items: string[]) => new Intl.ListFormat("en", { type: "conjunction" }).format(items);

const counts = (statuses: DisplayStatus[]) => countByStatus(statuses.map((status) => ({ status })));

describe("statusSummary", () => {
  it("names the most common status and how many are unassessed", () => {
    const s = statusSummary(
      counts([
        "on_track",
        "on_track",
        "on_track",
        "in_progress",
        "delayed",
        "completed",
        "not_yet_assessed",
        "not_yet_assessed",
        "not_yet_assessed",
        "not_yet_assessed",
      ]),
    );
    expect(s).toEqual({ key: "status", values: { count: 3, total: 10, status: "on_track", unassessed: 4 } });
    expect(render(s)).toBe("3 of 10 actions are on track; 4 are not yet assessed.");
  });

  it("breaks a tie towards the more worrying status", () => {
    const s = statusSummary(counts(["on_track", "on_track", "delayed", "delayed"]));
    expect(s.values.status).toBe("delayed");
    expect(render(s)).toBe("2 of 4 actions are delayed; every action has been assessed.");
  });

  it("uses singular forms", () => {
    expect(render(statusSummary(counts(["at_risk", "not_yet_assessed"])))).toBe(
      "1 of 2 actions is at risk; 1 is not yet assessed.",
    );
    expect(render(statusSummary(counts(["completed"])))).toBe("1 of 1 action is completed; every action has been assessed.");
  });

  it("says so when nothing has been assessed or there is nothing at all", () => {
    expect(render(statusSummary(counts(["not_yet_assessed", "not_yet_assessed"])))).toBe(
      "None of the 2 actions has a published assessment yet.",
    );
    expect(render(statusSummary(counts([])))).toBe("There are no actions to summarise yet.");
  });
});

describe("actionProgressSummary", () => {
  it("gives the average over all actions, counting unassessed ones as 0, and the leaders", () => {
    const s = actionProgressSummary(
      [
        { code: "A1", percent: 15 },
        { code: "A2", percent: null },
        { code: "A5", percent: 65 },
        { code: "A6", percent: 65 },
      ],
      list,
    );
    expect(s.values).toMatchObject({ total: 4, average: 36.3, topCount: 2, topCodes: "A5 and A6", topPercent: 65, unassessed: 1 });
    expect(render(s)).toBe(
      "Average progress across 4 actions is 36.3%; furthest along are A5 and A6 at 65%, and 1 action is not yet assessed (counted as 0%).",
    );
  });

  it("handles a single leader with everything assessed", () => {
    const s = actionProgressSummary(
      [
        { code: "A1", percent: 10 },
        { code: "A2", percent: 90 },
      ],
      list,
    );
    expect(render(s)).toBe("Average progress across 2 actions is 50%; furthest along is A2 at 90%.");
  });

  it("has wording for no data", () => {
    expect(render(actionProgressSummary([], list))).toBe("There are no actions to chart yet.");
    expect(render(actionProgressSummary([{ code: "A1", percent: null }], list))).toBe(
      "The only action has no published progress figure yet.",
    );
  });
});

describe("visionProgressSummary", () => {
  it("gives the range with the visions at each end", () => {
    const s = visionProgressSummary(
      [
        { code: "V1", percent: 15, coverage: 1 },
        { code: "V2", percent: 5, coverage: 0.33 },
        { code: "V4", percent: 0, coverage: 0 },
        { code: "V5", percent: 40, coverage: 1 },
      ],
      list,
    );
    expect(s).toEqual({
      key: "visions",
      values: { minPercent: 0, minCodes: "V4", maxPercent: 40, maxCodes: "V5", unassessed: 1 },
    });
    expect(render(s)).toBe("Vision progress ranges from 0% (V4) to 40% (V5); 1 vision has no assessed action yet.");
  });

  it("lists every vision sharing an extreme", () => {
    const s = visionProgressSummary(
      [
        { code: "V1", percent: 20, coverage: 1 },
        { code: "V2", percent: 20, coverage: 1 },
        { code: "V3", percent: 60, coverage: 1 },
      ],
      list,
    );
    expect(render(s)).toBe(
      "Vision progress ranges from 20% (V1 and V2) to 60% (V3); every vision has at least one assessed action.",
    );
  });

  it("collapses an empty range into one sentence", () => {
    const s = visionProgressSummary(
      [
        { code: "V1", percent: 0, coverage: 0 },
        { code: "V2", percent: 0, coverage: 0 },
      ],
      list,
    );
    expect(s.key).toBe("visionsEqual");
    expect(render(s)).toBe("All 2 visions are at 0% progress; 2 have no assessed action yet.");
    expect(render(visionProgressSummary([], list))).toBe("There are no visions to chart yet.");
  });
});

describe("historySummary", () => {
  const date = (iso: string) => new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
  const row = (d: string, plan: number, visions: Record<string, number>) => ({ date: d, plan, visions });

  it("gives where the plan average started and ended, and the leading vision", () => {
    const s = historySummary(
      [row("2024-09-25", 1.5, { V1: 0, V2: 5 }), row("2025-02-23", 4.5, { V1: 15, V2: 5 }), row("2025-05-12", 12, { V1: 15, V2: 30 })],
      list,
      date,
    );
    expect(render(s)).toBe(
      "Average progress across the plan went from 1.5% on Sep 25, 2024 to 12% on May 12, 2025, over 3 assessment dates; V2 is furthest along at 30%.",
    );
  });

  it("names every vision sharing the lead, and handles one date or none", () => {
    expect(render(historySummary([row("2025-01-01", 3, { V1: 15, V3: 15 })], list, date))).toBe(
      "Every assessment so far is from Jan 1, 2025, when average progress across the plan was 3%; V1 and V3 are furthest along at 15%.",
    );
    expect(render(historySummary([], list, date))).toBe(
      "No assessment has been published yet, so there is no progress over time to chart.",
    );
  });
});

describe("actionHistorySummary", () => {
  const date = (iso: string) => iso;

  it("describes the first and latest assessment", () => {
    expect(
      render(
        actionHistorySummary(
          [
            { occurredOn: "2024-09-25", percent: 15 },
            { occurredOn: "2025-05-06", percent: 65 },
          ],
          date,
        ),
      ),
    ).toBe("Progress went from 15% on 2024-09-25 to 65% on 2025-05-06, over 2 assessment dates.");
    expect(render(actionHistorySummary([{ occurredOn: "2025-01-01", percent: 10 }], date))).toBe(
      "One published assessment so far: 10% on 2025-01-01.",
    );
  });
});
