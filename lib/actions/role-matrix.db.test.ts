import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { listEditablePlan } from "@/db/queries/plan-admin";
import { approveUpdate, submitUpdate } from "@/db/queries/updates";
import { createToken } from "@/db/queries/tokens";
import { listUsers } from "@/db/queries/users";
import { db } from "@/db";
import { actions, auditEvents, contentTranslations, progressUpdates, reportingRounds, updateCorrections, users, visions } from "@/db/schema";
import { disableUser, makeActor, validUpdate } from "@/db/testing/fixtures";
import type { Actor } from "@/lib/permissions";
import { progressUpdateSchema } from "@/lib/validation/progress";

/*
 * The authorisation matrix for every server action, through the real action
 * wrapper and the real database. Only the session lookup is replaced: the
 * "session" holds a user id, and the real getActiveActor decides who that is
 * now (so a disabled user's session is tested for real).
 */
const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/current-user", async () => {
  const { getActiveActor } = await import("@/db/queries/users");
  return { getCurrentUser: async () => (session.userId === null ? null : getActiveActor(session.userId)) };
});
vi.mock("next/cache", () => ({ updateTag: vi.fn(), revalidateTag: vi.fn(), revalidatePath: vi.fn(), unstable_cache: <T>(fn: T) => fn }));

const progress = await import("./progress");
const plan = await import("./plan");
const userActions = await import("./users");
const rounds = await import("./rounds");
const tokens = await import("./tokens");
const translations = await import("./translations");

type Who = "anonymous" | "analyst" | "admin" | "disabled";
type Outcome = "ok" | "unauthenticated" | "forbidden";
type Row = {
  action: (prev: unknown, payload: unknown) => Promise<{ ok: boolean; error?: string }>;
  payload: () => Promise<Record<string, unknown>>;
  expect: Record<Who, Outcome>;
};

const people = {} as Record<Exclude<Who, "anonymous">, Actor>;
let submitter: Actor;

async function submittedUpdateId(): Promise<number> {
  return (await submitUpdate(submitter, progressUpdateSchema.parse(validUpdate()))).id;
}

async function publishedUpdateId(): Promise<number> {
  const id = await submittedUpdateId();
  await approveUpdate(people.admin, id);
  return id;
}

async function versionOf(code: string): Promise<number> {
  const admin = people.admin;
  const p = await listEditablePlan(admin);
  return [...p.visions, ...p.actions].find((x) => x.code === code)?.version ?? 0;
}

const adminOnly: Record<Who, Outcome> = { anonymous: "unauthenticated", disabled: "unauthenticated", analyst: "forbidden", admin: "ok" };
const anySignedIn: Record<Who, Outcome> = { anonymous: "unauthenticated", disabled: "unauthenticated", analyst: "ok", admin: "ok" };
let userSeq = 0;
let roundSeq = 0;

const matrix: Record<string, Row> = {
  "progress.submitUpdateAction": { action: progress.submitUpdateAction, payload: async () => validUpdate(), expect: anySignedIn },
  "progress.approveUpdateAction": { action: progress.approveUpdateAction, payload: async () => ({ updateId: await submittedUpdateId() }), expect: adminOnly },
  "progress.rejectUpdateAction": { action: progress.rejectUpdateAction, payload: async () => ({ updateId: await submittedUpdateId(), reason: "Needs a source" }), expect: adminOnly },
  "progress.correctUpdateAction": {
    action: progress.correctUpdateAction,
    payload: async () => ({ mode: "retract", updateId: await publishedUpdateId(), reason: "Source withdrawn" }),
    expect: adminOnly,
  },
  "rounds.closeRoundAction": {
    action: rounds.closeRoundAction,
    payload: async () => ({ name: "Round", slug: `round-${(roundSeq += 1)}`, cutoffDate: "2025-06-30" }),
    expect: adminOnly,
  },
  "plan.editVisionAction": { action: plan.editVisionAction, payload: async () => ({ code: "V2", version: await versionOf("V2"), title: `Title ${Date.now()}` }), expect: adminOnly },
  "plan.editActionAction": {
    action: plan.editActionAction,
    payload: async () => ({ code: "A2", version: await versionOf("A2"), title: `Title ${Date.now()}`, visionWeights: [{ visionCode: "V2", weight: 2 }] }),
    expect: adminOnly,
  },
  "users.createUserAction": {
    action: userActions.createUserAction,
    payload: async () => ({ email: `made-${(userSeq += 1)}@test.local`, name: "Made", role: "analyst", password: "a-long-password-1" }),
    expect: adminOnly,
  },
  "users.updateUserAction": {
    action: userActions.updateUserAction,
    payload: async () => {
      const target = await makeActor("analyst");
      const row = (await listUsers(people.admin)).find((u) => u.id === target.id);
      return { userId: target.id, version: row?.version, role: "analyst", disabled: "on" };
    },
    expect: adminOnly,
  },
  "tokens.createTokenAction": {
    action: tokens.createTokenAction,
    payload: async () => ({ name: "Matrix token", userId: submitter.id }),
    expect: adminOnly,
  },
  "translations.saveTranslationAction": {
    action: translations.saveTranslationAction,
    payload: async () => ({ entityType: "action", entityKey: "A8", field: "title", locale: "zh", text: `人工智能素养 ${Date.now()}` }),
    expect: adminOnly,
  },
  "translations.confirmTranslationAction": {
    // A seeded translation: confirming it re-stamps who vouched for it, so the row changes.
    action: translations.confirmTranslationAction,
    payload: async () => ({ entityType: "vision", entityKey: "V1", field: "title", locale: "zh" }),
    expect: adminOnly,
  },
  "tokens.revokeTokenAction": {
    action: tokens.revokeTokenAction,
    payload: async () => ({ tokenId: (await createToken(people.admin, { name: "To revoke", userId: submitter.id })).id }),
    expect: adminOnly,
  },
};

async function snapshot() {
  const [u, p, a, v, c, r, e, tr] = await Promise.all([
    db.select().from(users).orderBy(users.id),
    db.select().from(progressUpdates).orderBy(progressUpdates.id),
    db.select().from(actions).orderBy(actions.id),
    db.select().from(visions).orderBy(visions.id),
    db.select().from(updateCorrections).orderBy(updateCorrections.id),
    db.select().from(reportingRounds).orderBy(reportingRounds.id),
    db.select().from(auditEvents).orderBy(auditEvents.id),
    db.select().from(contentTranslations).orderBy(contentTranslations.id),
  ]);
  return JSON.stringify({ u, p, a, v, c, r, e, tr });
}

async function auditCount(): Promise<number> {
  return (await db.select().from(auditEvents)).length;
}

beforeAll(async () => {
  people.admin = await makeActor("admin");
  people.analyst = await makeActor("analyst");
  people.disabled = await makeActor("admin");
  await disableUser(people.disabled.id);
  submitter = await makeActor("analyst");
});

describe("role matrix", () => {
  it("has a row for every exported server action", () => {
    const dir = path.join(process.cwd(), "lib", "actions");
    const modules: Record<string, Record<string, unknown>> = { progress, plan, users: userActions, rounds, tokens, translations };
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => f.replace(/\.ts$/, ""));
    expect(files.sort()).toEqual(Object.keys(modules).sort());
    const exported = Object.entries(modules).flatMap(([m, mod]) => Object.keys(mod).map((k) => `${m}.${k}`));
    expect(exported.sort()).toEqual(Object.keys(matrix).sort());
  });

  const cases = Object.entries(matrix).flatMap(([name, row]) => (Object.keys(row.expect) as Who[]).map((who) => [name, who, row.expect[who]] as const));

  it.each(cases)("%s as %s → %s", async (name, who, outcome) => {
    const row = matrix[name];
    if (!row) throw new Error(name);
    const payload = await row.payload();
    session.userId = who === "anonymous" ? null : people[who].id;
    const before = await snapshot();
    const auditBefore = await auditCount();
    const result = await row.action(null, payload);
    session.userId = null;
    if (outcome === "ok") {
      expect(result).toMatchObject({ ok: true });
      expect(await snapshot()).not.toEqual(before);
      // Every accepted write leaves exactly one audit event, in the same transaction.
      expect(await auditCount()).toBe(auditBefore + 1);
    } else {
      expect(result).toMatchObject({ ok: false, error: outcome });
      expect(await snapshot()).toEqual(before);
    }
  });

  it("validates before anything is written, with field messages", async () => {
    session.userId = people.analyst.id;
    const before = await snapshot();
    const result = await progress.submitUpdateAction(null, validUpdate({ percent: 140, narrative: "", evidenceLinks: ["javascript:alert(1)"], occurredOn: "2025-02-31", actionCode: "A999" }));
    session.userId = null;
    expect(result).toMatchObject({ ok: false, error: "invalid" });
    expect(result.ok ? {} : result.fieldErrors).toMatchObject({
      percent: ["outOfRange"],
      narrative: ["required"],
      evidenceLinks: ["invalidUrl"],
      occurredOn: ["invalidDate"],
    });
    const unknown = await (async () => {
      session.userId = people.analyst.id;
      const r = await progress.submitUpdateAction(null, validUpdate({ actionCode: "A99" }));
      session.userId = null;
      return r;
    })();
    expect(unknown).toMatchObject({ ok: false, error: "invalid", fieldErrors: { actionCode: ["unknownAction"] } });
    expect(await snapshot()).toEqual(before);
  });

  it("accepts form posts as well as objects", async () => {
    session.userId = people.analyst.id;
    const form = new FormData();
    for (const [k, v] of Object.entries(validUpdate({ evidenceLinks: "https://example.org/x\nhttps://example.org/y" }))) form.set(k, String(v));
    const result = await progress.submitUpdateAction(null, form);
    session.userId = null;
    expect(result).toMatchObject({ ok: true });
  });
});
