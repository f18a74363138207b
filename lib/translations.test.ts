import { describe, expect, it } from "vitest";
import { localize, sourceHash, translationKey, translationState } from "./translations";

describe("sourceHash", () => {
  it("is a sha256 hex digest that ignores line-ending and surrounding-space differences only", () => {
    expect(sourceHash("Title")).toMatch(/^[0-9a-f]{64}$/);
    expect(sourceHash("a\r\nb ")).toBe(sourceHash("a\nb"));
    expect(sourceHash("Title")).not.toBe(sourceHash("Title."));
  });
});

describe("translationState", () => {
  it("is current against the English it was made from, outdated after the English changes, missing without a text", () => {
    const stored = { text: "标题", sourceHash: sourceHash("Title") };
    expect(translationState("Title", stored)).toBe("current");
    expect(translationState("New title", stored)).toBe("outdated");
    expect(translationState("Title", undefined)).toBe("missing");
    expect(translationState("Title", { text: " ", sourceHash: sourceHash("Title") })).toBe("missing");
  });
});

describe("localize", () => {
  const stored = { text: "标题", sourceHash: sourceHash("Title") };

  it("shows English as the source on English pages, whatever is stored", () => {
    expect(localize("Title", stored, "en")).toEqual({ text: "Title", state: "source", lang: "en" });
  });

  it("shows the translation when current, and still shows it (flagged) when outdated", () => {
    expect(localize("Title", stored, "zh")).toEqual({ text: "标题", state: "current", lang: "zh" });
    expect(localize("Changed", stored, "zh")).toEqual({ text: "标题", state: "outdated", lang: "zh" });
  });

  it("falls back to the English, marked as English, when there is no translation", () => {
    expect(localize("Title", undefined, "zh")).toEqual({ text: "Title", state: "missing", lang: "en" });
  });

  it("needs no notice for empty English text", () => {
    expect(localize("", undefined, "zh").state).toBe("source");
  });
});

describe("translationKey", () => {
  it("keys updates by id and everything else by its code or slug", () => {
    expect(translationKey("update", 12, "narrative")).toBe("update:12:narrative");
    expect(translationKey("action", "A1", "title")).toBe("action:A1:title");
  });
});
