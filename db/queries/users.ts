import { asc, eq, sql } from "drizzle-orm";
import { InvalidInputError, ConflictError, NotFoundError } from "@/lib/errors";
import { DUMMY_HASH, hashPassword, verifyPassword } from "@/lib/passwords";
import { assertCan, type Actor } from "@/lib/permissions";
import type { ChangeOwnPasswordInput, CreateUserInput, ForcePasswordResetInput, UpdateUserInput } from "@/lib/validation/users";
import type { Role } from "@/lib/vocabulary";
import { db, type Tx } from "../index";
import { recordAudit } from "./audit";
import { users } from "../schema";

export type UserRow = {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  version: number;
  createdAt: string;
};

const byEmail = (email: string) => eq(sql`lower(${users.email})`, email.trim().toLowerCase());

/** For the login check only: includes the hash, the disabled flag and the session version the token will carry. */
export async function findUserForLogin(email: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(byEmail(email));
  return row ?? null;
}

/**
 * The session's user as of now; null when deleted or disabled, or when the
 * session was issued before the user's last password change or forced reset
 * (its `sessionVersion` is older), which ends an existing session. Without a
 * `sessionVersion` the version is not compared: only for callers that hold no
 * session token (tests, server-side lookups by id).
 */
export async function getActiveActor(id: number, options: { sessionVersion?: number } = {}): Promise<Actor | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(eq(users.id, id));
  if (!row || row.disabled) return null;
  if (options.sessionVersion !== undefined && options.sessionVersion !== row.sessionVersion) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, mustChangePassword: row.mustChangePassword };
}

export async function listUsers(actor: Actor | null): Promise<UserRow[]> {
  assertCan(actor, "users:manage");
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
      version: users.version,
      createdAt: users.createdAt,
    })
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
    // Two admins creating one email at once both pass the check above: the unique index decides, and the loser is told it is taken.
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, passwordHash })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!row) throw new InvalidInputError({ email: ["emailTaken"] });
    await recordAudit(tx, { actorId: actor.id, action: "user.create", entityType: "user", entityId: row.id, after: { email: input.email, name: input.name, role: input.role, disabled: false } });
    return row;
  });
}

/** Changes role and disabled flag; refuses a stale version and never leaves the app without an active admin. */
export async function updateUser(actor: Actor | null, input: UpdateUserInput): Promise<{ version: number }> {
  assertCan(actor, "users:manage");
  return db.transaction(async (tx) => {
    // A change that may remove an admin first locks every active admin (in id order, so these never deadlock):
    // otherwise two last admins demoting themselves or each other at once each saw the other still active.
    if (input.role !== "admin" || input.disabled) {
      await tx.select({ id: users.id }).from(users).where(sql`${users.role} = 'admin' and not ${users.disabled}`).orderBy(asc(users.id)).for("no key update");
    }
    // NO KEY UPDATE: the audit insert below takes a foreign-key share lock on the actor's row, which FOR UPDATE
    // would conflict with, so admins editing each other at once deadlocked.
    const [current] = await tx.select().from(users).where(eq(users.id, input.userId)).for("no key update");
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

/**
 * A user replaces their own password. The current one is checked first (a
 * session left open on a shared computer must not be enough); the new one
 * signs out every other session, this one included, and lifts a forced reset.
 */
export async function changeOwnPassword(actor: Actor | null, input: ChangeOwnPasswordInput): Promise<{ sessionVersion: number }> {
  assertCan(actor, "account:manage-own");
  const [current] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  // Compared even for a vanished row, so the answer takes the same time.
  const valid = await verifyPassword(input.currentPassword, current?.passwordHash ?? DUMMY_HASH);
  if (!current) throw new NotFoundError();
  if (!valid) throw new InvalidInputError({ currentPassword: ["wrongCurrentPassword"] });
  if (input.newPassword === input.currentPassword) throw new InvalidInputError({ newPassword: ["passwordUnchanged"] });
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(users).where(eq(users.id, actor.id)).for("no key update");
    if (!row) throw new NotFoundError();
    // Changed by someone else while we were hashing (a forced reset): theirs wins.
    if (row.passwordHash !== current.passwordHash) throw new ConflictError();
    return endSessions(tx, actor, row, { passwordHash, mustChangePassword: false }, "user.passwordChange", {});
  });
}

/**
 * An admin forces a user to choose a new password: every session of theirs
 * ends at once, and their next sign-in leads only to the account page. An
 * optional temporary password replaces the old one (for a user who forgot it,
 * or whose password leaked). Admins change their own password on the account
 * page instead: forcing it on oneself would only sign oneself out.
 */
export async function forcePasswordReset(actor: Actor | null, input: ForcePasswordResetInput): Promise<{ sessionVersion: number }> {
  assertCan(actor, "users:manage");
  if (input.userId === actor.id) throw new InvalidInputError({ userId: ["cannotResetOwnPassword"] });
  const passwordHash = input.temporaryPassword ? await hashPassword(input.temporaryPassword) : null;
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(users).where(eq(users.id, input.userId)).for("no key update");
    if (!row) throw new NotFoundError("userId");
    // Whether a temporary password was set is audited, never the password itself.
    return endSessions(tx, actor, row, { mustChangePassword: true, ...(passwordHash ? { passwordHash } : {}) }, "user.forceReset", { temporaryPassword: passwordHash !== null });
  });
}

/**
 * Writes a password state and bumps the session version (every session of
 * the user ends), with its audit record, in the caller's transaction.
 */
async function endSessions(
  tx: Tx,
  actor: Actor,
  row: typeof users.$inferSelect,
  set: { mustChangePassword: boolean; passwordHash?: string },
  action: "user.passwordChange" | "user.forceReset",
  auditExtra: Record<string, unknown>,
): Promise<{ sessionVersion: number }> {
  const [updated] = await tx
    .update(users)
    .set({ ...set, sessionVersion: row.sessionVersion + 1, updatedAt: new Date() })
    .where(eq(users.id, row.id))
    .returning({ sessionVersion: users.sessionVersion });
  if (!updated) throw new ConflictError();
  await recordAudit(tx, {
    actorId: actor.id,
    action,
    entityType: "user",
    entityId: row.id,
    before: { email: row.email, mustChangePassword: row.mustChangePassword, sessionVersion: row.sessionVersion },
    after: { email: row.email, mustChangePassword: set.mustChangePassword, sessionVersion: updated.sessionVersion, ...auditExtra },
  });
  return updated;
}
