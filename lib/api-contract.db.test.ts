import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { closeRound } from "@/db/queries/rounds";
import { createToken } from "@/db/queries/tokens";
import { approveUpdate, correctUpdate, submitUpdate } from "@/db/queries/updates";
import { makeActor, today, validUpdate } from "@/db/testing/fixtures";
import { API_BASE, buildOpenApiDocument, type HttpMethod } from "./openapi";
import { matchPath, validateSchema } from "./openapi-validator";
import { progressUpdateSchema } from "./validation/progress";

/*
 * The contract test: calls every /api/v1 route handler directly and checks
 * each answer (status, documented headers, body) against the OpenAPI
 * document, then that every documented answer was actually produced.
 */
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn, updateTag: vi.fn(), revalidateTag: vi.fn(), revalidatePath: vi.fn() }));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
type RouteModule = Partial<Record<"GET" | "POST" | "OPTIONS", Handler>>;

const routes: Record<string, RouteModule> = {
  "/visions": (await import("@/app/api/v1/visions/route")) as unknown as RouteModule,
  "/actions": (await import("@/app/api/v1/actions/route")) as unknown as RouteModule,
  "/actions/{code}": (await import("@/app/api/v1/actions/[code]/route")) as unknown as RouteModule,
  "/actions/{code}/updates": (await import("@/app/api/v1/actions/[code]/updates/route")) as unknown as RouteModule,
  "/summary": (await import("@/app/api/v1/summary/route")) as unknown as RouteModule,
  "/rounds": (await import("@/app/api/v1/rounds/route")) as unknown as RouteModule,
  "/rounds/{slug}": (await import("@/app/api/v1/rounds/[slug]/route")) as unknown as RouteModule,
  "/openapi.json": (await import("@/app/api/v1/openapi.json/route")) as unknown as RouteModule,
};

const doc = buildOpenApiDocument();
const seen = new Set<string>();
let token = "";
let roundSlug = "";

function paramsOf(template: string, pathname: string): Record<string, string> {
  const t = template.split("/");
  const p = pathname.slice(API_BASE.length).split("/");
  return Object.fromEntries(t.flatMap((seg, i) => (seg.startsWith("{") ? [[seg.slice(1, -1), decodeURIComponent(p[i] ?? "")]] : [])));
}

/** Calls the route handler for a URL and checks the answer against the document. */
async function call(method: "GET" | "POST", url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const full = new URL(url, "http://localhost");
  const template = matchPath(doc, full.pathname, API_BASE);
  if (!template) throw new Error(`undocumented path ${full.pathname}`);
  const handler = routes[template]?.[method];
  if (!handler) throw new Error(`no ${method} handler for ${template}`);
  const response = await handler(new Request(full, { method, ...init }), { params: Promise.resolve(paramsOf(template, full.pathname)) });
  const operation = doc.paths[template]?.[method.toLowerCase() as HttpMethod];
  if (!operation) throw new Error(`${method} ${template} is not documented`);
  const spec = operation.responses[String(response.status)];
  expect(spec, `${method} ${url} answered ${response.status}, which is not documented`).toBeDefined();
  seen.add(`${method} ${template} ${response.status}`);
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  for (const name of Object.keys(spec?.headers ?? {})) expect(response.headers.get(name), `${method} ${url} ${response.status} header ${name}`).not.toBeNull();
  const text = await response.text();
  const schema = spec?.content?.["application/json"].schema;
  if (!schema) {
    expect(text).toBe("");
    return { status: response.status, body: null, headers: response.headers };
  }
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  const body: unknown = JSON.parse(text);
  expect(validateSchema(doc, schema, body), `${method} ${url} ${response.status}`).toEqual([]);
  return { status: response.status, body, headers: response.headers };
}

const post = (code: string, body: unknown, auth: string | null = token) =>
  call("POST", `${API_BASE}/actions/${code}/updates`, {
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "Content-Type": "application/json", ...(auth ? { Authorization: `Bearer ${auth}` } : {}) },
  });

beforeAll(async () => {
  const admin = await makeActor("admin");
  const analyst = await makeActor("analyst");
  const first = await submitUpdate(analyst, progressUpdateSchema.parse(validUpdate({ occurredOn: "2025-03-01" })));
  await approveUpdate(admin, first.id);
  const second = await submitUpdate(analyst, progressUpdateSchema.parse(validUpdate({ percent: 40, occurredOn: "2025-04-01" })));
  await approveUpdate(admin, second.id);
  await correctUpdate(admin, { updateId: second.id, reason: "Typo in percent", replacement: progressUpdateSchema.parse(validUpdate({ percent: 45, occurredOn: "2025-04-01" })) });
  roundSlug = (await closeRound(admin, { slug: "contract-round", name: "Contract round", cutoffDate: today() })).slug;
  token = (await createToken(admin, { name: "contract", userId: analyst.id })).token;
});

describe("every /api/v1 response matches the OpenAPI document", () => {
  it("documents every route file", () => {
    const dir = path.join(process.cwd(), "app", "api", "v1");
    const found: string[] = [];
    const walk = (d: string) => {
      for (const entry of readdirSync(d)) {
        const full = path.join(d, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (entry === "route.ts") found.push(path.relative(dir, d).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/"));
      }
    };
    walk(dir);
    expect(found.map((f) => `/${f}`).sort()).toEqual(Object.keys(doc.paths).sort());
    expect(Object.keys(routes).sort()).toEqual(Object.keys(doc.paths).sort());
  });

  it("reads: 200, 304, 400, 404", async () => {
    for (const p of ["/visions", "/actions", "/actions/A1", "/summary", "/rounds", `/rounds/${roundSlug}`, "/openapi.json"]) {
      const first = await call("GET", `${API_BASE}${p}`);
      expect(first.status).toBe(200);
      const again = await call("GET", `${API_BASE}${p}`, { headers: { "If-None-Match": first.headers.get("etag") ?? "" } });
      expect(again.status).toBe(304);
    }
    for (const p of ["/visions", "/actions", "/actions/A1", "/summary", "/rounds", `/rounds/${roundSlug}`]) {
      expect((await call("GET", `${API_BASE}${p}?asOf=2025-03-15`)).status).toBe(200);
      expect((await call("GET", `${API_BASE}${p}?round=${roundSlug}`)).status).toBe(200);
      expect((await call("GET", `${API_BASE}${p}?asOf=2025-02-30`)).status).toBe(400);
      expect((await call("GET", `${API_BASE}${p}?round=no-such-round`)).status).toBe(400);
    }
    expect((await call("GET", `${API_BASE}/actions/A99`)).status).toBe(404);
    expect((await call("GET", `${API_BASE}/rounds/no-such-round`)).status).toBe(404);
  });

  it("the action detail shows published updates with their corrections", async () => {
    const { body } = await call("GET", `${API_BASE}/actions/A1`);
    const data = (body as { data: { updates: { percent: number; correction: unknown; correctsId: number | null }[] } }).data;
    expect(data.updates.map((u) => u.percent)).toEqual(expect.arrayContaining([30, 40, 45]));
    expect(data.updates.find((u) => u.percent === 40)?.correction).toMatchObject({ kind: "corrected" });
    expect(data.updates.find((u) => u.percent === 45)?.correctsId).toEqual(expect.any(Number));
    const past = await call("GET", `${API_BASE}/actions/A1?asOf=2000-01-01`);
    expect((past.body as { data: { updates: unknown[] } }).data.updates).toEqual([]);
  });

  it("writes: 201, 400, 401, 404, 413, 429", async () => {
    expect((await post("A2", validUpdate({ actionCode: undefined }))).status).toBe(201);
    expect((await post("A2", { ...validUpdate(), percent: 140 })).status).toBe(400);
    expect((await post("A2", "{not json")).status).toBe(400);
    expect((await post("A2", validUpdate(), null)).status).toBe(401);
    expect((await post("A99", validUpdate())).status).toBe(404);
    expect((await post("A2", { ...validUpdate(), narrative: "x".repeat(70_000) })).status).toBe(413);
    process.env.API_WRITE_RATE_LIMIT = "3";
    try {
      let last = 0;
      for (let i = 0; i < 5; i += 1) last = (await post("A2", validUpdate())).status;
      expect(last).toBe(429);
    } finally {
      delete process.env.API_WRITE_RATE_LIMIT;
    }
  });

  it("produced every documented answer except 503", () => {
    const documented = Object.entries(doc.paths).flatMap(([template, item]) =>
      Object.entries(item).flatMap(([method, op]) => Object.keys(op.responses).filter((s) => s !== "503").map((s) => `${method.toUpperCase()} ${template} ${s}`)),
    );
    expect(documented.filter((d) => !seen.has(d))).toEqual([]);
  });
});
