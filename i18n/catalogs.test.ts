import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";

/*
 * Guards the translated catalogs in messages/<locale>/*.json against drift:
 * every namespace and key exists in both locales, placeholders and rich-text
 * tags match, every message parses as ICU, and no long English sentence was
 * left untranslated in the Chinese catalog.
 */

const MESSAGES_DIR = path.resolve(__dirname, "..", "messages");
const SOURCE = "en";
const TARGET = "zh";

/** Key paths whose zh text may legitimately equal the English (names, codes, formats). */
const SAME_AS_ENGLISH_ALLOWED = new Set<string>(["common.siteName"]);

type Catalog = Map<string, string>;
type Ast = ReturnType<IntlMessageFormat["getAst"]>;

function namespaces(locale: string): string[] {
  return readdirSync(path.join(MESSAGES_DIR, locale))
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -".json".length))
    .sort();
}

/** Flattens nested JSON into "namespace.a.b" → message; non-string leaves are kept as a marker to fail on. */
function flatten(value: unknown, prefix: string, out: Catalog): Catalog {
  if (typeof value === "string") {
    out.set(prefix, value);
  } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, `${prefix}.${key}`, out);
  } else {
    out.set(prefix, `\u0000not a string: ${JSON.stringify(value)}`);
  }
  return out;
}

function loadCatalog(locale: string): Catalog {
  const out: Catalog = new Map();
  for (const ns of namespaces(locale)) {
    const json: unknown = JSON.parse(readFileSync(path.join(MESSAGES_DIR, locale, `${ns}.json`), "utf8"));
    flatten(json, ns, out);
  }
  return out;
}

type Shape = { args: Set<string>; tags: Set<string>; literal: string };

/** Walks the ICU syntax tree: argument names, rich-text tag names, and the plain text outside any argument. */
function shapeOf(ast: Ast, shape: Shape = { args: new Set(), tags: new Set(), literal: "" }, topLevel = true): Shape {
  for (const el of ast) {
    if ("options" in el) {
      shape.args.add(el.value);
      for (const option of Object.values(el.options)) shapeOf(option.value, shape, false);
    } else if ("children" in el) {
      shape.tags.add(el.value);
      shapeOf(el.children, shape, topLevel);
    } else if (el.type === 0) {
      if (topLevel) shape.literal += el.value;
    } else if (el.type !== 7 && "value" in el) {
      shape.args.add(el.value);
    }
  }
  return shape;
}

/** Dummy values that exercise every argument and tag, to prove the message formats at runtime. */
function sampleValues(ast: Ast, values: Record<string, unknown> = {}): Record<string, unknown> {
  for (const el of ast) {
    if ("options" in el) {
      if (el.type === 6) values[el.value] = 3;
      else values[el.value] ??= "other";
      for (const option of Object.values(el.options)) sampleValues(option.value, values);
    } else if ("children" in el) {
      values[el.value] = (chunks: unknown[]) => chunks.join("");
      sampleValues(el.children, values);
    } else if (el.type === 2) {
      values[el.value] = 3;
    } else if (el.type === 3 || el.type === 4) {
      values[el.value] = new Date(Date.UTC(2025, 5, 30));
    } else if (el.type === 1) {
      values[el.value] ??= "x";
    }
  }
  return values;
}

function parse(message: string, locale: string): Ast {
  return new IntlMessageFormat(message, locale).getAst();
}

const source = loadCatalog(SOURCE);
const target = loadCatalog(TARGET);

describe("message catalogs", () => {
  it("have the same namespace files in every locale", () => {
    expect(namespaces(TARGET)).toEqual(namespaces(SOURCE));
  });

  it(`have every ${SOURCE} key in ${TARGET} and no extra keys`, () => {
    const missing = [...source.keys()].filter((key) => !target.has(key));
    const extra = [...target.keys()].filter((key) => !source.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it("hold only strings", () => {
    const bad = [...source, ...target].filter(([, message]) => message.startsWith("\u0000")).map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it("are valid ICU messages that format with sample values", () => {
    const failures: string[] = [];
    for (const [locale, catalog] of [[SOURCE, source], [TARGET, target]] as const) {
      for (const [key, message] of catalog) {
        try {
          const format = new IntlMessageFormat(message, locale);
          format.format(sampleValues(format.getAst()) as Parameters<typeof format.format>[0]);
        } catch (error) {
          failures.push(`${locale}:${key}: ${(error as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("use the same placeholders and rich-text tags in both locales", () => {
    const mismatches: string[] = [];
    for (const [key, en] of source) {
      const zh = target.get(key);
      if (zh === undefined) continue;
      let a: Shape, b: Shape;
      try {
        a = shapeOf(parse(en, SOURCE));
        b = shapeOf(parse(zh, TARGET));
      } catch {
        continue; // reported by the ICU validity test
      }
      const sorted = (set: Set<string>) => [...set].sort().join(",");
      if (sorted(a.args) !== sorted(b.args)) mismatches.push(`${key}: {${sorted(a.args)}} vs {${sorted(b.args)}}`);
      if (sorted(a.tags) !== sorted(b.tags)) mismatches.push(`${key}: <${sorted(a.tags)}> vs <${sorted(b.tags)}>`);
    }
    expect(mismatches).toEqual([]);
  });

  it(`leave no long English text untranslated in ${TARGET}`, () => {
    const untranslated: string[] = [];
    for (const [key, en] of source) {
      if (target.get(key) !== en || SAME_AS_ENGLISH_ALLOWED.has(key)) continue;
      let text: string;
      try {
        text = shapeOf(parse(en, SOURCE)).literal.trim();
      } catch {
        text = en;
      }
      if (text.length > 12 && /[A-Za-z]/.test(text) && /^[\x20-\x7E\u2018-\u201D\u2026\u2014\u2013]*$/.test(text)) {
        untranslated.push(`${key}: ${en}`);
      }
    }
    expect(untranslated).toEqual([]);
  });
});
