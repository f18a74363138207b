import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { hitRateLimit, writeRateLimit } from "@/db/queries/rate-limits";
import { createToken, revokeToken } from "@/db/queries/tokens";
import { progressUpdates } from "@/db/schema";
import { makeActor, snapshotUpdates, validUpdate } from "@/db/testing/fixtures";
import type { Actor } from "./permissions";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn, updateTag: vi.fn(), revalidateTag: vi.fn(), revalidatePath: vi.fn() }));

const { createUpdateFromRequest } = await import("./api-write");
const updatesRoute = await import("@/app/api/v1/actions/[code]/updates/route");
const actionsRoute = await import("@/app/api/v1/actions/route");

let admin: Actor;
let analyst: Actor;

const body = (overrides: Record<string, unknown> = {}) => {
  const { actionCode: _ignored, ...rest } = validUpdate(overrides);
  return rest;
};

function request(token: string | null, payload: unknown, code = "A3"): Request {
  return new Request(`http://localhost/api/v1/actions/${code}/updates`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: typeof payload === "string" ? payload : JSON.stringify(payload),
  });
}

async function send(token: string | null, payload: unknown, code = "A3", limit = 1000) {
  const res = await createUpdateFromRequest(request(token, payload, code), code, { limit });
  return { res, json: (await res.json()) as Record<string, unknown> };
}

async function newToken(): Promise<{ id: number; token: string }> {
  return createToken(admin, { name: `t-${Date.now()}-${Math.random()}`, userId: analyst.id });
}

beforeAll(async () => {
  admin = await makeActor("admin");
  analyst = await makeActor("analyst");
});

describe("POST /api/v1/actions/{code}/updates", () => {
  it("creates a submitted update authored by the token's analyst", async () => {
    const { token } = await newToken();
    const res = await updatesRoute.POST(request(token, body({ percent: 55 })), { params: Promise.resolve({ code: "A3" }) });
    expect(res.status).toBe(201);
    const json = (await res.json()) as { id: number; state: string };
    expect(json).toEqual({ id: expect.any(Number), state: "submitted" });
    expect(res.headers.get("location")).toBe("/api/v1/actions/A3");
    const [row] = await db.select().from(progressUpdates).where(eq(progressUpdates.id, json.id));
    expect(row).toMatchObject({ reviewState: "submitted", authorId: analyst.id, percent: 55, publishedAt: null });
  });

  it("answers invalid fields with English field messages and writes nothing", async () => {
    const { token } = await newToken();
    const before = await snapshotUpdates();
    const { res, json } = await send(token, body({ percent: 140, evidenceLinks: ["javascript:alert(1)"], narrative: "", occurredOn: "2025-02-30" }));
    expect(res.status).toBe(400);
    expect(json).toMatchObject({
      error: "invalid",
      fieldErrors: {
        percent: ["Enter a value within the allowed range."],
        evidenceLinks: ["Enter a full http:// or https:// link."],
        narrative: ["This field is required."],
        occurredOn: ["Enter a real date as YYYY-MM-DD."],
      },
    });
    const completed = await send(token, body({ status: "completed", percent: 50 }));
    expect(completed.json).toMatchObject({ fieldErrors: { percent: ["A completed action must be at 100%."] } });
    expect(await snapshotUpdates()).toEqual(before);
  });

  it("never answers bad input with a 500", async () => {
    const { token } = await newToken();
    for (const payload of ["{", "null", "[]", "42", JSON.stringify({ percent: "abc", evidenceLinks: 7 }), ""]) {
      const { res, json } = await send(token, payload);
      expect(res.status).toBe(400);
      expect(json).toHaveProperty("message");
    }
    expect((await send(token, body(), "A99")).res.status).toBe(404);
    expect((await send(token, {}, "A99")).res.status).toBe(404);
    expect((await send(token, body(), "not-a-code")).res.status).toBe(404);
  });

  it("answers 401 for a missing, unknown or revoked token", async () => {
    const { id, token } = await newToken();
    const missing = await send(null, body());
    expect(missing.res.status).toBe(401);
    expect(missing.res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(missing.json).toMatchObject({ error: "unauthenticated" });
    expect((await send("pt_unknown", body())).res.status).toBe(401);
    await revokeToken(admin, id);
    expect((await send(token, body())).res.status).toBe(401);
  });

  it("answers 429 with Retry-After once a token passes its limit", async () => {
    const { token } = await newToken();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await send(token, body(), "A3", 2)).res.status);
    expect(statuses).toEqual([201, 201, 429, 429]);
    const limited = await send(token, body(), "A3", 2);
    expect(Number(limited.res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.json).toMatchObject({ error: "rateLimited" });
    // Each token has its own budget.
    const other = await newToken();
    expect((await send(other.token, body(), "A3", 2)).res.status).toBe(201);
  });

  it("counts per fixed window, atomically", async () => {
    const now = new Date("2025-05-05T10:00:30Z");
    const results = await Promise.all(Array.from({ length: 5 }, () => hitRateLimit("test:window", 3, now)));
    expect(results.map((r) => r.count).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    expect(results[0]?.retryAfterSeconds).toBe(30);
    expect((await hitRateLimit("test:window", 3, new Date("2025-05-05T10:01:00Z"))).count).toBe(1);
    expect(writeRateLimit({})).toBe(60);
    expect(writeRateLimit({ API_WRITE_RATE_LIMIT: "5" })).toBe(5);
    expect(writeRateLimit({ API_WRITE_RATE_LIMIT: "junk" })).toBe(60);
  });

  it("answers CORS preflights for reads and the write", async () => {
    for (const res of [updatesRoute.OPTIONS(), actionsRoute.OPTIONS()]) {
      expect(res.status).toBe(204);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("access-control-allow-methods")).toContain("GET");
      expect(res.headers.get("access-control-allow-headers")).toMatch(/Authorization.*Content-Type/);
    }
  });
});

describe("GET caching", () => {
  it("sends a strong ETag and Cache-Control, and 304 for a matching If-None-Match", async () => {
    const first = await actionsRoute.GET(new Request("http://localhost/api/v1/actions"));
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get("cache-control")).toContain("s-maxage");
    const again = await actionsRoute.GET(new Request("http://localhost/api/v1/actions", { headers: { "If-None-Match": `W/${etag}, "other"` } }));
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    const other = await actionsRoute.GET(new Request("http://localhost/api/v1/actions", { headers: { "If-None-Match": '"stale"' } }));
    expect(other.status).toBe(200);
    const past = await actionsRoute.GET(new Request("http://localhost/api/v1/actions?asOf=2025-01-01"));
    expect(past.headers.get("cache-control")).toContain("s-maxage=86400");
    expect(past.headers.get("etag")).not.toBe(etag);
  });
});
