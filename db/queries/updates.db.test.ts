import { beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError, NotFoundError, StateError } from "@/lib/errors";
import { AuthError, type Actor } from "@/lib/permissions";
import { progressUpdateSchema } from "@/lib/validation/progress";
import { makeActor, snapshotUpdates, validUpdate } from "../testing/fixtures";
import { approveUpdate, listOwnSubmissions, listReviewQueue, rejectUpdate, submitUpdate } from "./updates";

let analyst: Actor;
let otherAnalyst: Actor;
let admin: Actor;

beforeAll(async () => {
  analyst = await makeActor("analyst");
  otherAnalyst = await makeActor("analyst");
  admin = await makeActor("admin");
});

describe("the review workflow", () => {
  it("saves an analyst's update as submitted, visible to them and in the admin queue", async () => {
    const { id } = await submitUpdate(analyst, progressUpdateSchema.parse(validUpdate({ narrative: "Queue me" })));
    const own = await listOwnSubmissions(analyst);
    expect(own.find((r) => r.id === id)).toMatchObject({ reviewState: "submitted", narrative: "Queue me", evidenceLinks: [{ url: "https://example.org/news/1" }] });
    expect((await listOwnSubmissions(otherAnalyst)).some((r) => r.id === id)).toBe(false);
    expect((await listReviewQueue(admin)).some((r) => r.id === id)).toBe(true);
  });

  it("publishes once; a second review of the same update is refused", async () => {
    const { id } = await submitUpdate(analyst, progressUpdateSchema.parse(validUpdate()));
    await approveUpdate(admin, id);
    await expect(approveUpdate(admin, id)).rejects.toBeInstanceOf(StateError);
    await expect(rejectUpdate(admin, id, "too late")).rejects.toBeInstanceOf(StateError);
    const row = (await listOwnSubmissions(analyst)).find((r) => r.id === id);
    expect(row?.reviewState).toBe("published");
    expect(row?.reviewerName).toBe(admin.name);
    expect((await listReviewQueue(admin)).some((r) => r.id === id)).toBe(false);
  });

  it("shows the rejection reason to the analyst", async () => {
    const { id } = await submitUpdate(analyst, progressUpdateSchema.parse(validUpdate()));
    await rejectUpdate(admin, id, "Please add a source.");
    const row = (await listOwnSubmissions(analyst)).find((r) => r.id === id);
    expect(row).toMatchObject({ reviewState: "rejected", reviewNote: "Please add a source." });
  });

  it("refuses an unknown action or update and writes nothing", async () => {
    const before = await snapshotUpdates();
    await expect(submitUpdate(analyst, progressUpdateSchema.parse(validUpdate({ actionCode: "A99" })))).rejects.toBeInstanceOf(InvalidInputError);
    await expect(approveUpdate(admin, 999_999)).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshotUpdates()).toEqual(before);
  });

  it("checks permissions in the data functions themselves", async () => {
    const before = await snapshotUpdates();
    const { id } = await submitUpdate(analyst, progressUpdateSchema.parse(validUpdate()));
    const afterSubmit = await snapshotUpdates();
    await expect(submitUpdate(null, progressUpdateSchema.parse(validUpdate()))).rejects.toBeInstanceOf(AuthError);
    await expect(approveUpdate(analyst, id)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(rejectUpdate(null, id, "x")).rejects.toMatchObject({ kind: "unauthenticated" });
    await expect(listReviewQueue(analyst)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(listOwnSubmissions(null)).rejects.toMatchObject({ kind: "unauthenticated" });
    expect(afterSubmit).toHaveLength(before.length + 1);
    expect(await snapshotUpdates()).toEqual(afterSubmit);
  });
});
