import { beforeAll, describe, expect, it } from "vitest";
import { makeActor, validUpdate } from "../testing/fixtures";
import type { Actor } from "@/lib/permissions";
import { progressUpdateSchema } from "@/lib/validation/progress";
import { getActionDetail, getOverview, getPlanState, getVisionDetail } from "./public";
import { approveUpdate, rejectUpdate, submitUpdate } from "./updates";

let analyst: Actor;
let admin: Actor;

async function submit(overrides: Record<string, unknown>) {
  return submitUpdate(analyst, progressUpdateSchema.parse(validUpdate(overrides)));
}

beforeAll(async () => {
  analyst = await makeActor("analyst");
  admin = await makeActor("admin");
});

describe("public read models", () => {
  it("start with every action not yet assessed", async () => {
    const overview = await getOverview();
    expect(overview.plan?.code).toBe("AICB-2024");
    expect(overview.actions).toHaveLength(10);
    expect(overview.visions).toHaveLength(5);
    expect(overview.statusCounts.not_yet_assessed).toBe(10);
    expect(overview.averagePercent).toBe(0);
    expect(overview.latestUpdates).toEqual([]);
  });

  it("never show a submitted or rejected update", async () => {
    const { id } = await submit({ actionCode: "A4", status: "delayed", percent: 10 });
    let a4 = (await getPlanState()).actions.find((a) => a.code === "A4");
    expect(a4?.status).toBe("not_yet_assessed");
    await rejectUpdate(admin, id, "No evidence");
    a4 = (await getPlanState()).actions.find((a) => a.code === "A4");
    expect(a4?.status).toBe("not_yet_assessed");
    expect((await getActionDetail("A4"))?.timeline).toEqual([]);
  });

  it("take an action's status from its latest published update by the date progress happened", async () => {
    const older = await submit({ actionCode: "A1", status: "in_progress", percent: 20, occurredOn: "2025-01-10" });
    const newer = await submit({ actionCode: "A1", status: "at_risk", percent: 35, occurredOn: "2025-06-01" });
    // Published in reverse order: the later-happening update must still win.
    await approveUpdate(admin, newer.id);
    await approveUpdate(admin, older.id);
    const detail = await getActionDetail("A1");
    expect(detail?.action.status).toBe("at_risk");
    expect(detail?.action.percent).toBe(35);
    expect(detail?.action.assessedOn).toBe("2025-06-01");
    expect(detail?.timeline.map((u) => u.occurredOn)).toEqual(["2025-06-01", "2025-01-10"]);
    const overview = await getOverview();
    expect(overview.latestUpdates[0]?.id).toBe(older.id);
    expect(overview.statusCounts.at_risk).toBe(1);
    expect(overview.averagePercent).toBe(3.5);
  });

  it("roll a vision up from its actions by weight", async () => {
    // V5 links A3, A6 and A10 with weight 1 each in the reference data.
    const a = await submit({ actionCode: "A3", status: "on_track", percent: 60 });
    const b = await submit({ actionCode: "A6", status: "on_track", percent: 30 });
    await approveUpdate(admin, a.id);
    await approveUpdate(admin, b.id);
    const v5 = await getVisionDetail("V5");
    expect(v5?.vision.status).toBe("on_track");
    expect(v5?.vision.percent).toBe(30);
    expect(v5?.vision.coverage).toBeCloseTo(2 / 3);
    expect(v5?.actions.map((x) => x.code)).toEqual(["A3", "A6", "A10"]);
  });

  it("return null for unknown codes", async () => {
    expect(await getActionDetail("A99")).toBeNull();
    expect(await getVisionDetail("V9")).toBeNull();
  });
});
