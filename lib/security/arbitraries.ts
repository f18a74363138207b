import fc from "fast-check";
import type { FieldKind, FieldSpec } from "./mutations";

/*
 * fast-check generators of input that a mutation must refuse. Each field
 * kind has values that are wrong for it by construction (a wrong type, a
 * missing required field, a string too long, one holding a NUL byte or a
 * lone surrogate, a value outside the enum or range...), so a payload with at
 * least one such field must come back as a clean validation failure, never
 * as a write and never as an exception.
 */

/** Hostile text that is still valid text: it must be stored and shown verbatim, never run. */
export const HOSTILE_STRINGS = [
  "'; drop table users; --",
  "\"; DROP TABLE progress_updates; --",
  "' OR '1'='1",
  "1 OR 1=1",
  "' UNION SELECT password_hash FROM users --",
  "$$; select pg_sleep(5); $$",
  "\\'; truncate audit_events; --",
  "%' AND 1=0 --",
  "<img src=x onerror=alert(1)>",
  "<script>alert(document.cookie)</script>",
  "\"><svg onload=alert(1)>",
  "javascript:alert(1)",
  "{{constructor.constructor('alert(1)')()}}",
  "${7*7}",
  "=cmd|' /C calc'!A0",
  "\u202Egnp.exe\u202C",
  "\u200B\u200C\u200D\u2060\uFEFF",
  "\u2066RTL\u2069 \u200Fمرحبا\u200E",
  "👩‍👩‍👧‍👦🏳️‍🌈🇺🇳",
  "Z̸̡̢͓̖̗̺̙a̵̛l̷g̶o̴",
  "𝕳𝖊𝖑𝖑𝖔 ＡＢＣ",
  "\u0085\u2028\u2029",
  "人工智能 能力建设",
  "__proto__",
  "constructor",
  "null",
  "undefined",
  "NaN",
  "-0",
  "1e309",
  "\\u0000",
  "%00",
] as const;

/** Characters no text column may hold: Postgres refuses NUL, and a lone surrogate is not Unicode text. */
export const POISON = ["\u0000", "\uD800", "\uDBFF", "\uDC00", "\uDFFF"] as const;

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: "binary", maxLength: 12 })).map(([a, b]) => `${a}${b}`) },
);

/** Hostile text around a NUL byte or a lone surrogate (ASCII on both sides, so a surrogate cannot pair up). */
export const poisonedText: fc.Arbitrary<string> = fc
  .tuple(hostileText, fc.constantFrom(...POISON), hostileText)
  .map(([a, p, b]) => `${a}x${p}x${b}`);

const MB = 1024 * 1024;
/** At least 1 MB: longer than any field allows. */
export const hugeText: fc.Arbitrary<string> = fc.constantFrom("x", "é", "👍", "<b>", "'; --", " \u200B").map((s) => s.repeat(Math.ceil(MB / s.length)));

/** Own properties named like prototype-pollution vectors, as JSON.parse makes them. */
export const POLLUTION_JSON =
  '{"__proto__":{"polluted":"yes","role":"admin","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}';
export const polluted = (): Record<string, unknown> => JSON.parse(POLLUTION_JSON) as Record<string, unknown>;

export const weirdNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, Number("1e309"), Number.MAX_VALUE, Number.MIN_VALUE, -1, 0.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e-7),
  fc.double(),
);

const nestedArrays: fc.Arbitrary<unknown> = fc.integer({ min: 1, max: 200 }).map((depth) => {
  let v: unknown = [];
  for (let i = 0; i < depth; i += 1) v = [v];
  return v;
});

/** Anything at all, for the values of extra keys. */
export const anything: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  weirdNumber,
  fc.boolean(),
  fc.constant(null),
  nestedArrays,
  fc.constant(polluted()).map(() => polluted()),
  fc.jsonValue({ maxDepth: 3 }),
);

/**
 * Values of the wrong type for a field that wants a string or a number:
 * `null`, booleans, arrays (including one holding a valid-looking number),
 * objects, prototype-pollution objects, deep arrays.
 */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom<unknown>([], [7], ["7"], [[1]], {}, { value: 1 }, { toString: "x" }),
  nestedArrays,
  fc.constant(undefined).map(() => polluted()),
  fc.array(hostileText, { minLength: 1, maxLength: 3 }),
  fc.dictionary(hostileText, hostileText, { maxKeys: 3 }),
);
const wrongTypeNotNull = wrongType.filter((v) => v !== null && v !== undefined);

const isValidNumberIn = (v: unknown, min: number, max: number) => {
  if (typeof v !== "string" && typeof v !== "number") return false;
  if (typeof v === "string" && v.trim() === "") return false;
  const n = Number(v);
  return Number.isFinite(n) && Number.isInteger(n) && n >= min && n <= max;
};

const INT4_MAX = 2_147_483_647;

/** Strings and numbers that no number field in [min, max] may accept. */
const badNumber = (min: number, max: number): fc.Arbitrary<unknown> =>
  fc
    .oneof(
      weirdNumber,
      fc.constantFrom<unknown>(min - 1, max + 1, min + 0.5, INT4_MAX + 1, 1e15, "1.5", "-3", "Infinity", "NaN", "1e400", "12abc", "0x", "--1"),
      hostileText,
      poisonedText,
      hugeText,
    )
    .filter((v) => !isValidNumberIn(v, min, max));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const badDateString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("2025-02-30", "2025-13-01", "2025-00-10", "0000-00-00", "2025-2-3", "03/01/2025", "2025-03-01T00:00:00Z", "2999-12-31", "9999-12-31", "2025-03-01\u0000", "2025\u201303\u201301"),
  hostileText.filter((s) => !ISO_DATE.test(s.trim())),
  poisonedText,
  hugeText,
);

const badUrlString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example",
    "/relative/path",
    "ftp://example.org/x",
    "file:///etc/passwd",
    "http://",
    "https://",
    "https://example.org/\u0000",
    "https://example.org/\uD800",
    `https://example.org/${"a".repeat(2100)}`,
  ),
  hostileText.filter((s) => !/^\s*https?:/i.test(s)),
  hugeText,
);

const PATTERNS = { actionCode: /^A\d{1,3}$/, planCode: /^[AV]\d{1,3}$/, slug: /^[a-z0-9]+(?:-[a-z0-9]+)*$/ };

const badPattern = (name: keyof typeof PATTERNS): fc.Arbitrary<unknown> => {
  const extra: Record<keyof typeof PATTERNS, unknown[]> = {
    actionCode: ["A1000", "a1", "A-1", "A1; drop table actions", "V1", "A 1", "Ａ1", "A1\u0000", ""],
    planCode: ["A1000", "v1", "X1", "V1' OR '1'='1", "A1\u200B", "V\u0661", ""],
    slug: ["compare", "has space", "a--b", "-a", "a-", "a_b", "round/../../etc", "a".repeat(61), "a\u0000b", ""],
  };
  return fc.oneof(
    fc.constantFrom(...extra[name]),
    hostileText.filter((s) => !PATTERNS[name].test(name === "slug" ? s.trim().toLowerCase() : s.trim())),
    poisonedText,
    hugeText,
    wrongType,
  );
};

/** A value the field must refuse, or `MISSING` to leave a required field out. */
export const MISSING = Symbol("missing");

export function invalidFor(kind: FieldKind): fc.Arbitrary<unknown> | null {
  switch (kind.kind) {
    case "text":
      return fc.oneof(wrongTypeNotNull, fc.constant(null), fc.constantFrom("", "   ", "\n\t"), poisonedText, hugeText, fc.constant("y".repeat(kind.max + 1)), ...(kind.missingOk ? [] : [fc.constant(MISSING)]));
    case "optText":
      return fc.oneof(wrongTypeNotNull, poisonedText, hugeText, fc.constant("y".repeat(kind.max + 1)));
    case "id":
      return fc.oneof(wrongType, badNumber(1, INT4_MAX), fc.constantFrom<unknown>(0, -1, "0", ""), fc.constant(MISSING));
    case "int":
      return fc.oneof(wrongType, badNumber(kind.min, kind.max), ...(kind.missingOk ? [] : [fc.constant(MISSING), fc.constant("")]));
    case "enum":
      return fc.oneof(wrongType, weirdNumber, hostileText.filter((s) => !kind.values.includes(s)), poisonedText, fc.constantFrom(...kind.values.map((v) => ` ${v.toUpperCase()}`)), fc.constant(MISSING));
    case "date":
      return fc.oneof(wrongType, weirdNumber, badDateString, fc.constantFrom("", " "), fc.constant(MISSING));
    case "optDate":
      return fc.oneof(wrongTypeNotNull, weirdNumber, badDateString);
    case "optUrl":
      return fc.oneof(wrongTypeNotNull, weirdNumber, badUrlString);
    case "urlList":
      return fc.oneof(
        wrongTypeNotNull.filter((v) => !Array.isArray(v) || v.length > 0),
        weirdNumber,
        badUrlString.map((bad) => `https://example.org/ok\n${bad}`),
        fc.tuple(fc.array(fc.constant("https://example.org/ok"), { maxLength: 2 }), fc.oneof(badUrlString, wrongTypeNotNull)).map(([ok, bad]) => [...ok, bad]),
        fc.integer({ min: 11, max: 50 }).map((n) => Array.from({ length: n }, (_, i) => `https://example.org/${i}`)),
      );
    case "email":
      return fc.oneof(wrongType, weirdNumber, hostileText.filter((s) => !s.includes("@")), fc.constantFrom("a@", "@example.org", "a@@example.org", "a b@example.org", "admin@example.org\u0000"), hugeText, fc.constant(MISSING));
    case "password":
      return fc.oneof(wrongType, weirdNumber, fc.string({ maxLength: 11 }), hugeText, fc.constant(MISSING));
    case "optPassword":
      // "" and null mean "no temporary password", which is valid.
      return fc.oneof(wrongTypeNotNull, weirdNumber, fc.string({ minLength: 1, maxLength: 11 }), hugeText);
    case "existingPassword":
      return fc.oneof(wrongType, weirdNumber, fc.constant(""), hugeText, fc.constant(MISSING));
    case "confirmation":
      // The field it repeats is a fresh random password, so none of these can equal it.
      return fc.oneof(wrongType, weirdNumber, hostileText, fc.constant(""), hugeText, fc.constant(MISSING));
    case "pattern":
      return fc.oneof(badPattern(kind.name), fc.constant(MISSING));
    case "weights":
      return fc.oneof(
        wrongType.filter((v) => !(Array.isArray(v) && v.length > 0 && typeof v[0] === "object")),
        fc.constant([]),
        fc.tuple(badPattern("planCode").filter((c) => !(typeof c === "string" && /^V\d{1,3}$/.test(c.trim()))), fc.integer({ min: 1, max: 100 })).map(([visionCode, weight]) => [{ visionCode, weight }]),
        badNumber(1, 100).map((weight) => [{ visionCode: "V1", weight }]),
        fc.constant([{ visionCode: "V1", weight: 1 }, { visionCode: "V1", weight: 2 }]),
        fc.oneof(wrongType, hostileText).map((entry) => [entry]),
        fc.constant(MISSING),
      );
    case "object":
      // Not an object at all; corruptPayload also makes the nested object's own fields bad.
      return fc.oneof(wrongType.filter((v) => typeof v !== "object" || v === null || Array.isArray(v)), hostileText, weirdNumber, fc.constant(MISSING));
    case "checkbox":
      // Any value is a valid checkbox (checked or not): nothing to refuse.
      return null;
  }
}

const POLLUTION_KEYS = ["__proto__", "constructor", "prototype"];

/** Adds own properties by definition, as JSON.parse would: `__proto__` stays a plain key and pollutes nothing. */
function defineOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const clone = <V>(v: V): V => JSON.parse(JSON.stringify(v)) as V;

/**
 * A payload built from a valid one with at least one field made invalid,
 * plus, at random, hostile (but valid) text in the other text fields and
 * extra keys, including prototype-pollution ones. Now and then the payload
 * is not an object at all.
 */
export function corruptPayload(base: Record<string, unknown>, spec: FieldSpec): fc.Arbitrary<unknown> {
  const corruptible = Object.entries(spec).filter(([, kind]) => invalidFor(kind) !== null);
  if (corruptible.length === 0) throw new Error("nothing to corrupt");
  const fieldArbs = corruptible.map(([name, kind]) => {
    const arb = invalidFor(kind) as fc.Arbitrary<unknown>;
    if (kind.kind !== "object") return arb.map((value) => [name, value] as const);
    // A nested object (a correction's replacement): either not an object, or its own valid base with a bad field.
    const nestedBase = (base[name] ?? {}) as Record<string, unknown>;
    return fc.oneof(arb, corruptPayload(nestedBase, kind.fields)).map((value) => [name, value] as const);
  });
  const textFields = Object.entries(spec).filter(([, k]) => k.kind === "text" || k.kind === "optText").map(([n]) => n);
  const structured = fc
    .record({
      bad: fc.uniqueArray(fc.oneof(...fieldArbs), { minLength: 1, maxLength: Math.min(3, corruptible.length), selector: ([name]) => name }),
      hostile: fc.dictionary(textFields.length ? fc.constantFrom(...textFields) : fc.constant("_none"), hostileText, { maxKeys: 2 }),
      extra: fc.dictionary(fc.oneof(hostileText, fc.constantFrom(...POLLUTION_KEYS, "role", "authorId", "reviewState", "id")), anything, { maxKeys: 3 }),
      pollute: fc.boolean(),
    })
    .map(({ bad, hostile, extra, pollute }) => {
      const out = clone(base);
      for (const [name, value] of Object.entries(hostile)) if (Object.hasOwn(out, name)) out[name] = value;
      for (const [name, value] of Object.entries(extra)) if (!Object.hasOwn(spec, name)) defineOwn(out, name, value);
      if (pollute) for (const [k, v] of Object.entries(polluted())) defineOwn(out, k, v);
      for (const [name, value] of bad) {
        if (value === MISSING) delete out[name];
        else defineOwn(out, name, value);
      }
      return out as unknown;
    });
  return fc.oneof(
    { weight: 9, arbitrary: structured },
    { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.constant(undefined), weirdNumber, hostileText, hugeText, nestedArrays, fc.constant(0).map(() => polluted()), fc.array(fc.constant(base))) },
  );
}

/** JSON text, keeping what JSON.stringify would lose: 1e309 and -0 are written as such, NaN makes the text invalid JSON. */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== "number") return v;
    if (Number.isNaN(v)) return "\u0001NaN\u0001";
    if (v === Infinity) return "\u0001INF\u0001";
    if (v === -Infinity) return "\u0001NINF\u0001";
    if (Object.is(v, -0)) return "\u0001NEG0\u0001";
    return v;
  });
  if (text === undefined) return "";
  return text.replace(/"\\u0001(NaN|INF|NINF|NEG0)\\u0001"/g, (_m, t: string) => ({ NaN: "NaN", INF: "1e309", NINF: "-1e309", NEG0: "-0" })[t] ?? "null");
}

/**
 * The same, posted as a browser form: every value a string, nested objects
 * (a correction's replacement) posted flat, vision weights as the edit form's
 * `vision.Vn` / `weight.Vn` pairs. Only string-valued bad values are used, so
 * flattening cannot turn a bad value into a good one (as String([7]) would,
 * or FormData itself does with a lone surrogate).
 */
export function corruptForm(base: Record<string, unknown>, spec: FieldSpec): fc.Arbitrary<FormData> {
  const flatSpec: FieldSpec = {};
  const flatBase: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(spec)) {
    if (kind.kind === "object") {
      Object.assign(flatSpec, kind.fields);
      Object.assign(flatBase, (base[name] ?? {}) as Record<string, unknown>);
    } else {
      flatSpec[name] = kind;
      if (Object.hasOwn(base, name)) flatBase[name] = base[name];
    }
  }
  // FormData holds USV strings: a lone surrogate becomes U+FFFD on the way in, which is valid text, so those are left out.
  const stringOnly = (arb: fc.Arbitrary<unknown>) => arb.filter((v) => (typeof v === "string" && v.isWellFormed()) || v === MISSING);
  const corruptible = Object.entries(flatSpec).filter(([, kind]) => kind.kind !== "weights" && invalidFor(kind) !== null);
  const badWeight = fc.oneof(badNumber(1, 100).filter((v): v is string => typeof v === "string"), fc.constantFrom("", "0", "101"));
  const fieldArbs = [
    ...corruptible.map(([name, kind]) => stringOnly(invalidFor(kind) as fc.Arbitrary<unknown>).map((value) => [name, value] as const)),
    ...(flatSpec.visionWeights ? [badWeight.map((w) => ["weight.V2", w] as const), fc.constant(["visionWeights", MISSING] as const)] : []),
  ];
  return fc
    .record({
      bad: fc.uniqueArray(fc.oneof(...fieldArbs), { minLength: 1, maxLength: 3, selector: ([name]) => name }),
      extra: fc.dictionary(fc.oneof(hostileText, fc.constantFrom(...POLLUTION_KEYS, "role", "authorId", "vision.V99")), hostileText, { maxKeys: 3 }),
    })
    .map(({ bad, extra }) => {
      const values = new Map<string, string>();
      for (const [name, value] of Object.entries(flatBase)) {
        if (name === "visionWeights") {
          for (const w of value as { visionCode: string; weight: number }[]) {
            values.set(`vision.${w.visionCode}`, "on");
            values.set(`weight.${w.visionCode}`, String(w.weight));
          }
        } else values.set(name, Array.isArray(value) ? value.join("\n") : String(value));
      }
      for (const [name, value] of Object.entries(extra)) if (!Object.hasOwn(flatSpec, name) && !values.has(name)) values.set(name, value);
      for (const [name, value] of bad) {
        if (name === "visionWeights") {
          for (const key of [...values.keys()]) if (key.startsWith("vision.")) values.delete(key);
        } else if (value === MISSING) values.delete(name);
        else values.set(name, value as string);
      }
      const form = new FormData();
      for (const [name, value] of values) form.append(name, value);
      // So a failing case prints its fields rather than "[object FormData]".
      Object.defineProperty(form, fc.toStringMethod, { value: () => `FormData ${fc.stringify([...values])}` });
      return form;
    });
}
