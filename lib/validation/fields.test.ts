import { describe, expect, it } from "vitest";
import { httpUrl, idSchema, intInRange, isStorableText, optionalText, requiredText } from "./fields";

// Cases the malformed-input fuzz test (lib/security/malformed-input.db.test.ts) found.
describe("fields refuse what the database cannot store or the type does not mean", () => {
  it("refuses NUL bytes and lone surrogates in text, keeps emoji and other Unicode", () => {
    for (const bad of ["a\u0000b", "x\uD800", "\uDC00y", "👍".slice(0, 1)]) {
      expect(isStorableText(bad)).toBe(false);
      expect(requiredText(100).safeParse(bad).success).toBe(false);
      expect(optionalText(100).safeParse(bad).success).toBe(false);
    }
    for (const good of ["👩‍👩‍👧‍👦", "\u202Eabc\u202C", "a\u200Bb", "人工智能", "<img src=x onerror=alert(1)>", "'; drop table users; --"]) {
      expect(isStorableText(good)).toBe(true);
      expect(requiredText(100).parse(good)).toBe(good);
    }
  });

  it("refuses a link holding a NUL byte or a lone surrogate", () => {
    expect(httpUrl.safeParse("https://example.org/\u0000").success).toBe(false);
    expect(httpUrl.safeParse("https://example.org/\uD800").success).toBe(false);
    expect(httpUrl.safeParse("https://example.org/ok").success).toBe(true);
  });

  it("reads ids and numbers only from numbers and strings, and ids only within Postgres integers", () => {
    for (const bad of [true, false, null, [7], ["7"], {}, 2 ** 31, 1e15, 0, -1, 1.5]) expect(idSchema.safeParse(bad).success).toBe(false);
    expect(idSchema.parse("7")).toBe(7);
    expect(idSchema.parse(2 ** 31 - 1)).toBe(2 ** 31 - 1);
    const percent = intInRange(0, 100);
    for (const bad of [null, true, false, [50], {}, "", NaN, Infinity]) expect(percent.safeParse(bad).success).toBe(false);
    expect(percent.parse("50")).toBe(50);
    expect(percent.parse(0)).toBe(0);
  });
});
