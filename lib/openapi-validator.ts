import type { JsonSchema, JsonType, OpenApiDocument } from "./openapi";

/*
 * A JSON Schema subset, enough for the API's own document: type (with type
 * arrays for null), properties, required, additionalProperties, items, enum,
 * $ref into components, numeric bounds, and date/date-time formats. Used by
 * the contract test, so no schema library is needed at run time.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function typeOf(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value as JsonType;
}

function matchesType(value: unknown, type: JsonType): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  const target = doc.components.schemas[name];
  if (!target) throw new Error(`unknown $ref ${schema.$ref}`);
  return resolve(doc, target);
}

/** Every way the value breaks the schema, as "path: problem"; empty when it conforms. */
export function validateSchema(doc: OpenApiDocument, schema: JsonSchema, value: unknown, path = "$"): string[] {
  const s = resolve(doc, schema);
  const errors: string[] = [];
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (!types.some((t) => matchesType(value, t))) return [`${path}: expected ${types.join("|")}, got ${typeOf(value)}`];
  }
  if (value === null) return errors;
  if (s.enum && !s.enum.includes(value as string | number)) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${s.enum.join(", ")}`);
  if (typeof value === "number") {
    if (s.minimum !== undefined && value < s.minimum) errors.push(`${path}: below ${s.minimum}`);
    if (s.maximum !== undefined && value > s.maximum) errors.push(`${path}: above ${s.maximum}`);
  }
  if (typeof value === "string") {
    if (s.format === "date" && !DATE.test(value)) errors.push(`${path}: not a date`);
    if (s.format === "date-time" && !DATE_TIME.test(value)) errors.push(`${path}: not a date-time`);
    if (s.minLength !== undefined && value.length < s.minLength) errors.push(`${path}: shorter than ${s.minLength}`);
    if (s.maxLength !== undefined && value.length > s.maxLength) errors.push(`${path}: longer than ${s.maxLength}`);
  }
  if (Array.isArray(value)) {
    if (s.maxItems !== undefined && value.length > s.maxItems) errors.push(`${path}: more than ${s.maxItems} items`);
    if (s.items) value.forEach((item, i) => errors.push(...validateSchema(doc, s.items as JsonSchema, item, `${path}[${i}]`)));
  }
  if (typeOf(value) === "object") {
    const obj = value as Record<string, unknown>;
    for (const key of s.required ?? []) if (!(key in obj)) errors.push(`${path}: missing required ${key}`);
    for (const [key, v] of Object.entries(obj)) {
      const prop = s.properties?.[key];
      if (prop) errors.push(...validateSchema(doc, prop, v, `${path}.${key}`));
      else if (s.additionalProperties === false) errors.push(`${path}: unexpected property ${key}`);
      else if (typeof s.additionalProperties === "object") errors.push(...validateSchema(doc, s.additionalProperties, v, `${path}.${key}`));
    }
  }
  return errors;
}

/** The documented path template ("/actions/{code}") a concrete API path ("/api/v1/actions/A1") belongs to. */
export function matchPath(doc: OpenApiDocument, pathname: string, base: string): string | null {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  const parts = rest.split("/");
  for (const template of Object.keys(doc.paths)) {
    const t = template.split("/");
    if (t.length === parts.length && t.every((seg, i) => (seg.startsWith("{") && seg.endsWith("}") ? parts[i] !== "" : seg === parts[i]))) return template;
  }
  return null;
}
