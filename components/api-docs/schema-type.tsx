import type { ReactNode } from "react";
import type { JsonSchema } from "@/lib/openapi";

export type TypeWords = { listOf: string; mapOf: string; orNull: string; oneOf: string };

/** Anchor id of a component schema on the page. */
export const schemaAnchor = (name: string) => `schema-${name}`;

export function refName(schema: JsonSchema): string | null {
  return schema.$ref ? (schema.$ref.split("/").pop() ?? null) : null;
}

/** A schema's type in words, with component schemas as links to their tables. */
export function SchemaType({ schema, words }: { schema: JsonSchema; words: TypeWords }) {
  const name = refName(schema);
  if (name) return <a href={`#${schemaAnchor(name)}`}>{name}</a>;
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const main = types.filter((t) => t !== "null");
  let inner: ReactNode = `${main.join(" | ") || "any"}${schema.format ? ` (${schema.format})` : ""}`;
  if (main[0] === "array" && schema.items) {
    inner = (
      <>
        {words.listOf} <SchemaType schema={schema.items} words={words} />
      </>
    );
  } else if (main[0] === "object" && typeof schema.additionalProperties === "object") {
    inner = (
      <>
        {words.mapOf} <SchemaType schema={schema.additionalProperties} words={words} />
      </>
    );
  }
  return (
    <>
      {inner}
      {types.includes("null") ? ` ${words.orNull}` : null}
      {schema.enum ? ` (${words.oneOf} ${schema.enum.map(String).join(", ")})` : null}
    </>
  );
}
