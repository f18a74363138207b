import { and, count, desc, eq, gte, lte, type SQL } from "drizzle-orm";
import { assertCan, type Actor } from "@/lib/permissions";
import type { AuditEntity } from "@/lib/vocabulary";
import { db, type Db, type Tx } from "../index";
import { auditEvents, users } from "../schema";

export type AuditInput = {
  actorId: number | null;
  action: string;
  entityType: AuditEntity;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
};

/** Written inside the caller's transaction, so the change and its record commit or fail together. */
export async function recordAudit(tx: Tx | Db, event: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: String(event.entityId),
    before: event.before ?? null,
    after: event.after ?? null,
  });
}

export type AuditFilters = {
  entityType?: AuditEntity;
  entityId?: string;
  actorId?: number;
  /** Inclusive instants. */
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
};

export type AuditRow = {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: AuditEntity;
  entityId: string;
  before: unknown;
  after: unknown;
};

export async function listAuditEvents(actor: Actor | null, filters: AuditFilters): Promise<{ rows: AuditRow[]; total: number }> {
  assertCan(actor, "audit:read");
  const conditions: SQL[] = [];
  if (filters.entityType) conditions.push(eq(auditEvents.entityType, filters.entityType));
  if (filters.entityId) conditions.push(eq(auditEvents.entityId, filters.entityId));
  if (filters.actorId) conditions.push(eq(auditEvents.actorId, filters.actorId));
  if (filters.from) conditions.push(gte(auditEvents.at, filters.from));
  if (filters.to) conditions.push(lte(auditEvents.at, filters.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        actorId: auditEvents.actorId,
        actorName: users.name,
        actorEmail: users.email,
        action: auditEvents.action,
        entityType: auditEvents.entityType,
        entityId: auditEvents.entityId,
        before: auditEvents.before,
        after: auditEvents.after,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(where)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r, at: r.at.toISOString() })), total: total?.n ?? 0 };
}
