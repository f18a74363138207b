import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./passwords";

describe("password hashing", () => {
  it("hashes with bcrypt at cost 12 or more, and verifies", async () => {
    const hash = await hashPassword("violet-harbour-quietly-77");
    expect(hash).toMatch(/^\$2[aby]\$/);
    expect(bcrypt.getRounds(hash)).toBeGreaterThanOrEqual(12);
    expect(await verifyPassword("violet-harbour-quietly-77", hash)).toBe(true);
    expect(await verifyPassword("violet-harbour-quietly-78", hash)).toBe(false);
  });

  it("compares unknown users against a dummy hash of the same cost, so a miss takes as long as a hit", async () => {
    expect(bcrypt.getRounds(DUMMY_HASH)).toBe(bcrypt.getRounds(await hashPassword("x-y-z-long-password")));
  });
});
