import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { progressUpdateSchema } from "@/lib/validation/progress";
import { closeRoundSchema } from "@/lib/validation/rounds";
import { cutoffOf, endOfDayCutoff, type View } from "@/lib/view";
import type { ProgressStatus } from "@/lib/vocabulary";
import { db } from "../index";
import { progressUpdates } from "../schema";
import { actionIdOf, makeActor, validUpdate } from "../testing/fixtures";
import { getActionDetail, getOverview, getPlanState, listCorrections, listHistoryPoints, listLatestUpdates } from "./public";
import { closeRound, getRound } from "./rounds";
import { approveUpdate, correctUpdate, submitUpdate } from "./updates";

let analyst: Actor;
let admin: Actor;

/** A published update with an exact publication instant, as if an admin had approved it then. */
async function publishedAt(code: string, at: string, status: ProgressStatus, percent: number, occurredOn = "2025-01-15") {
  const [row] = await db
    .insert(progressUpdates)
    .values({
      actionId: await actionIdOf(code),
      status,
      percent,
      narrative: `${code} ${status} ${percent} published ${at}`,
      occurredOn,
      authorId: analyst.id,
      reviewState: "published",
      reviewerId: admin.id,
      reviewedAt: new Date(at),
      publishedAt: new Date(at),
    })
    .returning({ id: progressUpdates.id });
  return row?.id ?? 0;
}

async function statusOf(code: string, cutoff?: Date) {
  const a = (await getPlanState(cutoff)).actions.find((x) => x.code === code);
  return { status: a?.status, percent: a?.percent };
}

beforeAll(async () => {
  analyst = await makeActor("analyst");
  admin = await makeActor("admin");
});

describe("as of a date", () => {
  it("judges by publication time, to the end of the UTC day", async () => {
    await publishedAt("A1", "2025-03-01T23:59:59.999Z", "in_progress", 20, "2025-02-01");
    await publishedAt("A1", "2025-03-02T00:00:00.000Z", "delayed", 25, "2025-03-01");
    expect(await statusOf("A1", endOfDayCutoff("2025-02-28"))).toEqual({ status: "not_yet_assessed", percent: null });
    expect(await statusOf("A1", endOfDayCutoff("2025-03-01"))).toEqual({ status: "in_progress", percent: 20 });
    expect(await statusOf("A1", endOfDayCutoff("2025-03-02"))).toEqual({ status: "delayed", percent: 25 });
    expect(await statusOf("A1")).toEqual({ status: "delayed", percent: 25 });
  });

  it("ignores updates published after the cut-off even when their progress date is earlier", async () => {
    // Progress that happened in January but was only published in June is not in a March view.
    await publishedAt("A2", "2025-03-10T10:00:00Z", "in_progress", 30, "2025-03-05");
    await publishedAt("A2", "2025-06-10T10:00:00Z", "on_track", 45, "2025-01-20");
    const march = endOfDayCutoff("2025-03-31");
    expect(await statusOf("A2", march)).toEqual({ status: "in_progress", percent: 30 });
    const detail = await getActionDetail("A2", march);
    expect(detail?.timeline.map((u) => u.percent)).toEqual([30]);
    // Live, the latest by progress date wins: March beats January.
    expect(await statusOf("A2")).toEqual({ status: "in_progress", percent: 30 });
    const latest = await listLatestUpdates(50, march);
    expect(latest.every((u) => u.publishedAt < march.toISOString())).toBe(true);
  });

  it("a submitted or rejected update never shows in any view", async () => {
    const { id } = await submitUpdate(analyst, progressUpdateSchema.parse(validUpdate({ actionCode: "A3", status: "completed", percent: 100 })));
    expect((await statusOf("A3")).status).toBe("not_yet_assessed");
    expect((await statusOf("A3", new Date(Date.now() + 86_400_000))).status).toBe("not_yet_assessed");
    await approveUpdate(admin, id);
    expect((await statusOf("A3")).status).toBe("completed");
  });
});

describe("corrections", () => {
  it("a retraction stops counting from its moment on, and stays visible with its reason", async () => {
    const id = await publishedAt("A4", "2025-04-01T12:00:00Z", "at_risk", 35);
    const beforeRetraction = new Date();
    await correctUpdate(admin, { updateId: id, reason: "The source was withdrawn.", replacement: null });
    expect(await statusOf("A4")).toEqual({ status: "not_yet_assessed", percent: null });
    // A view from before the retraction still shows what readers saw then.
    expect(await statusOf("A4", beforeRetraction)).toEqual({ status: "at_risk", percent: 35 });
    const timeline = (await getActionDetail("A4"))?.timeline ?? [];
    expect(timeline.find((u) => u.id === id)?.correction).toMatchObject({ kind: "retracted", reason: "The source was withdrawn." });
    const log = await listCorrections();
    expect(log.find((c) => c.updateId === id)).toMatchObject({ kind: "retracted", actionCode: "A4", replacement: null, original: { percent: 35 } });
    expect(await listCorrections(beforeRetraction)).toEqual(expect.not.arrayContaining([expect.objectContaining({ updateId: id })]));
  });

  it("a correction replaces the values and links the two updates", async () => {
    const id = await publishedAt("A5", "2025-04-02T12:00:00Z", "on_track", 80);
    const replacement = progressUpdateSchema.parse(validUpdate({ actionCode: "A5", status: "on_track", percent: 60, occurredOn: "2025-01-15" }));
    const { replacementId } = await correctUpdate(admin, { updateId: id, reason: "80% was a typo for 60%.", replacement });
    expect(await statusOf("A5")).toEqual({ status: "on_track", percent: 60 });
    const timeline = (await getActionDetail("A5"))?.timeline ?? [];
    expect(timeline.find((u) => u.id === id)?.correction).toMatchObject({ kind: "corrected", replacementId });
    expect(timeline.find((u) => u.id === replacementId)?.correctsId).toBe(id);
    await expect(correctUpdate(admin, { updateId: id, reason: "again", replacement: null })).rejects.toMatchObject({ reason: "alreadyCorrected" });
    await expect(correctUpdate(analyst, { updateId: replacementId ?? 0, reason: "x", replacement: null })).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("only published updates can be corrected, with the same action", async () => {
    const { id } = await submitUpdate(analyst, progressUpdateSchema.parse(validUpdate({ actionCode: "A6" })));
    await expect(correctUpdate(admin, { updateId: id, reason: "x", replacement: null })).rejects.toMatchObject({ reason: "notPublished" });
    const published = await publishedAt("A6", "2025-04-03T12:00:00Z", "planned", 5);
    const wrong = progressUpdateSchema.parse(validUpdate({ actionCode: "A7" }));
    await expect(correctUpdate(admin, { updateId: published, reason: "x", replacement: wrong })).rejects.toMatchObject({ fieldErrors: { actionCode: ["correctionSameAction"] } });
    expect((await getActionDetail("A6"))?.timeline.find((u) => u.id === published)?.correction).toBeNull();
  });
});

describe("reporting rounds", () => {
  it("a closed round never changes when new updates are published or old ones corrected", async () => {
    const first = await publishedAt("A8", "2025-05-01T12:00:00Z", "in_progress", 10, "2025-04-20");
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await closeRound(admin, closeRoundSchema.parse({ name: "Round one", slug: "round-one", cutoffDate: yesterday }));
    const round = await getRound("round-one");
    if (!round) throw new Error("round missing");
    const view: View = { kind: "round", slug: round.slug, name: round.name, cutoffDate: round.cutoffDate, closedAt: round.closedAt };
    const before = JSON.stringify(await getOverview(cutoffOf(view)));

    const { id } = await submitUpdate(analyst, progressUpdateSchema.parse(validUpdate({ actionCode: "A8", status: "completed", percent: 100 })));
    await approveUpdate(admin, id);
    await correctUpdate(admin, { updateId: first, reason: "Wrong action", replacement: null });

    expect(JSON.stringify(await getOverview(cutoffOf(view)))).toBe(before);
    expect((await statusOf("A8")).status).toBe("completed");
    expect((await statusOf("A8", cutoffOf(view))).status).toBe("in_progress");
  });

  it("a round closed today is frozen at the moment it was closed", async () => {
    const today = new Date().toISOString().slice(0, 10);
    await closeRound(admin, closeRoundSchema.parse({ name: "Today", slug: "today-round", cutoffDate: today }));
    const round = await getRound("today-round");
    if (!round) throw new Error("round missing");
    const view: View = { kind: "round", slug: round.slug, name: round.name, cutoffDate: round.cutoffDate, closedAt: round.closedAt };
    expect(cutoffOf(view)?.toISOString()).toBe(round.closedAt);
    const before = await statusOf("A9", cutoffOf(view));
    const { id } = await submitUpdate(analyst, progressUpdateSchema.parse(validUpdate({ actionCode: "A9", status: "delayed", percent: 5 })));
    await approveUpdate(admin, id);
    expect(await statusOf("A9", cutoffOf(view))).toEqual(before);
    expect((await statusOf("A9")).status).toBe("delayed");
  });

  it("refuses a duplicate short name", async () => {
    await expect(closeRound(admin, closeRoundSchema.parse({ name: "Again", slug: "round-one", cutoffDate: "2025-01-01" }))).rejects.toMatchObject({ fieldErrors: { slug: ["slugTaken"] } });
  });
});

describe("history points", () => {
  it("hold only the updates that count as of the cut-off", async () => {
    const points = await listHistoryPoints();
    const retracted = await db.select().from(progressUpdates).where(eq(progressUpdates.percent, 35));
    expect(retracted.length).toBeGreaterThan(0);
    expect(points.some((p) => p.actionCode === "A4")).toBe(false);
    expect(points.map((p) => p.occurredOn)).toEqual([...points.map((p) => p.occurredOn)].sort());
    const early = await listHistoryPoints(endOfDayCutoff("2025-03-01"));
    expect(early).toEqual([{ actionCode: "A1", occurredOn: "2025-02-01", percent: 20, status: "in_progress" }]);
  });
});
