import { describe, expect, it } from "vitest";
import { machineDate, toDate } from "./dates";

describe("toDate", () => {
  it("reads a calendar date as UTC midnight", () => {
    expect(toDate("2024-09-25").toISOString()).toBe("2024-09-25T00:00:00.000Z");
  });

  it("keeps timestamps as given", () => {
    expect(toDate("2025-02-23T12:00:00.000Z").toISOString()).toBe("2025-02-23T12:00:00.000Z");
  });

  it("shows the same calendar day when formatted in UTC", () => {
    const text = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(toDate("2025-01-01"));
    expect(text).toBe("Jan 1, 2025");
  });
});

describe("machineDate", () => {
  it("keeps calendar dates and normalises timestamps", () => {
    expect(machineDate("2025-12-31")).toBe("2025-12-31");
    expect(machineDate("2025-05-12T12:00:00Z")).toBe("2025-05-12T12:00:00.000Z");
  });
});
