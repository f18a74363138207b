import { describe, expect, it } from "vitest";
import { configuredOrigin } from "./public-origin";

describe("configuredOrigin", () => {
  it("takes the origin of NEXTAUTH_URL, without a path or trailing slash", () => {
    expect(configuredOrigin({ NEXTAUTH_URL: "https://tracker.example.org" })).toBe("https://tracker.example.org");
    expect(configuredOrigin({ NEXTAUTH_URL: " https://tracker.example.org/api/auth/ " })).toBe("https://tracker.example.org");
    expect(configuredOrigin({ NEXTAUTH_URL: "http://localhost:3000/" })).toBe("http://localhost:3000");
  });

  it("is null when unset, empty, malformed or not http(s)", () => {
    expect(configuredOrigin({})).toBeNull();
    expect(configuredOrigin({ NEXTAUTH_URL: "" })).toBeNull();
    expect(configuredOrigin({ NEXTAUTH_URL: "tracker.example.org" })).toBeNull();
    expect(configuredOrigin({ NEXTAUTH_URL: "ftp://tracker.example.org" })).toBeNull();
  });
});
