import { revalidateTag, updateTag } from "next/cache";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { responseCacheGeneration } from "./server/response-cache";
import { makeActor, validUpdate } from "@/db/testing/fixtures";
import { submitUpdate } from "@/db/queries/updates";
import { approveUpdateAction, correctUpdateAction, rejectUpdateAction, submitUpdateAction } from "./actions/progress";
import { closeRoundAction } from "./actions/rounds";
import { CACHE_TAGS } from "./cache-tags";
import { getCurrentUser } from "./current-user";
import type { Actor } from "./permissions";
import { tagsFor } from "./public-data";
import { progressUpdateSchema } from "./validation/progress";

/*
 * Which cache tags each write expires (issue #7: "exactly the affected
 * tags"). Public reads carry `plan-structure` and, for today's view,
 * `plan-progress` (lib/public-data.ts); a write must expire the tags of the
 * data it changed, and only those.
 */
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn, updateTag: vi.fn(), revalidateTag: vi.fn(), revalidatePath: vi.fn() }));
vi.mock("./current-user", () => ({ getCurrentUser: vi.fn() }));
vi.mock("./server/cache-bus", () => ({ publishTags: vi.fn(async () => {}) }));

let analyst: Actor;
let admin: Actor;

function expiredTags(): string[] {
  return [...vi.mocked(updateTag).mock.calls.map((c) => c[0]), ...vi.mocked(revalidateTag).mock.calls.map((c) => c[0])].sort();
}

function as(actor: Actor): void {
  vi.mocked(getCurrentUser).mockResolvedValue(actor);
}

async function submitted(overrides: Record<string, unknown> = {}): Promise<number> {
  const { id } = await submitUpdate(analyst, progressUpdateSchema.parse(validUpdate(overrides)));
  return id;
}

beforeAll(async () => {
  analyst = await makeActor("analyst");
  admin = await makeActor("admin");
});

beforeEach(() => {
  vi.mocked(updateTag).mockClear();
  vi.mocked(revalidateTag).mockClear();
});

describe("writes expire exactly the tags of the data they change", () => {
  it("submitting an update expires nothing public (it is not public yet)", async () => {
    as(analyst);
    const generation = responseCacheGeneration();
    const result = await submitUpdateAction(null, validUpdate({ actionCode: "A2" }));
    expect(result.ok).toBe(true);
    expect(expiredTags()).toEqual([]);
    expect(responseCacheGeneration()).toBe(generation);
  });

  it("rejecting expires nothing public", async () => {
    const id = await submitted();
    as(admin);
    expect((await rejectUpdateAction(null, { updateId: id, reason: "No evidence" })).ok).toBe(true);
    expect(expiredTags()).toEqual([]);
  });

  it("publishing expires progress only, and drops the server's in-memory copies of pages", async () => {
    const id = await submitted();
    as(admin);
    const generation = responseCacheGeneration();
    expect((await approveUpdateAction(null, { updateId: id })).ok).toBe(true);
    expect(expiredTags()).toEqual([CACHE_TAGS.progress]);
    expect(responseCacheGeneration()).toBeGreaterThan(generation);
  });

  it("correcting or retracting expires progress only", async () => {
    const id = await submitted({ actionCode: "A5" });
    as(admin);
    await approveUpdateAction(null, { updateId: id });
    vi.mocked(updateTag).mockClear();
    const result = await correctUpdateAction(null, {
      mode: "correct",
      updateId: id,
      reason: "Wrong percent",
      replacement: validUpdate({ actionCode: "A5", percent: 12 }),
    });
    expect(result.ok).toBe(true);
    expect(expiredTags()).toEqual([CACHE_TAGS.progress]);
    const other = await submitted({ actionCode: "A6" });
    await approveUpdateAction(null, { updateId: other });
    vi.mocked(updateTag).mockClear();
    expect((await correctUpdateAction(null, { mode: "retract", updateId: other, reason: "Duplicate" })).ok).toBe(true);
    expect(expiredTags()).toEqual([CACHE_TAGS.progress]);
  });

  it("closing a round expires structure only (the list of rounds; a round's own view is new)", async () => {
    as(admin);
    expect((await closeRoundAction(null, { name: "Tag test round", slug: "tag-test", cutoffDate: "2025-01-31" })).ok).toBe(true);
    expect(expiredTags()).toEqual([CACHE_TAGS.structure]);
  });

  it("a refused write expires nothing", async () => {
    const id = await submitted();
    as(analyst);
    expect((await approveUpdateAction(null, { updateId: id })).ok).toBe(false);
    expect(expiredTags()).toEqual([]);
  });
});

describe("tags of the cached public reads", () => {
  const now = new Date("2025-06-01T12:00:00Z");

  it("today's progress carries structure and progress", () => {
    expect(tagsFor("progress", undefined, now).tags).toEqual([CACHE_TAGS.structure, CACHE_TAGS.progress]);
  });

  it("a past view carries structure only and lives long: later publications and corrections never change it", () => {
    const past = tagsFor("progress", new Date("2025-03-02T00:00:00Z"), now);
    expect(past.tags).toEqual([CACHE_TAGS.structure]);
    expect(past.revalidate).toBeGreaterThanOrEqual(7 * 24 * 3600);
  });

  it("a view of today (its cut-off still ahead) still follows publications", () => {
    expect(tagsFor("progress", new Date("2025-06-02T00:00:00Z"), now).tags).toContain(CACHE_TAGS.progress);
  });

  it("structure-only reads (plan summary, rounds) carry structure only", () => {
    expect(tagsFor("structure", undefined, now).tags).toEqual([CACHE_TAGS.structure]);
  });
});
