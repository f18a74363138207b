import { describe, expect, it } from "vitest";
import { assertCan, AuthError, can, type Actor, type Permission } from "./permissions";

const analyst: Actor = { id: 1, email: "a@x", name: "A", role: "analyst" };
const admin: Actor = { id: 2, email: "b@x", name: "B", role: "admin" };

const matrix: [Permission, boolean, boolean][] = [
  // permission, analyst, admin
  ["admin:enter", true, true],
  ["update:submit", true, true],
  ["update:list-own", true, true],
  ["update:review", false, true],
  ["plan:edit", false, true],
  ["users:manage", false, true],
  ["audit:read", false, true],
  ["update:correct", false, true],
  ["rounds:manage", false, true],
  ["tokens:manage", false, true],
  ["account:manage-own", true, true],
];

describe("permissions", () => {
  it.each(matrix)("%s: analyst %s, admin %s, anonymous never", (permission, forAnalyst, forAdmin) => {
    expect(can(null, permission)).toBe(false);
    expect(can(analyst, permission)).toBe(forAnalyst);
    expect(can(admin, permission)).toBe(forAdmin);
  });

  it("assertCan tells a missing user from a missing right", () => {
    expect(() => assertCan(null, "plan:edit")).toThrowError(expect.objectContaining({ kind: "unauthenticated" }));
    expect(() => assertCan(analyst, "plan:edit")).toThrowError(AuthError);
    expect(() => assertCan(analyst, "plan:edit")).toThrowError(expect.objectContaining({ kind: "forbidden" }));
    expect(() => assertCan(admin, "plan:edit")).not.toThrow();
  });

  it("a user under a forced password reset may only reach the account page, whatever the role", () => {
    const resetAdmin = { ...admin, mustChangePassword: true };
    expect(can(resetAdmin, "account:manage-own")).toBe(true);
    expect(can(resetAdmin, "admin:enter")).toBe(true);
    for (const [permission] of matrix) {
      if (permission === "admin:enter" || permission === "account:manage-own") continue;
      expect(can(resetAdmin, permission)).toBe(false);
    }
  });
});
