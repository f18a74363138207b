import type { AuditFilters } from "@/db/queries/audit";
import { isRealIsoDate } from "@/lib/validation/fields";
import { AUDIT_ENTITIES, type AuditEntity } from "@/lib/vocabulary";

export const AUDIT_PAGE_SIZE = 25;
const RECORD_MAX = 100;
const PAGE_MAX = 1_000_000;

/** The audit trail's filters as they live in the URL; every value is optional except the page. */
export type AuditQuery = {
  entity?: AuditEntity;
  user?: number;
  record?: string;
  from?: string;
  to?: string;
  page: number;
};

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const isEntity = (v: string): v is AuditEntity => (AUDIT_ENTITIES as readonly string[]).includes(v);
const positiveInt = (v: string | undefined, max: number) => (v && /^\d{1,9}$/.test(v) && Number(v) >= 1 && Number(v) <= max ? Number(v) : undefined);

/**
 * Reads the URL's filters. Anything malformed (an unknown entity, a date
 * like 2025-02-30, a user who does not exist) is dropped rather than
 * refused: a hand-edited or stale link still shows a page.
 */
export function parseAuditQuery(params: SearchParams, knownUserIds?: ReadonlySet<number>): AuditQuery {
  const entity = first(params.entity);
  const user = positiveInt(first(params.user), Number.MAX_SAFE_INTEGER);
  const record = first(params.record);
  const from = first(params.from);
  const to = first(params.to);
  return {
    entity: entity && isEntity(entity) ? entity : undefined,
    user: user !== undefined && (!knownUserIds || knownUserIds.has(user)) ? user : undefined,
    record: record && record.length <= RECORD_MAX ? record : undefined,
    from: from && isRealIsoDate(from) ? from : undefined,
    to: to && isRealIsoDate(to) ? to : undefined,
    page: positiveInt(first(params.page), PAGE_MAX) ?? 1,
  };
}

/** Dates are whole UTC days: "to" reaches the last millisecond of its day, so the day itself is included. */
export function toAuditFilters(query: AuditQuery, page = query.page): AuditFilters {
  return {
    entityType: query.entity,
    entityId: query.record,
    actorId: query.user,
    from: query.from ? new Date(`${query.from}T00:00:00.000Z`) : undefined,
    to: query.to ? new Date(`${query.to}T23:59:59.999Z`) : undefined,
    page,
    pageSize: AUDIT_PAGE_SIZE,
  };
}

/** The query string of a link to another page (or a narrower view) of the same filtered list. */
export function auditHref(query: AuditQuery, changes: Partial<AuditQuery>) {
  const next = { ...query, ...changes };
  const entries: [string, string][] = [];
  if (next.entity) entries.push(["entity", next.entity]);
  if (next.user) entries.push(["user", String(next.user)]);
  if (next.record) entries.push(["record", next.record]);
  if (next.from) entries.push(["from", next.from]);
  if (next.to) entries.push(["to", next.to]);
  if (next.page > 1) entries.push(["page", String(next.page)]);
  return { pathname: "/admin/audit" as const, query: Object.fromEntries(entries) };
}
