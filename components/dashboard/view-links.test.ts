import { describe, expect, it } from "vitest";
import type { View } from "@/lib/view";
import { cutoffOf } from "@/lib/view";
import { livePath, roundView, viewHref, viewParams } from "./view-links";

const live: View = { kind: "live" };
const asOf: View = { kind: "asOf", date: "2025-03-01" };
const round: View = { kind: "round", slug: "q1 2025", name: "Q1", cutoffDate: "2025-03-31", closedAt: "2025-04-02T10:00:00.000Z" };

describe("viewHref", () => {
  it("leaves live links alone", () => {
    expect(viewHref("/actions/A1", live)).toBe("/actions/A1");
    expect(viewHref("/actions/A1", live, "update-3")).toBe("/actions/A1#update-3");
  });

  it("appends the past view, before any fragment", () => {
    expect(viewHref("/actions/A1", asOf)).toBe("/actions/A1?asOf=2025-03-01");
    expect(viewHref("/actions/A1", asOf, "update-3")).toBe("/actions/A1?asOf=2025-03-01#update-3");
    expect(viewHref("/actions/A1", round)).toBe("/actions/A1?round=q1%202025");
  });

  it("joins an existing query string with &", () => {
    expect(viewHref("/actions?status=on_track", asOf)).toBe("/actions?status=on_track&asOf=2025-03-01");
  });
});

describe("viewParams", () => {
  it("names the view as query parameters", () => {
    expect(viewParams(live)).toEqual({});
    expect(viewParams(asOf)).toEqual({ asOf: "2025-03-01" });
    expect(viewParams(round)).toEqual({ round: "q1 2025" });
  });
});

describe("livePath", () => {
  it("drops a past-view segment but keeps the page", () => {
    expect(livePath("/en~2025-03-01/actions/A1")).toBe("/actions/A1");
    expect(livePath("/en~r~q1/visions")).toBe("/visions");
    expect(livePath("/en~2025-03-01")).toBe("/");
  });

  it("keeps ordinary paths", () => {
    expect(livePath("/actions/A1")).toBe("/actions/A1");
    expect(livePath("/")).toBe("/");
  });
});

describe("roundView", () => {
  it("freezes the plan at the round's cut-off", () => {
    const view = roundView({ slug: "q1", name: "Q1", cutoffDate: "2025-03-31", closedAt: "2025-04-02T10:00:00.000Z" });
    expect(view).toEqual({ kind: "round", slug: "q1", name: "Q1", cutoffDate: "2025-03-31", closedAt: "2025-04-02T10:00:00.000Z" });
    expect(cutoffOf(view)?.toISOString()).toBe("2025-04-01T00:00:00.000Z");
  });
});
