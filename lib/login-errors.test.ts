import { describe, expect, it } from "vitest";
import { parseRateLimitedError, rateLimitedError } from "./login-errors";

describe("the rate-limited login error code", () => {
  it("carries the wait in whole seconds and reads back", () => {
    expect(rateLimitedError(700)).toBe("RateLimited:700");
    expect(rateLimitedError(0.2)).toBe("RateLimited:1");
    expect(parseRateLimitedError(rateLimitedError(42))).toBe(42);
  });

  it("is not confused with next-auth's own errors", () => {
    for (const other of ["CredentialsSignin", "RateLimited", "RateLimited:abc", "", null, undefined]) expect(parseRateLimitedError(other)).toBeNull();
  });
});
