import { describe, expect, it } from "vitest";
import type { DisplayStatus } from "@/lib/vocabulary";
import { filterActions, hasActiveFilters, parseActionFilters } from "./filters";

const visionCodes = ["V1", "V2", "V3"];

describe("parseActionFilters", () => {
  it("keeps known values", () => {
    expect(parseActionFilters({ status: "on_track", vision: "V2" }, visionCodes)).toEqual({
      status: "on_track",
      vision: "V2",
    });
    expect(parseActionFilters({ status: "not_yet_assessed" }, visionCodes).status).toBe("not_yet_assessed");
  });

  it("ignores unknown, empty or missing values", () => {
    expect(parseActionFilters({ status: "bogus", vision: "V9" }, visionCodes)).toEqual({ status: null, vision: null });
    expect(parseActionFilters({ status: "", vision: "" }, visionCodes)).toEqual({ status: null, vision: null });
    expect(parseActionFilters({}, visionCodes)).toEqual({ status: null, vision: null });
    expect(parseActionFilters({ status: "ON_TRACK", vision: "v2" }, visionCodes)).toEqual({ status: null, vision: null });
  });

  it("takes the first of repeated parameters", () => {
    expect(parseActionFilters({ status: ["delayed", "on_track"], vision: ["V3", "V1"] }, visionCodes)).toEqual({
      status: "delayed",
      vision: "V3",
    });
  });
});

describe("filterActions", () => {
  const action = (code: string, status: DisplayStatus, visions: string[]) => ({
    code,
    status,
    visions: visions.map((v) => ({ code: v })),
  });
  const actions = [
    action("A1", "on_track", ["V1"]),
    action("A2", "on_track", ["V2", "V3"]),
    action("A3", "delayed", ["V2"]),
    action("A4", "not_yet_assessed", []),
  ];
  const codes = (list: { code: string }[]) => list.map((a) => a.code);

  it("returns everything without filters", () => {
    expect(codes(filterActions(actions, { status: null, vision: null }))).toEqual(["A1", "A2", "A3", "A4"]);
    expect(hasActiveFilters({ status: null, vision: null })).toBe(false);
  });

  it("filters by status, by vision, and by both", () => {
    expect(codes(filterActions(actions, { status: "on_track", vision: null }))).toEqual(["A1", "A2"]);
    expect(codes(filterActions(actions, { status: null, vision: "V2" }))).toEqual(["A2", "A3"]);
    expect(codes(filterActions(actions, { status: "on_track", vision: "V2" }))).toEqual(["A2"]);
    expect(codes(filterActions(actions, { status: "completed", vision: null }))).toEqual([]);
    expect(hasActiveFilters({ status: null, vision: "V2" })).toBe(true);
  });
});
