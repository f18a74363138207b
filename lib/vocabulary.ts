/**
 * Shared vocabularies. Each tuple feeds both a Postgres enum (db/schema.ts)
 * and a zod enum (lib/validation), so the database and the forms can never
 * disagree about which values exist.
 */

/** Statuses an analyst can assess. "Not yet assessed" is deliberately absent: it means no published assessment exists. */
export const PROGRESS_STATUSES = [
  "not_started",
  "planned",
  "in_progress",
  "on_track",
  "at_risk",
  "delayed",
  "completed",
] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const NOT_YET_ASSESSED = "not_yet_assessed" as const;

/** Every status the dashboards can display, in display order. */
export const DISPLAY_STATUSES = [NOT_YET_ASSESSED, ...PROGRESS_STATUSES] as const;
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number];

export const REVIEW_STATES = ["submitted", "published", "rejected"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const ROLES = ["admin", "analyst"] as const;
export type Role = (typeof ROLES)[number];

export const PERCENT_MIN = 0;
export const PERCENT_MAX = 100;
export const NARRATIVE_MAX = 5000;
export const REVIEW_NOTE_MAX = 2000;
export const TITLE_MAX = 300;
export const DESCRIPTION_MAX = 5000;
export const EVIDENCE_LINKS_MAX = 10;
export const URL_MAX = 2000;
export const WEIGHT_MIN = 1;
export const WEIGHT_MAX = 100;
export const PASSWORD_MIN = 12;

export const CORRECTION_KINDS = ["corrected", "retracted"] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** What an audit event is about. */
export const AUDIT_ENTITIES = ["plan", "vision", "action", "update", "user", "round", "import", "token"] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const DEFAULT_UPDATE_INTERVAL_DAYS = 90;
export const UPDATE_INTERVAL_MAX_DAYS = 3650;
export const ROUND_NAME_MAX = 120;

/** Plan content that can carry a translation; the audit trail records these writes under the same entity types. */
export const TRANSLATABLE_ENTITIES = ["vision", "action", "update", "round"] as const;
export type TranslatableEntity = (typeof TRANSLATABLE_ENTITIES)[number];

export const TRANSLATABLE_FIELDS = ["title", "description", "narrative", "name"] as const;
export type TranslatableField = (typeof TRANSLATABLE_FIELDS)[number];

/** Which fields each entity has; a translation of any other pair would never be shown. */
export const FIELDS_BY_ENTITY: Record<TranslatableEntity, readonly TranslatableField[]> = {
  vision: ["title", "description"],
  action: ["title", "description"],
  update: ["narrative"],
  round: ["name"],
};

/** English is the source language; these are the languages content is translated into. */
export const CONTENT_LOCALES = ["zh"] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];
