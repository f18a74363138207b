import { describe, expect, it } from "vitest";
import { checkOrigin, type OriginCheckInput } from "./origin-check";

const check = (input: Partial<OriginCheckInput> & { headers?: OriginCheckInput["headers"] }) =>
  checkOrigin({ method: "POST", pathname: "/en/admin", trustProxy: false, ...input, headers: { host: "tracker.example.org", ...input.headers } });

describe("checkOrigin", () => {
  it("allows same-origin requests", () => {
    expect(check({ headers: { origin: "https://tracker.example.org", "sec-fetch-site": "same-origin" } }).allowed).toBe(true);
    expect(check({ headers: { origin: "http://localhost:3200", host: "localhost:3200" } }).allowed).toBe(true);
    // Default ports and letter case do not matter.
    expect(check({ headers: { origin: "https://Tracker.Example.org", host: "tracker.example.org:443" } }).allowed).toBe(true);
  });

  it("refuses cross-site requests for every unsafe method", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) {
      expect(check({ method, headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } }).allowed, method).toBe(false);
      expect(check({ method, headers: { origin: "https://evil.example" } }).allowed, method).toBe(false);
    }
    // Sec-Fetch-Site alone is enough, and a different port is another origin.
    expect(check({ headers: { "sec-fetch-site": "cross-site" } }).allowed).toBe(false);
    expect(check({ headers: { origin: "https://tracker.example.org:8443" } }).allowed).toBe(false);
  });

  it("allows a request without Origin when Sec-Fetch-Site is same-origin or same-site, or absent (curl)", () => {
    expect(check({ headers: { "sec-fetch-site": "same-origin" } }).allowed).toBe(true);
    expect(check({ headers: { "sec-fetch-site": "same-site" } }).allowed).toBe(true);
    expect(check({ headers: {} }).allowed).toBe(true);
  });

  it("refuses an opaque or malformed Origin", () => {
    expect(check({ headers: { origin: "null" } })).toEqual({ allowed: false, reason: "opaque Origin" });
    expect(check({ headers: { origin: "not a url" } }).allowed).toBe(false);
  });

  it("lets machine clients with a bearer token through on /api/v1/ only", () => {
    const cross = { origin: "https://other.example", "sec-fetch-site": "cross-site", authorization: "Bearer pt_abc" };
    expect(check({ pathname: "/api/v1/actions/A1/updates", headers: cross }).allowed).toBe(true);
    expect(check({ pathname: "/api/imports", headers: cross }).allowed).toBe(false);
    expect(check({ pathname: "/api/v1/actions/A1/updates", headers: { ...cross, authorization: "Basic abc" } }).allowed).toBe(false);
    expect(check({ pathname: "/api/v1/actions/A1/updates", headers: { ...cross, authorization: undefined } }).allowed).toBe(false);
  });

  it("leaves safe methods untouched", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(check({ method, headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } }).allowed).toBe(true);
    }
  });

  it("uses X-Forwarded-Host and -Proto only behind a trusted proxy", () => {
    const headers = { host: "127.0.0.1:3000", "x-forwarded-host": "tracker.example.org", "x-forwarded-proto": "https", origin: "https://tracker.example.org" };
    expect(check({ headers }).allowed).toBe(false);
    expect(check({ headers, trustProxy: true }).allowed).toBe(true);
    expect(check({ headers: { ...headers, "x-forwarded-proto": "http" }, trustProxy: true }).allowed).toBe(false);
    // An attacker's X-Forwarded-Host is ignored without TRUST_PROXY.
    expect(check({ headers: { host: "tracker.example.org", "x-forwarded-host": "evil.example", origin: "https://evil.example" } }).allowed).toBe(false);
  });
});
