import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/permissions";
import { progressUpdateSchema } from "@/lib/validation/progress";
import { closeRoundSchema } from "@/lib/validation/rounds";
import { cutoffOf, endOfDayCutoff, type View } from "@/lib/view";
import { rawClient } from "../index";
import { makeActor, validUpdate } from "../testing/fixtures";
import { listPublishedUpdates } from "./exports";
import { getActionDetail, getOverview, getPlanState, getPlanSummary, getVisionDetail, listCorrections, listHistoryPoints } from "./public";
import { closeRound, getRound, listRounds } from "./rounds";
import { listContentTranslations } from "./translations";
import { approveUpdate, correctUpdate, submitUpdate } from "./updates";

/*
 * The query budget of the public pages (issue #7): rendering any public
 * page from a cold cache may run at most MAX_QUERIES SQL statements, in
 * either language and in any view. Each entry below lists the distinct
 * data-function calls the page's server components make (React's cache()
 * shares equal calls within one render; see lib/public-data.ts), so a new
 * section that adds a query, or an N+1 inside a data function, shows here.
 *
 * Counting wraps the driver itself: PGlite's `query` or postgres.js'
 * `unsafe`, which is what drizzle calls for every statement.
 * With BENCH_QUERY_COUNTS_OUT set, the counts are also written there as JSON
 * (npm run bench reports them).
 */
const MAX_QUERIES = 5;

type Loader = () => Promise<unknown>;

/** Runs the loaders as a page's sections do (in parallel) and returns how many statements reached the driver. */
async function countQueries(loaders: Loader[]): Promise<number> {
  const client = rawClient();
  const spy = client.kind === "pglite" ? vi.spyOn(client.pglite, "query") : vi.spyOn(client.sql, "unsafe");
  try {
    await Promise.all(loaders.map((load) => load()));
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

let analyst: Actor;
let admin: Actor;
let roundView: View;
const counts: Record<string, number> = {};

async function publish(overrides: Record<string, unknown>): Promise<number> {
  const { id } = await submitUpdate(analyst, progressUpdateSchema.parse(validUpdate(overrides)));
  await approveUpdate(admin, id);
  return id;
}

beforeAll(async () => {
  analyst = await makeActor("analyst");
  admin = await makeActor("admin");
  // Enough data for every section to have something to show: updates on several actions, a correction, a retraction, a round.
  const first = await publish({ actionCode: "A1", status: "in_progress", percent: 20, occurredOn: "2025-01-10" });
  await publish({ actionCode: "A1", status: "on_track", percent: 40, occurredOn: "2025-04-10" });
  await publish({ actionCode: "A2", status: "at_risk", percent: 15, occurredOn: "2025-02-01" });
  const retracted = await publish({ actionCode: "A3", status: "delayed", percent: 5, occurredOn: "2025-02-03" });
  await correctUpdate(admin, {
    updateId: first,
    reason: "Wrong percent",
    replacement: progressUpdateSchema.parse(validUpdate({ actionCode: "A1", status: "in_progress", percent: 25, occurredOn: "2025-01-10" })),
  });
  await correctUpdate(admin, { updateId: retracted, reason: "Not about this action", replacement: null });
  await closeRound(admin, closeRoundSchema.parse({ name: "Round one", slug: "round-one", cutoffDate: "2025-03-31" }));
  const round = await getRound("round-one");
  if (!round) throw new Error("round missing");
  roundView = { kind: "round", slug: round.slug, name: round.name, cutoffDate: round.cutoffDate, closedAt: round.closedAt };
});

afterAll(() => {
  const out = process.env.BENCH_QUERY_COUNTS_OUT;
  if (out) writeFileSync(out, `${JSON.stringify({ max: MAX_QUERIES, target: process.env.DB_TEST_TARGET, pages: counts }, null, 2)}\n`);
});

/** The data a page loads, for the live view or a past one; `zh` adds the content translations its text is shown in. */
function pages(view: string): Record<string, (cutoff: Date | undefined) => Loader[]> {
  // These exist only in today's view: a round page is already a fixed view, the rounds list and comparison are the same from any view.
  const liveOnly: Record<string, (cutoff: Date | undefined) => Loader[]> =
    view !== "today"
      ? {}
      : {
          "/rounds": () => [() => listRounds()],
          "/rounds/round-one": () => [() => getRound("round-one"), () => getOverview(cutoffOf(roundView)), () => listHistoryPoints(cutoffOf(roundView))],
          "/rounds/compare": () => [() => listRounds(), () => getPlanState(cutoffOf(roundView)), () => getPlanState(endOfDayCutoff("2025-02-15"))],
        };
  return {
    ...liveOnly,
    "/ (overview)": (c) => [() => getOverview(c), () => listHistoryPoints(c)],
    "/actions": (c) => [() => getPlanState(c), () => getPlanSummary()],
    "/actions/A1": (c) => [() => getActionDetail("A1", c), () => getPlanState(c)],
    "/visions": (c) => [() => getPlanState(c)],
    "/visions/V1": (c) => [() => getVisionDetail("V1", c)],
    "/corrections": (c) => [() => listCorrections(c)],
    "/downloads": (c) => [() => getPlanState(c), () => listPublishedUpdates(c)],
    "/embed/status, /embed/progress": (c) => [() => getOverview(c)],
    "/embed/actions/A1": (c) => [() => getActionDetail("A1", c)],
  };
}

const views: { name: string; cutoff: () => Date | undefined; extra: Loader[] }[] = [
  { name: "today", cutoff: () => undefined, extra: [] },
  { name: "asOf", cutoff: () => endOfDayCutoff("2025-03-01"), extra: [] },
  // A round view's segment is resolved first (lib/public-data.ts resolveSegment).
  { name: "round", cutoff: () => cutoffOf(roundView), extra: [() => getRound("round-one")] },
];

describe("public pages stay within the query budget", () => {
  for (const view of views) {
    for (const locale of ["en", "zh"] as const) {
      it(`${view.name}, ${locale}: every page runs at most ${MAX_QUERIES} queries from a cold cache`, async () => {
        const over: string[] = [];
        for (const [page, loaders] of Object.entries(pages(view.name))) {
          const all = [...loaders(view.cutoff()), ...view.extra, ...(locale === "zh" ? [() => listContentTranslations("zh")] : [])];
          const n = await countQueries(all);
          counts[`${page} [${view.name}, ${locale}]`] = n;
          if (n > MAX_QUERIES) over.push(`${page}: ${n}`);
          expect(n).toBeGreaterThan(0);
        }
        expect(over).toEqual([]);
      });
    }
  }

  it("the data functions return what the pages expect for the seeded data", async () => {
    const overview = await getOverview();
    expect(overview.latestUpdates.some((u) => u.correction?.kind === "retracted" || u.correction?.kind === "corrected")).toBe(true);
    expect(overview.latestUpdates.some((u) => u.correctsId !== null)).toBe(true);
    const a1 = await getActionDetail("A1");
    expect(a1?.action.percent).toBe(40);
    expect(a1?.timeline).toHaveLength(3);
    // Today's history comes from the precomputed day states; a past view replays the updates. Both agree up to the past cut-off.
    const live = await listHistoryPoints();
    const past = await listHistoryPoints(new Date(Date.now() + 1000));
    expect(live).toEqual(past);
  });
});
