import { asc, eq, sql } from "drizzle-orm";
import { InvalidInputError, ConflictError, NotFoundError } from "@/lib/errors";
import { hashPassword } from "@/lib/passwords";
import { assertCan, type Actor } from "@/lib/permissions";
import type { CreateUserInput, UpdateUserInput } from "@/lib/validation/users";
import type { Role } from "@/lib/vocabulary";
import { db } from "../index";
import { recordAudit } from "./audit";
import { users } from "../schema";

export type UserRow = {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  version: number;
  createdAt: string;
};

const byEmail = (email: string) => eq(sql`lower(${users.email})`, email.trim().toLowerCase());

/** For the login check only: includes the hash and the disabled flag. */
export async function findUserForLogin(email: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(byEmail(email));
  return row ?? null;
}

/** The session's user as of now; null when deleted or disabled, which ends an existing session. */
export async function getActiveActor(id: number): Promise<Actor | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, id));
  if (!row || row.disabled) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

export async function listUsers(actor: Actor | null): Promise<UserRow[]> {
  assertCan(actor, "users:manage");
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled, version: users.version, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.email));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export async function createUser(actor: Actor | null, input: CreateUserInput): Promise<{ id: number }> {
  assertCan(actor, "users:manage");
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(byEmail(input.email));
    if (taken) throw new InvalidInputError({ email: ["emailTaken"] });
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, passwordHash })
      .returning({ id: users.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, { actorId: actor.id, action: "user.create", entityType: "user", entityId: row.id, after: { email: input.email, name: input.name, role: input.role, disabled: false } });
    return row;
  });
}

/** Changes role and disabled flag; refuses a stale version and never leaves the app without an active admin. */
export async function updateUser(actor: Actor | null, input: UpdateUserInput): Promise<{ version: number }> {
  assertCan(actor, "users:manage");
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, input.userId)).for("update");
    if (!current) throw new NotFoundError("userId");
    if (current.version !== input.version) throw new ConflictError();
    const losesAdmin = current.role === "admin" && !current.disabled && (input.role !== "admin" || input.disabled);
    if (losesAdmin) {
      const [other] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(sql`${users.role} = 'admin' and not ${users.disabled} and ${users.id} <> ${current.id}`);
      if ((other?.n ?? 0) === 0) throw new InvalidInputError({ role: ["lastAdmin"] });
    }
    const [row] = await tx
      .update(users)
      .set({ role: input.role, disabled: input.disabled, version: current.version + 1, updatedAt: new Date() })
      .where(eq(users.id, current.id))
      .returning({ version: users.version });
    if (!row) throw new ConflictError();
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.update",
      entityType: "user",
      entityId: current.id,
      before: { email: current.email, role: current.role, disabled: current.disabled, version: current.version },
      after: { email: current.email, role: input.role, disabled: input.disabled, version: row.version },
    });
    return row;
  });
}
