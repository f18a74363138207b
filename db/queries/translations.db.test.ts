import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { AuthError } from "@/lib/permissions";
import { translationKey, translationState } from "@/lib/translations";
import { editActionSchema } from "@/lib/validation/plan";
import { saveTranslationSchema } from "@/lib/validation/translations";
import { db } from "../index";
import { planData } from "../plan-data";
import { actions, auditEvents, contentTranslations, visions } from "../schema";
import { seedPlan } from "../seed";
import { makeActor } from "../testing/fixtures";
import { editAction, listEditablePlan } from "./plan-admin";
import { confirmTranslation, listContentTranslations, listTranslationWorkspace, saveTranslation } from "./translations";

async function stateOf(entity: "action" | "vision", code: string, field: "title" | "description" = "title") {
  const map = await listContentTranslations("zh");
  const table = entity === "action" ? actions : visions;
  const [row] = await db.select({ title: table.title, description: table.description }).from(table).where(eq(table.code, code));
  return translationState(row?.[field] ?? "", map[translationKey(entity, code, field)]);
}

describe("seeded translations", () => {
  it("has the known Chinese titles from the plan data, current against the seeded English, and none for unknown ones", async () => {
    const map = await listContentTranslations("zh");
    expect(map[translationKey("action", "A1", "title")]?.text).toBe("促进人工智能和数字基础设施联通");
    expect(map[translationKey("vision", "V2", "title")]?.text).toBe("推进“人工智能+”赋能千行百业");
    expect(map[translationKey("action", "A7", "title")]).toBeUndefined();
    const known = [...planData.visions, ...planData.actions].filter((x) => x.title_zh !== "").length;
    expect(Object.keys(map)).toHaveLength(known);
    expect(await stateOf("action", "A1")).toBe("current");
    expect(await stateOf("action", "A7")).toBe("missing");
  });

  it("re-seeding keeps existing translations", async () => {
    await db.update(contentTranslations).set({ text: "改过的标题" }).where(eq(contentTranslations.entityKey, "V1"));
    await seedPlan();
    const map = await listContentTranslations("zh");
    expect(map[translationKey("vision", "V1", "title")]?.text).toBe("改过的标题");
  });
});

describe("translation freshness", () => {
  it("flags a translation outdated when the English changes, and re-confirming makes it current, each write audited", async () => {
    const admin = await makeActor("admin");
    const version = (await listEditablePlan(admin)).actions.find((a) => a.code === "A3")?.version ?? 0;
    await editAction(admin, editActionSchema.parse({ code: "A3", version, title: "Aligning AI strategies and policy exchange", visionWeights: [{ visionCode: "V5", weight: 1 }] }));
    expect(await stateOf("action", "A3")).toBe("outdated");
    const listed = (await listTranslationWorkspace(admin, "zh")).plan.find((i) => i.entityKey === "A3" && i.field === "title");
    expect(listed?.state).toBe("outdated");

    await confirmTranslation(admin, { entityType: "action", entityKey: "A3", field: "title", locale: "zh" });
    expect(await stateOf("action", "A3")).toBe("current");
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "action"), eq(auditEvents.entityId, "A3")))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audit).toMatchObject({ action: "translation.confirm", actorId: admin.id });
  });

  it("saving writes the text against today's English and one audit row with before and after", async () => {
    const admin = await makeActor("admin");
    expect(await stateOf("action", "A7")).toBe("missing");
    const input = saveTranslationSchema.parse({ entityType: "action", entityKey: "A7", field: "title", locale: "zh", text: " “人工智能+”产业赋能合作 " });
    await saveTranslation(admin, input);
    expect(await stateOf("action", "A7")).toBe("current");
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "action"), eq(auditEvents.entityId, "A7")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "translation.save", actorId: admin.id, before: null, after: { field: "title", locale: "zh", text: "“人工智能+”产业赋能合作" } });
    const [row] = await db.select().from(contentTranslations).where(eq(contentTranslations.entityKey, "A7"));
    expect(row?.confirmedBy).toBe(admin.id);
  });

  it("refuses analysts and unknown items, writing nothing", async () => {
    const analyst = await makeActor("analyst");
    const admin = await makeActor("admin");
    const before = await db.select().from(contentTranslations).orderBy(contentTranslations.id);
    const input = { entityType: "action" as const, entityKey: "A8", field: "title" as const, locale: "zh" as const, text: "人工智能素养" };
    await expect(saveTranslation(analyst, input)).rejects.toBeInstanceOf(AuthError);
    await expect(confirmTranslation(analyst, { ...input })).rejects.toBeInstanceOf(AuthError);
    await expect(saveTranslation(admin, { ...input, entityKey: "A99" })).rejects.toMatchObject({ name: "NotFoundError" });
    await expect(confirmTranslation(admin, input)).rejects.toMatchObject({ name: "NotFoundError" });
    expect(await db.select().from(contentTranslations).orderBy(contentTranslations.id)).toEqual(before);
  });

  it("rejects a field the entity does not have", () => {
    const parsed = saveTranslationSchema.safeParse({ entityType: "round", entityKey: "q1", field: "title", locale: "zh", text: "x" });
    expect(parsed.success).toBe(false);
  });
});
