import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/permissions";
import type { Role } from "@/lib/vocabulary";
import { db } from "../index";
import { upsertUser } from "../seed";
import { actions, progressUpdates, users } from "../schema";

let counter = 0;

/** A real user row, returned as the actor the server would see. */
export async function makeActor(role: Role): Promise<Actor> {
  counter += 1;
  const email = `${role}-${counter}-${Date.now()}@test.local`;
  const name = `${role} ${counter}`;
  const id = await upsertUser({ email, name, role, password: "test-password-long" });
  return { id, email, name, role };
}

export async function disableUser(id: number): Promise<void> {
  await db.update(users).set({ disabled: true }).where(eq(users.id, id));
}

export async function actionIdOf(code: string): Promise<number> {
  const [row] = await db.select({ id: actions.id }).from(actions).where(eq(actions.code, code));
  if (!row) throw new Error(`no action ${code}`);
  return row.id;
}

/** Snapshot of every update row, to prove that a refused write changed nothing. */
export async function snapshotUpdates() {
  return db.select().from(progressUpdates).orderBy(progressUpdates.id);
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function validUpdate(overrides: Record<string, unknown> = {}) {
  return {
    actionCode: "A1",
    status: "in_progress",
    percent: 30,
    narrative: "Joint laboratory agreement signed.",
    evidenceLinks: ["https://example.org/news/1"],
    occurredOn: "2025-03-01",
    ...overrides,
  };
}
