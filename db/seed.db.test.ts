import { count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "./index";
import { planData } from "./plan-data";
import { actionVisions, actions, plans, progressUpdates, users, visions } from "./schema";
import { ensureAdminFromEnv, seedDemo, seedPlan } from "./seed";

async function counts() {
  const [p] = await db.select({ n: count() }).from(plans);
  const [v] = await db.select({ n: count() }).from(visions);
  const [a] = await db.select({ n: count() }).from(actions);
  const [m] = await db.select({ n: count() }).from(actionVisions);
  return { plans: p?.n, visions: v?.n, actions: a?.n, mapping: m?.n };
}

describe("seedPlan", () => {
  it("seeded the plan on startup: 5 visions, 10 actions and the mapping from the reference data", async () => {
    const expectedMapping = planData.actions.reduce((s, a) => s + a.visions.length, 0);
    expect(await counts()).toEqual({ plans: 1, visions: 5, actions: 10, mapping: expectedMapping });
    const [a7] = await db.select().from(actions).where(eq(actions.code, "A7"));
    expect(a7?.verified).toBe(false);
    const [a5] = await db.select().from(actions).where(eq(actions.code, "A5"));
    expect(a5?.targetDate).toBe("2025-12-31");
  });

  it("is idempotent and leaves admins' corrections alone", async () => {
    await db.update(actions).set({ title: "Corrected title" }).where(eq(actions.code, "A7"));
    const before = await counts();
    const result = await seedPlan();
    expect(result.created).toBe(false);
    expect(await counts()).toEqual(before);
    const [a7] = await db.select({ title: actions.title }).from(actions).where(eq(actions.code, "A7"));
    expect(a7?.title).toBe("Corrected title");
  });
});

describe("first admin from the environment", () => {
  it("refuses an ADMIN_PASSWORD that breaks the password policy, and creates nobody", async () => {
    process.env.ADMIN_EMAIL = "weak.admin@test.local";
    try {
      for (const weak of ["short", "password1234"]) {
        process.env.ADMIN_PASSWORD = weak;
        await expect(ensureAdminFromEnv()).rejects.toThrow(/ADMIN_PASSWORD is refused/);
      }
    } finally {
      delete process.env.ADMIN_EMAIL;
      delete process.env.ADMIN_PASSWORD;
    }
    const [after] = await db.select({ n: count() }).from(users);
    expect(after?.n).toBe(0);
  });

  it("creates an admin from ADMIN_EMAIL and ADMIN_PASSWORD while no user exists", async () => {
    const [before] = await db.select({ n: count() }).from(users);
    expect(before?.n).toBe(0);
    process.env.ADMIN_EMAIL = "Env.Admin@Test.local";
    process.env.ADMIN_PASSWORD = "an-environment-password";
    try {
      expect(await ensureAdminFromEnv()).toBe(true);
    } finally {
      delete process.env.ADMIN_EMAIL;
      delete process.env.ADMIN_PASSWORD;
    }
    const [admin] = await db.select().from(users).where(eq(users.email, "env.admin@test.local"));
    expect(admin?.role).toBe("admin");
    expect(admin?.passwordHash).not.toContain("an-environment-password");
  });
});

describe("seedDemo", () => {
  it("adds illustrative published updates once, and fresh demo logins every run", async () => {
    const first = await seedDemo();
    const [n1] = await db.select({ n: count() }).from(progressUpdates).where(eq(progressUpdates.illustrative, true));
    const second = await seedDemo();
    const [n2] = await db.select({ n: count() }).from(progressUpdates).where(eq(progressUpdates.illustrative, true));
    expect(n1?.n).toBeGreaterThan(0);
    expect(n2?.n).toBe(n1?.n);
    expect(first.map((l) => l.role).sort()).toEqual(["admin", "analyst"]);
    expect(second[0]?.password).not.toBe(first[0]?.password);
    const published = await db.select().from(progressUpdates).where(eq(progressUpdates.illustrative, true));
    expect(published.every((u) => u.reviewState === "published" && u.publishedAt !== null)).toBe(true);
  });
});

describe("ensureAdminFromEnv", () => {
  const saved = { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD };
  afterEach(() => {
    process.env.ADMIN_EMAIL = saved.email;
    process.env.ADMIN_PASSWORD = saved.password;
  });

  it("does nothing once any user exists", async () => {
    process.env.ADMIN_EMAIL = "first-admin@test.local";
    process.env.ADMIN_PASSWORD = "a-long-enough-password";
    const [before] = await db.select({ n: count() }).from(users);
    expect(before?.n).toBeGreaterThan(0);
    expect(await ensureAdminFromEnv()).toBe(false);
    const rows = await db.select().from(users).where(eq(users.email, "first-admin@test.local"));
    expect(rows).toHaveLength(0);
  });
});
