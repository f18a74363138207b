import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { upsertUser } from "@/db/seed";

/*
 * The real next-auth handler behind the throttle, called as Next.js calls a
 * route handler. next-auth reads the request's headers and cookies through
 * next/headers, which only works inside a Next.js request: the test points
 * those two functions at the request being handled.
 */
process.env.NEXTAUTH_SECRET ??= "test-secret-for-the-route-test-only";
process.env.NEXTAUTH_URL = "http://localhost:3000";
process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT = "5";
// Windows are aligned to the clock: a long one keeps the test's few seconds from straddling a window's end.
process.env.LOGIN_FAILURE_WINDOW_SECONDS = String(100 * 86_400);
delete process.env.TRUST_PROXY;

let current: Request = new Request("http://localhost:3000/");
const nextHeaders = createRequire(import.meta.url)("next/headers") as Record<string, unknown>;
nextHeaders.headers = async () => current.headers;
nextHeaders.cookies = async () => ({
  getAll: () =>
    (current.headers.get("cookie") ?? "")
      .split(";")
      .map((c) => c.trim())
      .filter(Boolean)
      // Decoded, as Next.js hands cookies to route handlers.
      .map((c) => ({ name: c.slice(0, c.indexOf("=")), value: decodeURIComponent(c.slice(c.indexOf("=") + 1)) })),
});

const { GET, POST } = await import("./route");

const BASE = "http://localhost:3000/api/auth";
const context = (...segments: string[]) => ({ params: Promise.resolve({ nextauth: segments }) });

async function call(method: "GET" | "POST", segments: string[], init: { body?: string; cookie?: string } = {}) {
  const headers = new Headers({ host: "localhost:3000" });
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.body) headers.set("content-type", "application/x-www-form-urlencoded");
  const request = new NextRequest(`${BASE}/${segments.join("/")}`, { method, headers, body: init.body });
  current = request;
  return (method === "GET" ? GET : POST)(request, context(...segments));
}

/** What next-auth's client `signIn` does: fetch a CSRF token, then post the credentials with it. */
async function signIn(email: string, password: string) {
  const csrf = await call("GET", ["csrf"]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const body = new URLSearchParams({ email, password, csrfToken, callbackUrl: "/admin", json: "true" }).toString();
  return call("POST", ["callback", "credentials"], { body, cookie });
}

beforeAll(async () => {
  await upsertUser({ email: "throttled@test.local", name: "T", role: "analyst", password: "the-right-password-1" });
  await upsertUser({ email: "lucky@test.local", name: "L", role: "analyst", password: "the-right-password-2" });
});

describe("POST /api/auth/callback/credentials", () => {
  it("signs in with the right password and sets an HttpOnly, SameSite=Lax session cookie", async () => {
    const response = await signIn("lucky@test.local", "the-right-password-2");
    expect(response.status).toBe(200);
    const session = response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
  });

  it("answers 429 with Retry-After after 5 wrong passwords, even for the right one", async () => {
    for (let i = 0; i < 5; i += 1) {
      const wrong = await signIn("throttled@test.local", `wrong-password-${i}`);
      expect(wrong.status).toBe(401);
    }
    const limited = await signIn("throttled@test.local", "wrong-password-6");
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(100 * 86_400);
    const body = (await limited.json()) as { error: string; retryAfter: number; url: string };
    expect(body).toMatchObject({ error: "RateLimited", retryAfter });
    // next-auth's client reads the error from this URL: it carries the wait.
    expect(new URL(body.url).searchParams.get("error")).toBe(`RateLimited:${retryAfter}`);

    const right = await signIn("throttled@test.local", "the-right-password-1");
    expect(right.status).toBe(429);
    expect(right.headers.getSetCookie().some((c) => c.includes("session-token"))).toBe(false);
  });

  it("throttles an unknown email exactly like a known one", async () => {
    for (let i = 0; i < 5; i += 1) expect((await signIn("nobody@test.local", `wrong-password-${i}`)).status).toBe(401);
    expect((await signIn("nobody@test.local", "wrong-password-6")).status).toBe(429);
  });

  it("leaves other next-auth routes alone", async () => {
    expect((await call("GET", ["providers"])).status).toBe(200);
  });
});
