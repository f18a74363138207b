import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { toCsv } from "@/lib/open-data/csv";
import { streamOf, type ImportReport } from "@/lib/open-data/import";
import { AuthError, type Actor } from "@/lib/permissions";
import { progressUpdateSchema } from "@/lib/validation/progress";
import { db } from "../index";
import { actions, auditEvents, progressUpdates } from "../schema";
import { makeActor, snapshotUpdates, validUpdate } from "../testing/fixtures";
import { listPublishedUpdates } from "./exports";
import { runImport, type ImportOptions } from "./imports";
import { getPlanState } from "./public";
import { approveUpdate, submitUpdate } from "./updates";

// The export module reads through the Next cache, which does not exist outside a request.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn, updateTag: vi.fn(), revalidateTag: vi.fn(), revalidatePath: vi.fn() }));
const { datasetCsv } = await import("@/lib/open-data/export");

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/current-user", () => ({ getCurrentUser: async () => session.actor }));
const route = await import("@/app/api/imports/route");

let analyst: Actor;
let admin: Actor;

const HEADER = ["action_code", "status", "percent", "narrative", "evidence_links", "occurred_on"];

function run(actor: Actor | null, content: string, overrides: Partial<ImportOptions> = {}): Promise<ImportReport> {
  return runImport(actor, { kind: "updates", mode: "dry-run", fileName: "test.csv", source: streamOf(content), ...overrides });
}

async function snapshot() {
  return { updates: await snapshotUpdates(), audit: await db.select().from(auditEvents).orderBy(asc(auditEvents.id)) };
}

async function exportedCsv(name: "updates" | "actions" | "visions"): Promise<string> {
  const [state, updates] = await Promise.all([getPlanState(), listPublishedUpdates()]);
  return datasetCsv(name, { ...state, updates }, { bom: true });
}

async function publish(overrides: Record<string, unknown>) {
  const { id } = await submitUpdate(analyst, progressUpdateSchema.parse(validUpdate(overrides)));
  await approveUpdate(admin, id);
  return id;
}

beforeAll(async () => {
  analyst = await makeActor("analyst");
  admin = await makeActor("admin");
  await publish({ narrative: "Joint laboratory agreement signed." });
  await publish({ actionCode: "A2", status: "on_track", percent: 55, narrative: "中欧合作进展顺利，第二阶段已启动。", evidenceLinks: ["https://example.org/a", "https://example.org/b"] });
  await publish({ actionCode: "A3", narrative: '=HYPERLINK("x") looks like a formula, with "quotes",\nand a second line' });
});

describe("importing progress updates", () => {
  it("round trip: a re-imported export is all unchanged and writes nothing, even on commit", async () => {
    const csv = await exportedCsv("updates");
    const before = await snapshot();
    const dry = await run(analyst, csv);
    expect(dry.problems).toEqual([]);
    expect(dry.counts).toMatchObject({ new: 0, updated: 0, errors: 0 });
    expect(dry.counts.unchanged).toBe(dry.counts.rows);
    expect(dry.counts.rows).toBeGreaterThanOrEqual(3);
    const commit = await run(admin, csv, { mode: "commit" });
    expect(commit).toMatchObject({ committed: false, counts: { new: 0, errors: 0 } });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses to change a published update through its id", async () => {
    const csv = (await exportedCsv("updates")).replace("Joint laboratory agreement signed.", "Rewritten history");
    const report = await run(admin, csv, { mode: "commit" });
    expect(report.committed).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ code: "publishedChanged", message: "Published updates cannot be changed by import; use a correction." })]);
  });

  it("imports an analyst's new rows as submitted, with the Chinese text intact and one import audit event", async () => {
    const csv = toCsv(HEADER, [
      ["A4", "in_progress", 20, "新的进展：联合实验室开放。", "https://example.org/zh", "2025-05-01"],
      ["A5", "planned", 0, "Planning started", "", "2025-05-02"],
    ]);
    const before = await snapshot();
    const dry = await run(analyst, csv);
    expect(dry).toMatchObject({ committed: false, counts: { rows: 2, new: 2, errors: 0 } });
    expect(await snapshot()).toEqual(before);

    const report = await run(analyst, csv, { mode: "commit", fileName: "mine.csv" });
    expect(report).toMatchObject({ committed: true, counts: { new: 2, unchanged: 0, errors: 0 } });
    const added = (await snapshotUpdates()).slice(before.updates.length);
    expect(added.map((r) => [r.narrative, r.reviewState, r.authorId])).toEqual([
      ["新的进展：联合实验室开放。", "submitted", analyst.id],
      ["Planning started", "submitted", analyst.id],
    ]);
    const events = (await db.select().from(auditEvents).orderBy(asc(auditEvents.id))).slice(before.audit.length);
    expect(events.map((e) => [e.entityType, e.action])).toEqual([
      ["update", "update.submit"],
      ["update", "update.submit"],
      ["import", "import.commit"],
    ]);
    expect(events[0]?.entityId).toBe(String(added[0]?.id));
    expect(events[2]?.after).toMatchObject({ kind: "updates", fileName: "mine.csv", counts: { new: 2 }, updateIds: added.map((r) => r.id) });
  });

  it("writes nothing when one row among good ones is bad", async () => {
    const csv = toCsv(HEADER, [
      ["A1", "in_progress", 40, "Good one", "", "2025-06-01"],
      ["A1", "completed", 90, "Bad: completed below 100", "", "2025-06-02"],
      ["A2", "in_progress", 45, "Good two", "", "2025-06-03"],
    ]);
    const before = await snapshot();
    const report = await run(admin, csv, { mode: "commit" });
    expect(report.committed).toBe(false);
    expect(report.problems.map((p) => [p.line, p.column, p.code])).toEqual([[3, "percent", "completedNeeds100"]]);
    expect(await snapshot()).toEqual(before);
  });

  it("reports unknown action codes and unknown ids", async () => {
    const csv = toCsv(["id", ...HEADER], [
      [null, "A99", "in_progress", 40, "No such action", "", "2025-06-01"],
      [999_999, "A1", "in_progress", 40, "No such update", "", "2025-06-01"],
    ]);
    const report = await run(admin, csv);
    expect(report.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [2, "action_code", "unknownActionCode"],
      [3, "id", "unknownId"],
    ]);
  });

  it("checks and commits 10,000 rows, all in one transaction", async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`A${(i % 10) + 1}`, "in_progress", i % 100, `Bulk row ${i}`, "", "2025-01-15"]);
    const csv = toCsv(HEADER, rows, { bom: true });
    const importer = await makeActor("analyst");
    const progress: number[] = [];
    const dry = await run(importer, csv, { onProgress: (p) => void progress.push(p.rows) });
    expect(dry.counts).toMatchObject({ rows: 10_000, new: 10_000, errors: 0 });
    expect(progress).toContain(5_000);

    const report = await run(importer, csv, { mode: "commit" });
    expect(report).toMatchObject({ committed: true, counts: { new: 10_000 } });
    const mine = await db.select().from(progressUpdates).where(eq(progressUpdates.authorId, importer.id));
    expect(mine).toHaveLength(10_000);
    expect(new Set(mine.map((r) => r.reviewState))).toEqual(new Set(["submitted"]));
    // now() is the transaction's start time, so one shared created_at means one transaction.
    expect(new Set(mine.map((r) => r.createdAt.toISOString())).size).toBe(1);
    const imports = await db.select().from(auditEvents).where(eq(auditEvents.actorId, importer.id));
    expect(imports.filter((e) => e.entityType === "import")).toHaveLength(1);
  });

  it("refuses anonymous users", async () => {
    await expect(run(null, toCsv(HEADER, []))).rejects.toMatchObject({ kind: "unauthenticated" });
    await expect(run(null, toCsv(HEADER, []))).rejects.toBeInstanceOf(AuthError);
  });
});

describe("importing the plan", () => {
  it("forbids analysts", async () => {
    await expect(run(analyst, await exportedCsv("actions"), { kind: "plan" })).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("round trip of the actions and visions exports changes nothing", async () => {
    const before = await snapshot();
    const plan = await db.select().from(actions).orderBy(asc(actions.id));
    for (const name of ["actions", "visions"] as const) {
      const report = await run(admin, await exportedCsv(name), { kind: "plan", mode: "commit" });
      expect(report.problems).toEqual([]);
      expect(report).toMatchObject({ committed: false, counts: { updated: 0, errors: 0 } });
      expect(report.counts.unchanged).toBe(name === "actions" ? 10 : 5);
    }
    expect(await snapshot()).toEqual(before);
    expect(await db.select().from(actions).orderBy(asc(actions.id))).toEqual(plan);
  });

  it("updates a changed title with a version bump and audit, and refuses unknown codes", async () => {
    const [a1] = await db.select().from(actions).where(eq(actions.code, "A1"));
    const csv = (await exportedCsv("actions")).replace(`A1,${a1?.title}`, "A1,Renamed by import");
    const report = await run(admin, csv, { kind: "plan", mode: "commit" });
    expect(report).toMatchObject({ committed: true, counts: { updated: 1, unchanged: 9 } });
    const [after] = await db.select().from(actions).where(eq(actions.code, "A1"));
    expect(after).toMatchObject({ title: "Renamed by import", version: (a1?.version ?? 0) + 1 });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, "A1"));
    expect(events.at(-1)).toMatchObject({ action: "action.edit", entityType: "action" });

    const unknown = toCsv(["code", "title", "title_verified", "description", "source_url", "target_date"], [["A42", "New", true, "", "", ""]]);
    const refused = await run(admin, unknown, { kind: "plan", mode: "commit" });
    expect(refused.problems.map((p) => [p.line, p.column, p.code])).toEqual([[2, "code", "unknownPlanCode"]]);
  });
});

describe("the import route", () => {
  function post(fields: Record<string, string | File>): Promise<Response> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return route.POST(new Request("http://localhost/api/imports", { method: "POST", body: form }));
  }
  const file = (content: string) => new File([content], "updates.csv", { type: "text/csv" });

  it("answers 401, 403 and 400 as JSON before reading the file", async () => {
    session.actor = null;
    expect((await post({ kind: "updates", mode: "dry-run", file: file("x") })).status).toBe(401);
    session.actor = analyst;
    expect((await post({ kind: "plan", mode: "dry-run", file: file("x") })).status).toBe(403);
    const bad = await post({ kind: "everything", mode: "dry-run" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "invalid", fieldErrors: { kind: [expect.any(String)], file: [expect.any(String)] } });
  });

  it("refuses a file over the size limit with 413", async () => {
    session.actor = analyst;
    const big = `${HEADER.join(",")}\n${"x".repeat(5 * 1024 * 1024)}`;
    const response = await post({ kind: "updates", mode: "dry-run", file: file(big) });
    expect(response.status).toBe(413);
    expect((await response.json()).message).toMatch(/larger than 5 MB/);
  });

  it("streams progress lines and a final report as NDJSON", async () => {
    session.actor = analyst;
    const rows = Array.from({ length: 1200 }, (_, i) => ["A1", "in_progress", 10, `Route row ${i}`, "", "2025-02-01"]);
    const response = await post({ kind: "updates", mode: "dry-run", file: file(toCsv(HEADER, rows)) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = (await response.text()).trim().split("\n").map((l) => JSON.parse(l) as { type: string; rows?: number });
    expect(lines.filter((l) => l.type === "progress").map((l) => l.rows)).toEqual([500, 1000, 1200]);
    expect(lines.at(-1)).toMatchObject({ type: "report", committed: false, counts: { rows: 1200, new: 1200, errors: 0 } });
  });
});
