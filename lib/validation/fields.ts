import { z } from "zod";
import { URL_MAX } from "@/lib/vocabulary";

/*
 * Error messages are message-catalog keys in the "validation" namespace, so
 * forms show them in the reader's language and the API can translate them.
 */

/** Empty form fields arrive as "", which must mean "missing", not 0. */
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * Text Postgres can store as given: no NUL byte (Postgres refuses it, so it
 * would surface as an exception) and no lone UTF-16 surrogate (half of an
 * emoji is not Unicode text; the driver would silently store U+FFFD).
 */
export function isStorableText(value: string): boolean {
  return !/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
}

export const requiredText = (max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(max, { error: "tooLong" })
    .refine(isStorableText, { error: "invalid" });

export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (v === null || v === undefined ? "" : v),
    z.string({ error: "invalid" }).trim().max(max, { error: "tooLong" }).refine(isStorableText, { error: "invalid" }),
  );

/** Forms post numbers as strings and JSON as numbers; anything else (null, true, [7], {}) is not a number, rather than 0 or 1 or 7. */
const numberOrString = (v: unknown) => {
  const value = emptyToUndefined(v);
  return value === undefined || typeof value === "string" || typeof value === "number" ? value : Number.NaN;
};

/** Ids are Postgres integers: a larger one could match nothing and would fail in the database instead. */
const ID_MAX = 2_147_483_647;

export const intInRange = (min: number, max: number) =>
  z.preprocess(
    numberOrString,
    z.coerce
      .number({ error: "notANumber" })
      .refine((n) => Number.isFinite(n), { error: "notANumber" })
      .refine((n) => Number.isInteger(n), { error: "notAnInteger" })
      .refine((n) => n >= min && n <= max, { error: "outOfRange" }),
  );

export const idSchema = z.preprocess(
  numberOrString,
  z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" }).max(ID_MAX, { error: "invalid" }),
);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (rejects 2025-02-30). */
export function isRealIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export const isoDate = z.string({ error: "required" }).trim().min(1, { error: "required" }).refine(isRealIsoDate, { error: "invalidDate" });

export const optionalIsoDate = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  z.string().trim().refine(isRealIsoDate, { error: "invalidDate" }).nullable().default(null),
);

/** Only http(s): a javascript: or data: link in evidence would run in readers' browsers. */
export const httpUrl = z
  .string()
  .trim()
  .max(URL_MAX, { error: "tooLong" })
  // Stored as given (not as the parser's normalised href), so the same characters as text are refused.
  .refine(isStorableText, { error: "invalidUrl" })
  .refine(
    (value) => {
      try {
        const u = new URL(value);
        return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
      } catch {
        return false;
      }
    },
    { error: "invalidUrl" },
  );

export const optionalHttpUrl = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), httpUrl.nullable().default(null));

export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export type FieldErrors = Record<string, string[]>;

/** Objects that forms post flat, so their fields' messages belong to the fields themselves. */
const FLAT_POSTED_OBJECTS = new Set(["replacement"]);

/** Field-level messages keyed by the form field's name. */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const [first, second] = issue.path;
    const nested = typeof first === "string" && FLAT_POSTED_OBJECTS.has(first) && second !== undefined;
    const field = nested ? String(second) : first !== undefined ? String(first) : "_form";
    const message = issue.message && /^[a-zA-Z][a-zA-Z0-9]*$/.test(issue.message) ? issue.message : "invalid";
    const list = (out[field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return out;
}
