import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, type JsonSchema } from "./openapi";
import { matchPath, validateSchema } from "./openapi-validator";

const doc = buildOpenApiDocument();
const action = { $ref: "#/components/schemas/Action" } satisfies JsonSchema;
const sample = {
  code: "A1",
  title: "Joint laboratory",
  titleVerified: true,
  status: "in_progress",
  percent: 30,
  targetDate: null,
  visions: [{ code: "V1", weight: 2 }],
  updatedAt: "2025-03-01T10:00:00.000Z",
};

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 with every $ref resolvable", () => {
    expect(doc.openapi).toBe("3.1.0");
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const r of new Set(refs)) expect(doc.components.schemas[r.split("/").pop() ?? ""], r).toBeDefined();
    expect(doc.paths["/actions/{code}/updates"]?.post?.security).toEqual([{ bearerAuth: [] }]);
    for (const s of ["Action", "Vision", "Update", "Summary", "Round", "Error"]) expect(doc.components.schemas[s]).toBeDefined();
  });

  it("documents asOf and round on every read", () => {
    for (const [p, item] of Object.entries(doc.paths)) {
      if (p === "/openapi.json" || !item.get) continue;
      expect(item.get.parameters?.map((x) => x.name), p).toEqual(expect.arrayContaining(["asOf", "round"]));
      expect(Object.keys(item.get.responses), p).toEqual(expect.arrayContaining(["200", "304", "400"]));
    }
  });

  it("maps concrete paths to templates", () => {
    expect(matchPath(doc, "/api/v1/actions/A1", "/api/v1")).toBe("/actions/{code}");
    expect(matchPath(doc, "/api/v1/actions/A1/updates", "/api/v1")).toBe("/actions/{code}/updates");
    expect(matchPath(doc, "/api/v1/actions", "/api/v1")).toBe("/actions");
    expect(matchPath(doc, "/api/v1/nope", "/api/v1")).toBeNull();
  });
});

describe("schema validator", () => {
  it("accepts a conforming body", () => {
    expect(validateSchema(doc, action, sample)).toEqual([]);
  });

  it("fails when a required field goes missing", () => {
    const { title: _title, ...rest } = sample;
    expect(validateSchema(doc, action, rest)).toEqual(["$: missing required title"]);
  });

  it("fails when a field appears that the document does not know", () => {
    expect(validateSchema(doc, action, { ...sample, secret: 1 })).toEqual(["$: unexpected property secret"]);
  });

  it("fails when a type, enum, format or bound changes", () => {
    expect(validateSchema(doc, action, { ...sample, percent: "30" })).toHaveLength(1);
    expect(validateSchema(doc, action, { ...sample, percent: 30.5 })).toHaveLength(1);
    expect(validateSchema(doc, action, { ...sample, percent: 130 })).toHaveLength(1);
    expect(validateSchema(doc, action, { ...sample, status: "done" })).toHaveLength(1);
    expect(validateSchema(doc, action, { ...sample, targetDate: "soon" })).toHaveLength(1);
    expect(validateSchema(doc, action, { ...sample, visions: [{ code: "V1" }] })).toEqual(["$.visions[0]: missing required weight"]);
    expect(validateSchema(doc, action, { ...sample, percent: null })).toEqual([]);
  });
});
