import { AsyncLocalStorage } from "node:async_hooks";
import { asc, eq, inArray, like, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, db, dbKind } from "@/db";
import { actionDayStates, actionVisions, actions, auditEvents, progressUpdates, reportingRounds, updateCorrections, users, visions } from "@/db/schema";
import type { Actor } from "@/lib/permissions";
import type { Role } from "@/lib/vocabulary";
import { getPlanState } from "./public";
import { listEditablePlan } from "./plan-admin";
import { listReviewQueue } from "./updates";

/*
 * Reliability under concurrency, through the real server actions and the
 * real database. Only the session lookup is replaced: each simulated request
 * runs with its own user id (AsyncLocalStorage), and the real getActiveActor
 * decides who that is. On Postgres the writers really run at once (a pool
 * of 25 connections); on PGlite they are serialised, and every rule must
 * hold there too.
 */
const session = vi.hoisted(() => ({ current: (): number | null => null }));
vi.mock("@/lib/current-user", async () => {
  const { getActiveActor } = await import("@/db/queries/users");
  return { getCurrentUser: async () => (session.current() === null ? null : getActiveActor(session.current() as number)) };
});
vi.mock("next/cache", () => ({ updateTag: vi.fn(), revalidateTag: vi.fn(), revalidatePath: vi.fn(), unstable_cache: <T>(fn: T) => fn }));
vi.mock("@/lib/server/cache-bus", async (importOriginal) => ({ ...(await importOriginal<object>()), publishTags: vi.fn(async () => {}) }));

const requestUser = new AsyncLocalStorage<number>();
session.current = () => requestUser.getStore() ?? null;

const progress = await import("@/lib/actions/progress");
const plan = await import("@/lib/actions/plan");
const userActions = await import("@/lib/actions/users");
const rounds = await import("@/lib/actions/rounds");

type Result = { ok: boolean; error?: string; data?: unknown };
type ActionFn = (prev: unknown, payload: unknown) => Promise<Result>;

/** One request by `actor`, as the server would run it. */
function as(actor: Actor, action: ActionFn, payload: unknown): Promise<Result> {
  return requestUser.run(actor.id, () => action(null, payload));
}

let seq = 0;
/** Users made straight in the table: a bcrypt hash per user would cost seconds, and nobody logs in here. */
async function makeUsers(role: Role, n: number): Promise<Actor[]> {
  const rows = Array.from({ length: n }, () => {
    seq += 1;
    return { email: `${role}-${seq}@concurrency.test`, name: `${role} ${seq}`, role, passwordHash: "not-a-login" };
  });
  const made = await db.insert(users).values(rows).returning({ id: users.id, email: users.email, name: users.name, role: users.role });
  return made;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const shuffle = <T>(xs: T[]): T[] => xs.map((x) => [Math.random(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);

async function auditCount(action: string, entityId: string): Promise<number> {
  const rows = await db.select({ id: auditEvents.id }).from(auditEvents).where(sql`${auditEvents.action} = ${action} and ${auditEvents.entityId} = ${entityId}`);
  return rows.length;
}

const outcome = (results: Result[]) => ({
  ok: results.filter((r) => r.ok).length,
  errors: [...new Set(results.filter((r) => !r.ok).map((r) => r.error))],
});

beforeAll(async () => {
  if (dbKind() === "postgres") {
    // A bigger pool than the default 10, so that many transactions truly overlap.
    process.env.DATABASE_POOL_SIZE = "25";
    await closeDb();
  }
});

describe("50 concurrent writers submitting and approving on the same actions", () => {
  const codes = ["A1", "A2", "A3"];
  const days = ["2025-05-01", "2025-05-02", "2025-05-02", "2025-05-03"];
  const ledger = {
    submitted: new Map<string, { id: number; authorId: number }>(),
    submitFailures: [] as Result[],
    approved: new Map<number, number[]>(),
    rejected: new Map<number, number[]>(),
    corrected: new Map<number, { adminId: number; replacementId: number | null }[]>(),
    reviewRefusals: [] as Result[],
  };
  let analysts: Actor[];
  let admins: Actor[];

  beforeAll(async () => {
    analysts = await makeUsers("analyst", 40);
    admins = await makeUsers("admin", 10);
    const perAnalyst = 3;
    let submittersLeft = analysts.length;

    const analystWriter = async (analyst: Actor, i: number) => {
      for (let j = 0; j < perAnalyst; j += 1) {
        const marker = `conc-${i}-${j}`;
        const result = await as(analyst, progress.submitUpdateAction as ActionFn, {
          actionCode: codes[(i + j) % codes.length],
          status: (["in_progress", "on_track", "at_risk", "delayed"] as const)[(i * 7 + j) % 4],
          percent: (i * 13 + j * 29) % 101,
          narrative: `${marker} progress note`,
          evidenceLinks: [`https://example.org/${marker}`],
          occurredOn: days[(i + 2 * j) % days.length],
        });
        if (result.ok) ledger.submitted.set(marker, { id: (result.data as { id: number }).id, authorId: analyst.id });
        else ledger.submitFailures.push(result);
        await tick();
      }
      submittersLeft -= 1;
    };

    const adminWriter = async (admin: Actor, k: number) => {
      for (let round = 0; round < 200; round += 1) {
        const queue = (await listReviewQueue(admin)).filter((u) => u.narrative.startsWith("conc-"));
        if (queue.length === 0 && submittersLeft === 0) break;
        // Several admins look at the same queue and pick overlapping updates: they collide on purpose.
        for (const item of shuffle(queue).slice(0, 3)) {
          const reject = (item.id + k) % 7 === 0;
          const result = reject
            ? await as(admin, progress.rejectUpdateAction as ActionFn, { updateId: item.id, reason: `Rejected by ${admin.id}` })
            : await as(admin, progress.approveUpdateAction as ActionFn, { updateId: item.id });
          if (result.ok) {
            const map = reject ? ledger.rejected : ledger.approved;
            map.set(item.id, [...(map.get(item.id) ?? []), admin.id]);
          } else ledger.reviewRefusals.push(result);
        }
        // Now and then an admin corrects or retracts a published update, racing the publications of the same action.
        if (round % 4 === k % 4) {
          const published = [...ledger.approved.keys()];
          const target = published[Math.floor(Math.random() * published.length)];
          if (target !== undefined) {
            const retract = (target + round) % 3 === 0;
            const payload = retract
              ? { mode: "retract", updateId: target, reason: `Retracted by ${admin.id}` }
              : {
                  mode: "correct",
                  updateId: target,
                  reason: `Corrected by ${admin.id}`,
                  replacement: { ...(await replacementFor(target)), narrative: `conc-fix-${target}-${admin.id} replacement`, evidenceLinks: [] },
                };
            const result = await as(admin, progress.correctUpdateAction as ActionFn, payload);
            if (result.ok) {
              const replacementId = (result.data as { replacementId: number | null }).replacementId;
              ledger.corrected.set(target, [...(ledger.corrected.get(target) ?? []), { adminId: admin.id, replacementId }]);
            } else ledger.reviewRefusals.push(result);
          }
        }
        await tick();
      }
    };

    await Promise.all([...analysts.map((a, i) => analystWriter(a, i)), ...admins.map((a, k) => adminWriter(a, k))]);
  }, 120_000);

  async function replacementFor(updateId: number) {
    const [row] = await db
      .select({ actionCode: actions.code, occurredOn: progressUpdates.occurredOn, percent: progressUpdates.percent })
      .from(progressUpdates)
      .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
      .where(eq(progressUpdates.id, updateId));
    return { actionCode: row?.actionCode ?? "A1", status: "on_track", percent: Math.min(100, (row?.percent ?? 0) + 1), occurredOn: row?.occurredOn ?? "2025-05-01" };
  }

  const concRows = () =>
    db.select().from(progressUpdates).where(like(progressUpdates.narrative, "conc-%")).orderBy(asc(progressUpdates.id));

  it("accepts every submission and stores each exactly once", async () => {
    expect(ledger.submitFailures).toEqual([]);
    expect(ledger.submitted.size).toBe(120);
    const rows = (await concRows()).filter((r) => !r.narrative.startsWith("conc-fix-"));
    expect(rows).toHaveLength(ledger.submitted.size);
    for (const [marker, { id, authorId }] of ledger.submitted) {
      const matching = rows.filter((r) => r.narrative === `${marker} progress note`);
      expect(matching, marker).toHaveLength(1);
      expect(matching[0]?.id).toBe(id);
      expect(matching[0]?.authorId).toBe(authorId);
    }
  });

  it("reviews each update at most once, by the admin whose request succeeded", async () => {
    console.info(`[concurrency] approved ${ledger.approved.size}, rejected ${ledger.rejected.size}, corrected ${ledger.corrected.size}, refused ${ledger.reviewRefusals.length}`);
    expect(ledger.approved.size).toBeGreaterThan(0);
    expect(ledger.rejected.size).toBeGreaterThan(0);
    expect(ledger.corrected.size).toBeGreaterThan(0);
    for (const result of ledger.reviewRefusals) expect(["state"]).toContain(result.error);
    const rows = await concRows();
    for (const row of rows.filter((r) => !r.narrative.startsWith("conc-fix-"))) {
      const approvedBy = ledger.approved.get(row.id) ?? [];
      const rejectedBy = ledger.rejected.get(row.id) ?? [];
      expect(approvedBy.length + rejectedBy.length, `update ${row.id}`).toBeLessThanOrEqual(1);
      const expected = approvedBy.length ? "published" : rejectedBy.length ? "rejected" : "submitted";
      expect(row.reviewState, `update ${row.id}`).toBe(expected);
      expect(row.reviewerId).toBe(approvedBy[0] ?? rejectedBy[0] ?? null);
      expect(row.publishedAt === null).toBe(expected !== "published");
    }
  });

  it("records every accepted write once in the audit trail, and nothing for refused ones", async () => {
    const rows = await concRows();
    for (const row of rows) {
      const id = String(row.id);
      const isReplacement = row.narrative.startsWith("conc-fix-");
      expect(await auditCount("update.submit", id), `submit ${id}`).toBe(isReplacement ? 0 : 1);
      expect(await auditCount("update.publish", id), `publish ${id}`).toBe(ledger.approved.has(row.id) ? 1 : 0);
      expect(await auditCount("update.reject", id), `reject ${id}`).toBe(ledger.rejected.has(row.id) ? 1 : 0);
      const corrections = ledger.corrected.get(row.id) ?? [];
      expect(corrections.length, `corrections of ${id}`).toBeLessThanOrEqual(1);
      const kind = corrections[0] ? (corrections[0].replacementId ? "update.correct" : "update.retract") : null;
      expect(await auditCount("update.correct", id)).toBe(kind === "update.correct" ? 1 : 0);
      expect(await auditCount("update.retract", id)).toBe(kind === "update.retract" ? 1 : 0);
    }
    const ids = rows.map((r) => String(r.id));
    const all = await db.select().from(auditEvents).where(inArray(auditEvents.entityId, ids));
    const publishes = all.filter((e) => e.action === "update.publish");
    expect(publishes).toHaveLength(ledger.approved.size);
    for (const e of publishes) expect(ledger.approved.get(Number(e.entityId))).toEqual([e.actorId]);
  });

  it("keeps one correction per corrected update, with its replacement", async () => {
    const rows = await db.select().from(updateCorrections);
    expect(rows).toHaveLength(ledger.corrected.size);
    for (const c of rows) {
      const made = ledger.corrected.get(c.updateId);
      expect(made).toHaveLength(1);
      expect(c.actorId).toBe(made?.[0]?.adminId);
      expect(c.replacementId).toBe(made?.[0]?.replacementId);
    }
  });

  /** The app's rule: among published updates not corrected or retracted, the latest by the date progress happened, then publication time, then id. */
  async function expectedCurrent() {
    const counting = await db
      .select({ id: progressUpdates.id, actionId: progressUpdates.actionId, status: progressUpdates.status, percent: progressUpdates.percent, occurredOn: progressUpdates.occurredOn, publishedAt: progressUpdates.publishedAt })
      .from(progressUpdates)
      .where(sql`${progressUpdates.reviewState} = 'published' and not exists (select 1 from ${updateCorrections} c where c.update_id = ${progressUpdates.id})`);
    const later = (a: (typeof counting)[number], b: (typeof counting)[number]) =>
      a.occurredOn !== b.occurredOn ? a.occurredOn > b.occurredOn : (a.publishedAt?.getTime() ?? 0) !== (b.publishedAt?.getTime() ?? 0) ? (a.publishedAt?.getTime() ?? 0) > (b.publishedAt?.getTime() ?? 0) : a.id > b.id;
    const byAction = new Map<number, (typeof counting)[number]>();
    const byDay = new Map<string, (typeof counting)[number]>();
    for (const u of counting) {
      const cur = byAction.get(u.actionId);
      if (!cur || later(u, cur)) byAction.set(u.actionId, u);
      const key = `${u.actionId}|${u.occurredOn}`;
      const day = byDay.get(key);
      if (!day || later(u, day)) byDay.set(key, u);
    }
    return { byAction, byDay };
  }

  it("shows each action's current status as its latest published update", async () => {
    const { byAction } = await expectedCurrent();
    const ids = new Map((await db.select({ id: actions.id, code: actions.code }).from(actions)).map((a) => [a.code, a.id]));
    const state = await getPlanState();
    for (const code of codes) {
      const latest = byAction.get(ids.get(code) as number);
      const shown = state.actions.find((a) => a.code === code);
      expect(latest, code).toBeDefined();
      expect({ status: shown?.status, percent: shown?.percent, assessedOn: shown?.assessedOn, updatedAt: shown?.updatedAt }, code).toEqual({
        status: latest?.status,
        percent: latest?.percent,
        assessedOn: latest?.occurredOn,
        updatedAt: latest?.publishedAt?.toISOString(),
      });
    }
  });

  it("keeps the precomputed per-day states equal to the updates they summarise", async () => {
    const { byDay } = await expectedCurrent();
    const stored = await db.select().from(actionDayStates);
    const expected = [...byDay.values()].map((u) => ({ actionId: u.actionId, occurredOn: u.occurredOn, updateId: u.id, status: u.status, percent: u.percent }));
    const order = (xs: typeof expected) => [...xs].sort((a, b) => a.actionId - b.actionId || a.occurredOn.localeCompare(b.occurredOn));
    expect(order(stored)).toEqual(order(expected));
  });
});

describe("concurrent edits of one record: exactly one wins, the others get the conflict message", () => {
  let admins: Actor[];
  beforeAll(async () => {
    admins = await makeUsers("admin", 10);
  });

  async function versionOf(code: string): Promise<number> {
    const p = await listEditablePlan(admins[0] as Actor);
    return [...p.visions, ...p.actions].find((x) => x.code === code)?.version ?? 0;
  }

  it("a vision", async () => {
    const version = await versionOf("V3");
    const auditsBefore = await auditCount("vision.edit", "V3");
    const results = await Promise.all(admins.map((a, i) => as(a, plan.editVisionAction as ActionFn, { code: "V3", version, title: `Vision title by writer ${i}` })));
    expect(outcome(results)).toEqual({ ok: 1, errors: ["conflict"] });
    const winner = results.findIndex((r) => r.ok);
    const [row] = await db.select().from(visions).where(eq(visions.code, "V3"));
    expect(row?.title).toBe(`Vision title by writer ${winner}`);
    expect(row?.version).toBe(version + 1);
    expect(await auditCount("vision.edit", "V3")).toBe(auditsBefore + 1);
  });

  it("an action, with its vision weights", async () => {
    const version = await versionOf("A4");
    const auditsBefore = await auditCount("action.edit", "A4");
    const results = await Promise.all(
      admins.map((a, i) =>
        as(a, plan.editActionAction as ActionFn, {
          code: "A4",
          version,
          title: `Action title by writer ${i}`,
          visionWeights: [{ visionCode: i % 2 ? "V1" : "V2", weight: i + 1 }],
        }),
      ),
    );
    expect(outcome(results)).toEqual({ ok: 1, errors: ["conflict"] });
    const winner = results.findIndex((r) => r.ok);
    const [row] = await db.select().from(actions).where(eq(actions.code, "A4"));
    expect(row?.title).toBe(`Action title by writer ${winner}`);
    expect(row?.version).toBe(version + 1);
    const weights = await db.select({ visionId: actionVisions.visionId, weight: actionVisions.weight }).from(actionVisions).where(eq(actionVisions.actionId, row?.id ?? 0));
    expect(weights.map((w) => w.weight)).toEqual([winner + 1]);
    expect(await auditCount("action.edit", "A4")).toBe(auditsBefore + 1);
  });

  it("a user record", async () => {
    const [target] = await makeUsers("analyst", 1);
    const id = (target as Actor).id;
    const results = await Promise.all(
      admins.map((a, i) => as(a, userActions.updateUserAction as ActionFn, { userId: id, version: 1, role: i % 2 ? "admin" : "analyst", disabled: i % 3 === 0 ? "on" : undefined })),
    );
    expect(outcome(results)).toEqual({ ok: 1, errors: ["conflict"] });
    const [row] = await db.select().from(users).where(eq(users.id, id));
    expect(row?.version).toBe(2);
    expect(await auditCount("user.update", String(id))).toBe(1);
  });

  it("the review of one submitted update: one admin publishes or rejects it, the others are told it was already reviewed", async () => {
    const [analyst] = await makeUsers("analyst", 1);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const submitted = await as(analyst as Actor, progress.submitUpdateAction as ActionFn, {
        actionCode: "A5",
        status: "on_track",
        percent: 40 + attempt,
        narrative: `Reviewed once ${attempt}`,
        evidenceLinks: [],
        occurredOn: "2025-06-01",
      });
      const updateId = (submitted.data as { id: number }).id;
      const results = await Promise.all(
        admins.map((a, i) =>
          i % 3 === 2
            ? as(a, progress.rejectUpdateAction as ActionFn, { updateId, reason: "No source" })
            : as(a, progress.approveUpdateAction as ActionFn, { updateId }),
        ),
      );
      expect(outcome(results)).toEqual({ ok: 1, errors: ["state"] });
      const reviews = (await auditCount("update.publish", String(updateId))) + (await auditCount("update.reject", String(updateId)));
      expect(reviews).toBe(1);
    }
  });

  it("the correction of one published update: one correction, the others refused", async () => {
    const [analyst] = await makeUsers("analyst", 1);
    const submitted = await as(analyst as Actor, progress.submitUpdateAction as ActionFn, {
      actionCode: "A6",
      status: "on_track",
      percent: 50,
      narrative: "To be corrected",
      evidenceLinks: [],
      occurredOn: "2025-06-02",
    });
    const updateId = (submitted.data as { id: number }).id;
    expect((await as(admins[0] as Actor, progress.approveUpdateAction as ActionFn, { updateId })).ok).toBe(true);
    const results = await Promise.all(
      admins.map((a, i) =>
        as(a, progress.correctUpdateAction as ActionFn,
          i % 2
            ? { mode: "retract", updateId, reason: `Retract ${i}` }
            : { mode: "correct", updateId, reason: `Correct ${i}`, replacement: { actionCode: "A6", status: "at_risk", percent: 20 + i, narrative: `Replacement ${i}`, evidenceLinks: [], occurredOn: "2025-06-02" } },
        ),
      ),
    );
    expect(outcome(results)).toEqual({ ok: 1, errors: ["state"] });
    expect(await db.select().from(updateCorrections).where(eq(updateCorrections.updateId, updateId))).toHaveLength(1);
    const replacements = await db.select().from(progressUpdates).where(like(progressUpdates.narrative, "Replacement %"));
    expect(replacements.length).toBe(results.some((r) => r.ok && (r.data as { replacementId: number | null }).replacementId) ? 1 : 0);
  });

  it("creating one email twice: one user, the others told the email is taken", async () => {
    const results = await Promise.all(
      admins.slice(0, 4).map((a, i) => as(a, userActions.createUserAction as ActionFn, { email: "Same.Person@concurrency.test", name: `Same ${i}`, role: "analyst", password: "a-long-password-12345" })),
    );
    expect(outcome(results)).toEqual({ ok: 1, errors: ["invalid"] });
    for (const r of results.filter((x) => !x.ok)) expect((r as { fieldErrors?: Record<string, string[]> }).fieldErrors?.email).toEqual(["emailTaken"]);
    expect(await db.select().from(users).where(sql`lower(${users.email}) = 'same.person@concurrency.test'`)).toHaveLength(1);
  });

  it("closing one round slug twice: one round, the others refused", async () => {
    const results = await Promise.all(admins.map((a, i) => as(a, rounds.closeRoundAction as ActionFn, { name: `Round ${i}`, slug: "race-round", cutoffDate: "2025-06-30" })));
    expect(outcome(results)).toEqual({ ok: 1, errors: ["invalid"] });
    for (const r of results.filter((x) => !x.ok)) expect((r as { fieldErrors?: Record<string, string[]> }).fieldErrors?.slug).toEqual(["slugTaken"]);
    expect(await db.select().from(reportingRounds).where(eq(reportingRounds.slug, "race-round"))).toHaveLength(1);
    expect(await auditCount("round.close", "race-round")).toBe(1);
  });
});

describe("the last active admin survives admins disabling each other at once", () => {
  it("never leaves the app without an active admin", async () => {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const pair = await makeUsers("admin", 3);
      // Only these three are active admins now.
      await db.update(users).set({ disabled: true }).where(sql`${users.role} = 'admin' and ${users.id} not in (${sql.join(pair.map((p) => sql`${p.id}`), sql`, `)})`);
      const versions = new Map((await db.select({ id: users.id, version: users.version }).from(users)).map((u) => [u.id, u.version]));
      // Each admin disables the next one: done one by one, the third request would be refused.
      const results = await Promise.all(
        pair.map((a, i) => {
          const victim = pair[(i + 1) % pair.length] as Actor;
          return as(a, userActions.updateUserAction as ActionFn, { userId: victim.id, version: versions.get(victim.id), role: "admin", disabled: "on" });
        }),
      );
      const [active] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(sql`${users.role} = 'admin' and not ${users.disabled}`);
      expect(active?.n, `attempt ${attempt}: ${JSON.stringify(results)}`).toBeGreaterThanOrEqual(1);
      expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(2);
      expect(results.filter((r) => !r.ok).map((r) => r.error)).not.toContain("unavailable");
    }
  });

  it("never leaves the app without an active admin when the last two step down at once", async () => {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const pair = await makeUsers("admin", 2);
      await db.update(users).set({ disabled: true }).where(sql`${users.role} = 'admin' and ${users.id} not in (${sql.join(pair.map((p) => sql`${p.id}`), sql`, `)})`);
      // Each demotes themself: alone, either would be allowed; together they would leave no admin.
      const results = await Promise.all(pair.map((a) => as(a, userActions.updateUserAction as ActionFn, { userId: a.id, version: 1, role: "analyst" })));
      const [active] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(sql`${users.role} = 'admin' and not ${users.disabled}`);
      expect(active?.n, `attempt ${attempt}: ${JSON.stringify(results)}`).toBe(1);
      expect(outcome(results).ok).toBe(1);
      expect(results.filter((r) => !r.ok).map((r) => r.error)).not.toContain("unavailable");
    }
  });
});
