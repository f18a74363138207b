import { describe, expect, it } from "vitest";
import { toFieldErrors } from "./fields";
import { actionFormToInput, editActionSchema, editVisionSchema } from "./plan";
import { createUserSchema, updateUserSchema } from "./users";

describe("plan edit schemas", () => {
  it("reads the action form's vision checkboxes and weights", () => {
    const form = new FormData();
    form.set("code", "A2");
    form.set("version", "3");
    form.set("title", "New title");
    form.set("vision.V2", "on");
    form.set("weight.V2", "3");
    form.set("weight.V4", "9");
    const parsed = editActionSchema.parse(actionFormToInput(form));
    expect(parsed.visionWeights).toEqual([{ visionCode: "V2", weight: 3 }]);
    expect(parsed.verified).toBe(false);
    expect(parsed.targetDate).toBeNull();
  });

  it("requires at least one vision and a weight within 1–100", () => {
    const none = editActionSchema.safeParse({ code: "A1", version: 1, title: "T", visionWeights: [] });
    expect(none.success ? {} : toFieldErrors(none.error)).toHaveProperty("visionWeights");
    const heavy = editActionSchema.safeParse({ code: "A1", version: 1, title: "T", visionWeights: [{ visionCode: "V1", weight: 500 }] });
    expect(heavy.success).toBe(false);
  });

  it("refuses an empty title, a bad date and a javascript: source", () => {
    const r = editVisionSchema.safeParse({ code: "V1", version: 1, title: "", targetDate: "2025-13-01", sourceUrl: "javascript:alert(1)" });
    const errors = r.success ? {} : toFieldErrors(r.error);
    expect(errors.title).toContain("required");
    expect(errors.targetDate).toContain("invalidDate");
    expect(errors.sourceUrl).toContain("invalidUrl");
  });
});

describe("user schemas", () => {
  it("lower-cases emails and requires a 12-character password", () => {
    expect(createUserSchema.parse({ email: " Ada@Example.ORG ", name: "Ada", role: "analyst", password: "correct horse battery" }).email).toBe("ada@example.org");
    const r = createUserSchema.safeParse({ email: "nope", name: "", role: "root", password: "short" });
    const errors = r.success ? {} : toFieldErrors(r.error);
    expect(errors).toMatchObject({ email: ["invalidEmail"], name: ["required"], role: ["invalidRole"], password: ["passwordTooShort"] });
  });

  it("reads an unchecked disabled box as false", () => {
    expect(updateUserSchema.parse({ userId: "4", version: "2", role: "admin" }).disabled).toBe(false);
    expect(updateUserSchema.parse({ userId: "4", version: "2", role: "admin", disabled: "on" }).disabled).toBe(true);
  });
});
