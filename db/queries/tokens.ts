import { createHash, randomBytes } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { InvalidInputError, NotFoundError, StateError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/permissions";
import { db } from "../index";
import { apiTokens, users } from "../schema";
import { recordAudit } from "./audit";

export const TOKEN_PREFIX = "pt_";
/** "pt_" plus 32 random bytes in base64url (43 characters). */
const TOKEN_PATTERN = /^pt_[A-Za-z0-9_-]{43}$/;
/** Enough to tell tokens apart in a list, far too little to guess the rest. */
const VISIBLE_PREFIX_LENGTH = 10;

export type TokenRow = {
  id: number;
  name: string;
  prefix: string;
  userId: number;
  analystName: string;
  analystEmail: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type CreateTokenInput = { name: string; userId: number };

export function hashToken(plain: string): string {
  return createHash("sha256").update(plain).digest("hex");
}

function newToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** Creates a token acting as one analyst. The plain token is returned here only: the database keeps its hash. */
export async function createToken(actor: Actor | null, input: CreateTokenInput): Promise<{ id: number; token: string; prefix: string }> {
  assertCan(actor, "tokens:manage");
  return db.transaction(async (tx) => {
    const [scope] = await tx.select({ id: users.id, role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, input.userId));
    // Tokens write as their analyst; an admin token would let a script publish its own updates.
    if (!scope || scope.role !== "analyst" || scope.disabled) throw new InvalidInputError({ userId: ["tokenAnalystOnly"] });
    const token = newToken();
    const prefix = token.slice(0, VISIBLE_PREFIX_LENGTH);
    const [row] = await tx
      .insert(apiTokens)
      .values({ name: input.name, tokenHash: hashToken(token), prefix, userId: scope.id, createdBy: actor.id })
      .returning({ id: apiTokens.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, { actorId: actor.id, action: "token.create", entityType: "token", entityId: row.id, after: { name: input.name, prefix, userId: scope.id } });
    return { id: row.id, token, prefix };
  });
}

export async function listTokens(actor: Actor | null): Promise<TokenRow[]> {
  assertCan(actor, "tokens:manage");
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      userId: apiTokens.userId,
      analystName: users.name,
      analystEmail: users.email,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** Revoking is final: the row stays, for the audit trail and the list. */
export async function revokeToken(actor: Actor | null, tokenId: number): Promise<void> {
  assertCan(actor, "tokens:manage");
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).for("update");
    if (!current) throw new NotFoundError("tokenId");
    if (current.revokedAt) throw new StateError("alreadyRevoked");
    const [row] = await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, tokenId)).returning({ revokedAt: apiTokens.revokedAt });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "token.revoke",
      entityType: "token",
      entityId: tokenId,
      before: { name: current.name, prefix: current.prefix, userId: current.userId, revokedAt: null },
      after: { name: current.name, prefix: current.prefix, userId: current.userId, revokedAt: row?.revokedAt?.toISOString() ?? null },
    });
  });
}

/**
 * The analyst a bearer token acts as, or null when the token is unknown or
 * revoked, or its analyst is disabled or no longer an analyst. A successful
 * check records when the token was last used.
 */
export async function authenticateToken(plain: string): Promise<Actor | null> {
  if (!TOKEN_PATTERN.test(plain)) return null;
  const [row] = await db
    .select({ tokenId: apiTokens.id, revokedAt: apiTokens.revokedAt, id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled, mustChangePassword: users.mustChangePassword })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashToken(plain)));
  if (!row || row.revokedAt || row.disabled || row.role !== "analyst") return null;
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  return { id: row.id, email: row.email, name: row.name, role: row.role, mustChangePassword: row.mustChangePassword };
}
