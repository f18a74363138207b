import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { editVisionSchema } from "@/lib/validation/plan";
import { progressUpdateSchema } from "@/lib/validation/progress";
import { db } from "../index";
import { auditEvents } from "../schema";
import { makeActor, validUpdate } from "../testing/fixtures";
import { listAuditEvents } from "./audit";
import { listEditablePlan, editVision } from "./plan-admin";
import { approveUpdate, rejectUpdate, submitUpdate } from "./updates";

let analyst: Actor;
let admin: Actor;

beforeAll(async () => {
  analyst = await makeActor("analyst");
  admin = await makeActor("admin");
});

async function latestEvent() {
  const [row] = await db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  return row;
}

describe("audit trail", () => {
  it("records who did what to which entity, with before and after", async () => {
    const { id } = await submitUpdate(analyst, progressUpdateSchema.parse(validUpdate({ narrative: "Audited" })));
    expect(await latestEvent()).toMatchObject({ actorId: analyst.id, action: "update.submit", entityType: "update", entityId: String(id), before: null, after: { narrative: "Audited", reviewState: "submitted" } });
    await approveUpdate(admin, id);
    expect(await latestEvent()).toMatchObject({ actorId: admin.id, action: "update.publish", before: { reviewState: "submitted" }, after: { reviewState: "published" } });
    const other = await submitUpdate(analyst, progressUpdateSchema.parse(validUpdate()));
    await rejectUpdate(admin, other.id, "No source");
    expect(await latestEvent()).toMatchObject({ action: "update.reject", after: { reviewState: "rejected", reviewNote: "No source" } });

    const v1 = (await listEditablePlan(admin)).visions.find((v) => v.code === "V1");
    await editVision(admin, editVisionSchema.parse({ code: "V1", version: v1?.version, title: "Audited title" }));
    expect(await latestEvent()).toMatchObject({ action: "vision.edit", entityType: "vision", entityId: "V1", before: { title: v1?.title }, after: { title: "Audited title" } });
  });

  it("filters by entity, user and date, newest first, with a total for paging", async () => {
    const all = await listAuditEvents(admin, { page: 1, pageSize: 100 });
    expect(all.total).toBe(all.rows.length);
    const updates = await listAuditEvents(admin, { entityType: "update", page: 1, pageSize: 2 });
    expect(updates.rows).toHaveLength(2);
    expect(updates.total).toBeGreaterThanOrEqual(4);
    expect(updates.rows.every((r) => r.entityType === "update")).toBe(true);
    const byAnalyst = await listAuditEvents(admin, { actorId: analyst.id, page: 1, pageSize: 50 });
    expect(byAnalyst.rows.every((r) => r.actorEmail === analyst.email)).toBe(true);
    const future = await listAuditEvents(admin, { from: new Date(Date.now() + 3_600_000), page: 1, pageSize: 50 });
    expect(future).toEqual({ rows: [], total: 0 });
    const page2 = await listAuditEvents(admin, { entityType: "update", page: 2, pageSize: 2 });
    expect(page2.rows[0]?.id).toBeLessThan(updates.rows[1]?.id ?? 0);
    await expect(listAuditEvents(analyst, { page: 1, pageSize: 10 })).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("cannot be changed or deleted, even with direct SQL", async () => {
    const event = await latestEvent();
    if (!event) throw new Error("no event");
    await expect(db.update(auditEvents).set({ action: "forged" }).where(eq(auditEvents.id, event.id))).rejects.toThrow();
    await expect(db.delete(auditEvents).where(eq(auditEvents.id, event.id))).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_events`)).rejects.toThrow();
    expect((await latestEvent())?.action).toBe(event.action);
  });

  it("offers no query that updates or deletes audit rows", () => {
    const dir = path.join(process.cwd(), "db", "queries");
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => readFileSync(path.join(dir, f), "utf8"));
    for (const source of sources) {
      expect(source).not.toMatch(/\.(update|delete)\(\s*auditEvents\s*\)/);
      expect(source).not.toMatch(/(update|delete from|truncate)\s+"?audit_events/i);
    }
  });
});
