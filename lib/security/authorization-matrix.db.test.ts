import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditEvents } from "@/db/schema";
import { snapshotDatabase, validUpdate } from "@/db/testing/fixtures";
import * as progress from "@/lib/actions/progress";
import {
  ACTION_MODULES,
  PRINCIPALS,
  accepted,
  actionModuleFiles,
  buildMutations,
  createWorld,
  credentialsOf,
  exportedActions,
  mutatingRoutes,
  observed,
  OUT_OF_MATRIX_ROUTES,
  serverActionFiles,
  type Expected,
  type Mutation,
  type Principal,
  type World,
} from "./mutations";
import { testSession } from "./session";

/*
 * The authorisation matrix: every mutation of the app (lib/security/mutations.ts:
 * each server action, the write API, the CSV import) against every kind of
 * caller, through the real action wrapper or route handler and the real
 * database. Only the session lookup is replaced: the "session" holds a user
 * id, and the real getActiveActor decides who that is now (so a disabled
 * user's session is tested for real). Bearer tokens go through the real
 * token check.
 *
 * Callers (mutations.ts, PRINCIPALS): anonymous; an analyst; an admin; and
 * admins whose session outlived a change (disabled, signed out everywhere by
 * a newer session version, forced to change their password); and, sent
 * without a session, a valid, a revoked, and a disabled analyst's API token.
 *
 * The expected outcome of every cell is written in the table (mutations.ts):
 * "ok", "unauthenticated", "forbidden" or "passwordChangeRequired" for server
 * actions, an HTTP status for route handlers. An accepted call must change
 * the database and leave the number of audit events the row says; a refused
 * one must change nothing (row counts and a checksum of every table; only a
 * token's last use and the rate-limit counters may move).
 *
 * The table must cover everything: a new export in lib/actions, a new
 * "use server" file elsewhere, or a new route file under app/api exporting
 * POST/PUT/PATCH/DELETE fails the first tests below until it has a row.
 */
vi.mock("@/lib/current-user", async () => {
  const { getActiveActor } = await import("@/db/queries/users");
  const { testSession: s } = await import("./session");
  // As the real getCurrentUser: the session's user as of now, and only if the session's version is still theirs.
  return { getCurrentUser: async () => (s.userId === null ? null : getActiveActor(s.userId, s.sessionVersion === undefined ? {} : { sessionVersion: s.sessionVersion })) };
});
vi.mock("next/cache", () => ({ updateTag: vi.fn(), revalidateTag: vi.fn(), revalidatePath: vi.fn(), unstable_cache: <T>(fn: T) => fn }));

// A request's own bookkeeping, whatever its outcome: the token's last use and the rate-limit counters.
const REQUEST_BOOKKEEPING = ["api_tokens.last_used_at", "rate_limit_counters.*"];

// The table's payload builders read the world only when called, so the rows (and the test names) exist up front.
const world = {} as World;
const table: Mutation[] = buildMutations(world);

async function auditCount(): Promise<number> {
  return (await db.select({ id: auditEvents.id }).from(auditEvents)).length;
}

beforeAll(async () => {
  Object.assign(world, await createWorld());
});

describe("authorisation matrix", () => {
  it("has a row for every exported server action", () => {
    expect(actionModuleFiles()).toEqual(Object.keys(ACTION_MODULES).sort());
    const rows = table.filter((m) => m.kind === "action").map((m) => m.name);
    expect(exportedActions()).toEqual(rows.sort());
  });

  it("finds server actions nowhere but lib/actions", () => {
    expect(serverActionFiles()).toEqual(actionModuleFiles().map((m) => `lib/actions/${m}.ts`));
  });

  it("has a row for every mutating route handler (next-auth's sign-in is out of scope)", () => {
    const routes = mutatingRoutes().filter((r) => !OUT_OF_MATRIX_ROUTES.some((out) => r.endsWith(` ${out}`)));
    expect(routes).toContain("POST /api/v1/actions/[code]/updates");
    expect(routes).toContain("POST /api/imports");
    expect(routes).toEqual([...new Set(table.flatMap((m) => (m.route ? [m.route] : [])))].sort());
  });

  it("writes an outcome for every principal in every row", () => {
    for (const row of table) expect(Object.keys(row.expect).sort(), row.name).toEqual([...PRINCIPALS].sort());
  });

  const cells = table.flatMap((row) => PRINCIPALS.map((who) => [row.name, who, row.expect[who]] as const));
  it.each(cells)("%s as %s → %s", (name: string, who: Principal, expected) => checkCell(name, who, expected));

  async function checkCell(name: string, who: Principal, expected: Expected) {
    const row = table.find((r) => r.name === name);
    if (!row) throw new Error(name);
    const payload = await row.valid();
    const before = await snapshotDatabase(REQUEST_BOOKKEEPING);
    const auditBefore = await auditCount();
    const outcome = await row.invoke(payload, credentialsOf(world, who));
    const detail = outcome.kind === "route" ? outcome.text.slice(0, 300) : JSON.stringify(outcome.result);
    expect(observed(outcome), detail).toBe(expected);
    if (expected === "ok" || (typeof expected === "number" && expected < 300)) {
      expect(accepted(outcome), detail).toBe(true);
      expect(await snapshotDatabase(REQUEST_BOOKKEEPING)).not.toEqual(before);
      // Every accepted write leaves its audit events (one per written item, plus one per import), in the same transaction.
      expect(await auditCount()).toBe(auditBefore + row.auditEvents);
    } else {
      expect(accepted(outcome)).toBe(false);
      expect(await snapshotDatabase(REQUEST_BOOKKEEPING)).toEqual(before);
    }
  }

  it("validates before anything is written, with field messages", async () => {
    testSession.userId = world.analyst.id;
    const before = await snapshotDatabase();
    const result = await progress.submitUpdateAction(null, validUpdate({ percent: 140, narrative: "", evidenceLinks: ["javascript:alert(1)"], occurredOn: "2025-02-31", actionCode: "A999" }));
    expect(result).toMatchObject({ ok: false, error: "invalid" });
    expect(result.ok ? {} : result.fieldErrors).toMatchObject({
      percent: ["outOfRange"],
      narrative: ["required"],
      evidenceLinks: ["invalidUrl"],
      occurredOn: ["invalidDate"],
    });
    const unknown = await progress.submitUpdateAction(null, validUpdate({ actionCode: "A99" }));
    testSession.userId = null;
    expect(unknown).toMatchObject({ ok: false, error: "invalid", fieldErrors: { actionCode: ["unknownAction"] } });
    expect(await snapshotDatabase()).toEqual(before);
  });

  it("accepts form posts as well as objects", async () => {
    testSession.userId = world.analyst.id;
    const form = new FormData();
    for (const [k, v] of Object.entries(validUpdate({ evidenceLinks: "https://example.org/x\nhttps://example.org/y" }))) form.set(k, String(v));
    const result = await progress.submitUpdateAction(null, form);
    testSession.userId = null;
    expect(result).toMatchObject({ ok: true });
  });
});
