import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isEmbedPath, newNonce, securityHeaders } from "./security-headers";

const base = { nonce: "bm9uY2U=", dev: false, production: true };

describe("securityHeaders", () => {
  it("sends the full set with a nonce-based CSP that refuses framing", () => {
    const h = securityHeaders({ ...base, pathname: "/actions/A1" });
    const csp = h["Content-Security-Policy"]!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'nonce-bm9uY2U='");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data: blob:");
    for (const d of ["font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(d);
    }
    expect(h).toMatchObject({
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    });
    for (const feature of ["camera=()", "microphone=()", "geolocation=()", "interest-cohort=()"]) expect(h["Permissions-Policy"]).toContain(feature);
  });

  it("lets any site frame the embeds, and only them", () => {
    for (const pathname of ["/embed", "/embed/", "/embed/status", "/embed/actions/A1"]) {
      const h = securityHeaders({ ...base, pathname });
      expect(h["Content-Security-Policy"]).toContain("frame-ancestors *");
      expect(h["X-Frame-Options"]).toBeUndefined();
    }
    for (const pathname of ["/", "/embedded", "/en/embed/status", "/embed/../admin", "/embed/%2e%2e/admin", "/embed/x/..", "/admin"]) {
      expect(isEmbedPath(pathname), pathname).toBe(false);
      expect(securityHeaders({ ...base, pathname })["X-Frame-Options"]).toBe("DENY");
    }
  });

  it("sends HSTS only in production and allows eval only in development", () => {
    const dev = securityHeaders({ ...base, pathname: "/", dev: true, production: false });
    expect(dev["Strict-Transport-Security"]).toBeUndefined();
    expect(contentSecurityPolicy({ pathname: "/", nonce: "n", dev: true })).toContain("script-src 'self' 'nonce-n' 'unsafe-eval'");
  });

  it("makes a new 128-bit nonce every time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});
