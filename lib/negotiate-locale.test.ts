import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./negotiate-locale";

const locales = ["en", "zh"] as const;

describe("negotiateLocale", () => {
  it("follows quality values and primary subtags", () => {
    expect(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8", locales, "en")).toBe("zh");
    expect(negotiateLocale("en-GB,en;q=0.9,zh;q=0.5", locales, "en")).toBe("en");
    expect(negotiateLocale("fr-FR,fr;q=0.9,zh-TW;q=0.7,en;q=0.6", locales, "en")).toBe("zh");
    expect(negotiateLocale("ZH-hans", locales, "en")).toBe("zh");
  });

  it("falls back when nothing matches or the header is missing or odd", () => {
    expect(negotiateLocale("fr,de;q=0.5", locales, "en")).toBe("en");
    expect(negotiateLocale(null, locales, "en")).toBe("en");
    expect(negotiateLocale("zh;q=0", locales, "en")).toBe("en");
    expect(negotiateLocale("zh;q=abc, en", locales, "en")).toBe("en");
  });
});
