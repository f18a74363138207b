import { beforeAll, describe, expect, it } from "vitest";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { editActionSchema, editVisionSchema } from "@/lib/validation/plan";
import { makeActor } from "../testing/fixtures";
import { editAction, editVision, listEditablePlan } from "./plan-admin";
import { getPlanState } from "./public";

let admin: Actor;
let analyst: Actor;

beforeAll(async () => {
  admin = await makeActor("admin");
  analyst = await makeActor("analyst");
});

async function editable(code: string) {
  const plan = await listEditablePlan(admin);
  const item = [...plan.visions, ...plan.actions].find((x) => x.code === code);
  if (!item) throw new Error(`missing ${code}`);
  return item;
}

describe("editing the plan", () => {
  it("saves a correction, bumps the version and shows it publicly", async () => {
    const a7 = await editable("A7");
    const input = editActionSchema.parse({
      code: "A7",
      version: a7.version,
      title: "AI Plus industry cooperation (confirmed)",
      description: "Confirmed wording.",
      verified: "on",
      targetDate: "2026-06-30",
      visionWeights: [
        { visionCode: "V2", weight: 3 },
        { visionCode: "V1", weight: 1 },
      ],
    });
    const { version } = await editAction(admin, input);
    expect(version).toBe(a7.version + 1);
    const state = await getPlanState();
    const publicA7 = state.actions.find((a) => a.code === "A7");
    expect(publicA7).toMatchObject({ title: "AI Plus industry cooperation (confirmed)", verified: true, targetDate: "2026-06-30" });
    expect(publicA7?.visions.map((v) => [v.code, v.weight])).toEqual([
      ["V1", 1],
      ["V2", 3],
    ]);
  });

  it("refuses a stale save instead of overwriting the other admin's edit", async () => {
    const v3 = await editable("V3");
    const base = { code: "V3", version: v3.version, description: "", verified: false };
    await editVision(admin, editVisionSchema.parse({ ...base, title: "First admin's title" }));
    await expect(editVision(admin, editVisionSchema.parse({ ...base, title: "Second admin's title" }))).rejects.toBeInstanceOf(ConflictError);
    expect((await editable("V3")).title).toBe("First admin's title");
  });

  it("rolls back the whole edit when a linked vision is unknown", async () => {
    const a2 = await editable("A2");
    const input = editActionSchema.parse({ code: "A2", version: a2.version, title: "Should not stick", visionWeights: [{ visionCode: "V2", weight: 1 }, { visionCode: "V77", weight: 1 }] });
    await expect(editAction(admin, input)).rejects.toBeInstanceOf(InvalidInputError);
    const after = await editable("A2");
    expect(after).toEqual(a2);
  });

  it("reports an unknown code and refuses analysts", async () => {
    await expect(editVision(admin, editVisionSchema.parse({ code: "V9", version: 1, title: "x" }))).rejects.toBeInstanceOf(NotFoundError);
    const v1 = await editable("V1");
    await expect(editVision(analyst, editVisionSchema.parse({ code: "V1", version: v1.version, title: "hijack" }))).rejects.toMatchObject({ kind: "forbidden" });
    await expect(listEditablePlan(analyst)).rejects.toMatchObject({ kind: "forbidden" });
    expect((await editable("V1")).title).toBe(v1.title);
  });
});
