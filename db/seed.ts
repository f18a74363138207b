import { randomBytes } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/passwords";
import { newPasswordSchema } from "@/lib/validation/passwords";
import { sourceHash } from "@/lib/translations";
import type { ProgressStatus, Role } from "@/lib/vocabulary";
import { db, type Db, type Tx } from "./index";
import { recordAudit } from "./queries/audit";
import { planData } from "./plan-data";
import { actionVisions, actions, contentTranslations, plans, progressUpdates, users, visions } from "./schema";

/**
 * Inserts the plan, its visions, actions and mapping if they are missing.
 * Existing rows are left alone, so admins' corrections survive a re-seed.
 */
export async function seedPlan(database: Db = db): Promise<{ created: boolean }> {
  return database.transaction(async (tx) => {
    const p = planData.plan;
    const inserted = await tx
      .insert(plans)
      .values({
        code: p.code,
        title: p.title_en,
        description: p.purpose,
        verified: true,
        sourceUrl: p.source_url,
        announcedOn: p.announced_on,
        announcedAt: p.announced_at,
      })
      .onConflictDoNothing({ target: plans.code })
      .returning({ id: plans.id });
    const [plan] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.code, p.code));
    if (!plan) throw new Error("plan row missing after insert");

    await tx
      .insert(visions)
      .values(
        planData.visions.map((v, i) => ({
          planId: plan.id,
          code: v.code,
          position: i + 1,
          theme: v.theme,
          title: v.title_en,
          description: v.summary_en,
          verified: v.title_en_verified,
          sourceUrl: p.source_url,
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(actions)
      .values(
        planData.actions.map((a, i) => ({
          planId: plan.id,
          code: a.code,
          position: i + 1,
          title: a.title_en,
          description: a.summary_en,
          verified: a.verified,
          sourceUrl: p.source_url,
          targetDate: "target_date" in a ? a.target_date : null,
        })),
      )
      .onConflictDoNothing();

    const visionRows = await tx.select({ id: visions.id, code: visions.code }).from(visions).where(eq(visions.planId, plan.id));
    const actionRows = await tx.select({ id: actions.id, code: actions.code }).from(actions).where(eq(actions.planId, plan.id));
    const visionId = new Map(visionRows.map((v) => [v.code, v.id]));
    const actionId = new Map(actionRows.map((a) => [a.code, a.id]));
    const links = planData.actions.flatMap((a) =>
      a.visions.map((code) => {
        const aId = actionId.get(a.code);
        const vId = visionId.get(code);
        if (aId === undefined || vId === undefined) throw new Error(`unknown mapping ${a.code}→${code}`);
        return { actionId: aId, visionId: vId, weight: 1 };
      }),
    );
    await tx.insert(actionVisions).values(links).onConflictDoNothing();
    await seedTitleTranslations(tx);
    return { created: inserted.length > 0 };
  });
}

/**
 * The Chinese titles known from the plan data. Each is hashed against the
 * English title of the same data, not the row's current title: if an admin
 * has since corrected the English, the seeded Chinese shows as possibly out
 * of date instead of being vouched for. Existing translations are kept.
 */
export async function seedTitleTranslations(database: Db | Tx = db): Promise<void> {
  const rows = [
    ...planData.visions.map((v) => ({ entityType: "vision" as const, code: v.code, en: v.title_en, zh: v.title_zh })),
    ...planData.actions.map((a) => ({ entityType: "action" as const, code: a.code, en: a.title_en, zh: a.title_zh })),
  ]
    .filter((r) => r.zh.trim() !== "")
    .map((r) => ({ entityType: r.entityType, entityKey: r.code, field: "title" as const, locale: "zh" as const, text: r.zh, sourceHash: sourceHash(r.en) }));
  if (rows.length > 0) await database.insert(contentTranslations).values(rows).onConflictDoNothing();
}

export async function isPlanSeeded(database: Db = db): Promise<boolean> {
  const [row] = await database.select({ n: count() }).from(plans);
  return (row?.n ?? 0) > 0;
}

export function generatePassword(): string {
  return randomBytes(12).toString("base64url");
}

export async function upsertUser(
  input: { email: string; name: string; role: Role; password: string },
  database: Db = db,
): Promise<number> {
  const passwordHash = await hashPassword(input.password);
  const email = input.email.trim().toLowerCase();
  return database.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email));
    if (existing) {
      await tx
        .update(users)
        // A reset from the command line signs the user out everywhere, like a password change.
        .set({ name: input.name, role: input.role, passwordHash, disabled: false, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
        .where(eq(users.id, existing.id));
      await recordAudit(tx, { actorId: null, action: "user.reset", entityType: "user", entityId: existing.id, after: { email, name: input.name, role: input.role, disabled: false } });
      return existing.id;
    }
    const [row] = await tx.insert(users).values({ email, name: input.name, role: input.role, passwordHash }).returning({ id: users.id });
    if (!row) throw new Error("user insert returned nothing");
    await recordAudit(tx, { actorId: null, action: "user.create", entityType: "user", entityId: row.id, after: { email, name: input.name, role: input.role, disabled: false } });
    return row.id;
  });
}

/** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD, only while no user exists. */
export async function ensureAdminFromEnv(database: Db = db): Promise<boolean> {
  const email = process.env.ADMIN_EMAIL;
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) return false;
  const [row] = await database.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return false;
  const policy = newPasswordSchema.safeParse(password);
  if (!policy.success) {
    throw new Error(`ADMIN_PASSWORD is refused (${policy.error.issues.map((i) => i.message).join(", ")}): use at least 12 characters that are not a common password.`);
  }
  await upsertUser({ email, password, name: "Administrator", role: "admin" }, database);
  return true;
}

export type DemoLogin = { email: string; password: string; role: Role };

/**
 * Demo users get fresh passwords on every run (only hashes are stored, so
 * the demo can print them), and the plan gets illustrative assessments
 * built from the real events in the reference data, once.
 */
export async function seedDemo(database: Db = db): Promise<DemoLogin[]> {
  await seedPlan(database);
  const logins: DemoLogin[] = [
    { email: "admin@demo.plan-tracker.org", password: generatePassword(), role: "admin" },
    { email: "analyst@demo.plan-tracker.org", password: generatePassword(), role: "analyst" },
  ];
  const ids: number[] = [];
  for (const l of logins) {
    ids.push(await upsertUser({ ...l, name: l.role === "admin" ? "Demo Admin" : "Demo Analyst" }, database));
  }
  const [adminId, analystId] = ids as [number, number];

  await database.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(progressUpdates).where(eq(progressUpdates.illustrative, true));
    if ((existing?.n ?? 0) > 0) return;
    const actionRows = await tx.select({ id: actions.id, code: actions.code }).from(actions);
    const actionId = new Map(actionRows.map((a) => [a.code, a.id]));
    const seen = new Map<string, number>();
    const rows = [];
    const events = [...planData.events].filter((e) => e.certain).sort((a, b) => a.date.localeCompare(b.date));
    for (const event of events) {
      for (const code of event.actions) {
        const id = actionId.get(code);
        if (id === undefined) continue;
        const k = (seen.get(code) ?? 0) + 1;
        seen.set(code, k);
        const status: ProgressStatus = k === 1 ? "in_progress" : "on_track";
        const publishedAt = new Date(`${event.date}T12:00:00Z`);
        rows.push({
          actionId: id,
          status,
          percent: Math.min(15 + 25 * (k - 1), 85),
          narrative: event.title,
          evidenceLinks: "source_url" in event && event.source_url ? [{ url: event.source_url }] : [],
          occurredOn: event.date,
          illustrative: true,
          authorId: analystId,
          reviewState: "published" as const,
          reviewerId: adminId,
          reviewedAt: publishedAt,
          publishedAt,
          createdAt: publishedAt,
        });
      }
    }
    if (rows.length > 0) await tx.insert(progressUpdates).values(rows);
  });
  return logins;
}
