import { describe, expect, it } from "vitest";
import { toFieldErrors } from "./fields";
import { progressUpdateSchema, rejectUpdateSchema } from "./progress";

const valid = {
  actionCode: "A3",
  status: "on_track",
  percent: "45",
  narrative: "Policy dialogue held.",
  evidenceLinks: "https://example.org/a\n\nhttp://example.org/b",
  occurredOn: "2025-05-12",
};

function errorsFor(input: Record<string, unknown>) {
  const r = progressUpdateSchema.safeParse(input);
  return r.success ? {} : toFieldErrors(r.error);
}

describe("progressUpdateSchema", () => {
  it("accepts a valid form and normalises it", () => {
    const r = progressUpdateSchema.parse(valid);
    expect(r.percent).toBe(45);
    expect(r.evidenceLinks).toEqual(["https://example.org/a", "http://example.org/b"]);
  });

  it.each([
    ["empty narrative", { narrative: "   " }, "narrative", "required"],
    ["percent 140", { percent: "140" }, "percent", "outOfRange"],
    ["percent -1", { percent: -1 }, "percent", "outOfRange"],
    ["percent 12.5", { percent: "12.5" }, "percent", "notAnInteger"],
    ["percent missing", { percent: "" }, "percent", "notANumber"],
    ["percent text", { percent: "lots" }, "percent", "notANumber"],
    ["javascript: evidence", { evidenceLinks: "javascript:alert(1)" }, "evidenceLinks", "invalidUrl"],
    ["data: evidence", { evidenceLinks: ["data:text/html,hi"] }, "evidenceLinks", "invalidUrl"],
    ["relative evidence", { evidenceLinks: "/local/path" }, "evidenceLinks", "invalidUrl"],
    ["a 1 MB narrative", { narrative: "x".repeat(1_000_000) }, "narrative", "tooLong"],
    ["an impossible date", { occurredOn: "2025-02-30" }, "occurredOn", "invalidDate"],
    ["a wrongly written date", { occurredOn: "12/05/2025" }, "occurredOn", "invalidDate"],
    ["a future date", { occurredOn: "2999-01-01" }, "occurredOn", "dateInFuture"],
    ["an unknown status", { status: "done-ish" }, "status", "invalidStatus"],
    ["a malformed action code", { actionCode: "'; drop table actions; --" }, "actionCode", "unknownAction"],
    ["completed below 100", { status: "completed", percent: 90 }, "percent", "completedNeeds100"],
    ["not started above 0", { status: "not_started", percent: 5 }, "percent", "notStartedNeeds0"],
  ])("rejects %s with a field message", (_label, patch, field, key) => {
    expect(errorsFor({ ...valid, ...patch })[field]).toContain(key);
  });

  it("limits the number of evidence links", () => {
    const many = Array.from({ length: 11 }, (_, i) => `https://example.org/${i}`).join("\n");
    expect(errorsFor({ ...valid, evidenceLinks: many }).evidenceLinks).toContain("tooMany");
  });

  it("reports every bad field at once", () => {
    const errors = errorsFor({ actionCode: "", status: "", percent: "x", narrative: "", occurredOn: "" });
    expect(Object.keys(errors).sort()).toEqual(["actionCode", "narrative", "occurredOn", "percent", "status"]);
  });
});

describe("rejectUpdateSchema", () => {
  it("requires a reason", () => {
    const r = rejectUpdateSchema.safeParse({ updateId: "3", reason: " " });
    expect(r.success).toBe(false);
    expect(r.success ? {} : toFieldErrors(r.error)).toEqual({ reason: ["required"] });
  });

  it("rejects a non-numeric id", () => {
    expect(rejectUpdateSchema.safeParse({ updateId: "abc", reason: "no" }).success).toBe(false);
  });
});

describe("correction form errors", () => {
  it("reports the replacement's fields under their own names, as the form posts them", async () => {
    const { correctionSchema, correctionFormToInput } = await import("./corrections");
    const form = new FormData();
    for (const [k, v] of Object.entries({ mode: "correct", updateId: "4", reason: "", actionCode: "A1", status: "on_track", percent: "150", narrative: "x", evidenceLinks: "", occurredOn: "2025-01-01" })) form.set(k, v);
    const r = correctionSchema.safeParse(correctionFormToInput(form));
    expect(r.success ? {} : toFieldErrors(r.error)).toEqual({ reason: ["required"], percent: ["outOfRange"] });
  });
});
