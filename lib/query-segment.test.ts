import { describe, expect, it } from "vitest";
import { ACTION_FILTER_KEYS, COMPARE_KEYS, parseQuerySegment, querySegment } from "./query-segment";

describe("querySegment", () => {
  it("keeps only the given keys, first value each, in a fixed order", () => {
    const params = new URLSearchParams("vision=V1&utm=x&status=on_track&status=delayed");
    expect(querySegment(params, ACTION_FILTER_KEYS)).toBe("status=on_track&vision=V1");
    expect(querySegment(new URLSearchParams("to=b&from=a"), COMPARE_KEYS)).toBe("from=a&to=b");
  });

  it("keeps empty values and encodes odd characters", () => {
    expect(querySegment(new URLSearchParams("status="), ACTION_FILTER_KEYS)).toBe("status=");
    expect(querySegment(new URLSearchParams("from=a b&to=c/d"), COMPARE_KEYS)).toBe("from=a+b&to=c%2Fd");
    expect(querySegment(new URLSearchParams("asOf=2025-03-01"), ACTION_FILTER_KEYS)).toBe("");
  });
});

describe("parseQuerySegment", () => {
  it("round-trips what querySegment wrote", () => {
    const segment = querySegment(new URLSearchParams("from=a b&to=c/d"), COMPARE_KEYS);
    expect(parseQuerySegment(segment, COMPARE_KEYS)).toEqual({ from: "a b", to: "c/d" });
    expect(parseQuerySegment("status=on_track", ACTION_FILTER_KEYS)).toEqual({ status: "on_track", vision: undefined });
  });

  it("accepts a percent-encoded segment and drops unknown keys", () => {
    expect(parseQuerySegment("status%3Don_track%26vision%3DV2%26x%3D1", ACTION_FILTER_KEYS)).toEqual({ status: "on_track", vision: "V2" });
    expect(parseQuerySegment("%E0%A4%A", ACTION_FILTER_KEYS)).toEqual({ status: undefined, vision: undefined });
    expect(parseQuerySegment("", COMPARE_KEYS)).toEqual({ from: undefined, to: undefined });
  });
});
