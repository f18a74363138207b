import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  AUDIT_ENTITIES,
  CORRECTION_KINDS,
  DEFAULT_UPDATE_INTERVAL_DAYS,
  PROGRESS_STATUSES,
  REVIEW_STATES,
  ROLES,
  TRANSLATABLE_ENTITIES,
  type ContentLocale,
  type TranslatableField,
} from "@/lib/vocabulary";

export const progressStatus = pgEnum("progress_status", PROGRESS_STATUSES);
export const reviewState = pgEnum("review_state", REVIEW_STATES);
export const userRole = pgEnum("user_role", ROLES);
export const correctionKind = pgEnum("correction_kind", CORRECTION_KINDS);
export const auditEntity = pgEnum("audit_entity", AUDIT_ENTITIES);
export const translatableEntity = pgEnum("translatable_entity", TRANSLATABLE_ENTITIES);

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const plans = pgTable("plans", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  title: text("title").notNull(),
  description: text("description").notNull().default(""),
  verified: boolean("verified").notNull().default(false),
  sourceUrl: text("source_url"),
  announcedOn: date("announced_on"),
  announcedAt: text("announced_at"),
  targetDate: date("target_date"),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

export const visions = pgTable(
  "visions",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    code: text("code").notNull(),
    position: integer("position").notNull(),
    theme: text("theme").notNull().default(""),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    verified: boolean("verified").notNull().default(false),
    sourceUrl: text("source_url"),
    targetDate: date("target_date"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex("visions_plan_code_idx").on(t.planId, t.code)],
);

export const actions = pgTable(
  "actions",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    code: text("code").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    verified: boolean("verified").notNull().default(false),
    sourceUrl: text("source_url"),
    targetDate: date("target_date"),
    updateIntervalDays: integer("update_interval_days").notNull().default(DEFAULT_UPDATE_INTERVAL_DAYS),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("actions_plan_code_idx").on(t.planId, t.code),
    check("actions_update_interval_range", sql`${t.updateIntervalDays} between 1 and 3650`),
  ],
);

export const actionVisions = pgTable(
  "action_visions",
  {
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    visionId: integer("vision_id")
      .notNull()
      .references(() => visions.id, { onDelete: "cascade" }),
    weight: integer("weight").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.visionId] }),
    index("action_visions_vision_idx").on(t.visionId),
    check("action_visions_weight_range", sql`${t.weight} between 1 and 100`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: userRole("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    disabled: boolean("disabled").notNull().default(false),
    /** Set by an admin's forced reset: the user must choose a new password before doing anything else. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    /** Stored in the session token at login; bumping it signs the user out everywhere (password change, forced reset). */
    sessionVersion: integer("session_version").notNull().default(1),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_email_idx").on(sql`lower(${t.email})`)],
);

export type EvidenceLink = { url: string; label?: string };

/**
 * Append-only: the assessment itself (status, percent, narrative, evidence,
 * date) is never rewritten. Only the review columns move, once, from
 * submitted to published or rejected.
 */
export const progressUpdates = pgTable(
  "progress_updates",
  {
    id: serial("id").primaryKey(),
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id),
    status: progressStatus("status").notNull(),
    percent: integer("percent").notNull(),
    narrative: text("narrative").notNull(),
    evidenceLinks: jsonb("evidence_links").$type<EvidenceLink[]>().notNull().default([]),
    occurredOn: date("occurred_on").notNull(),
    illustrative: boolean("illustrative").notNull().default(false),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    reviewState: reviewState("review_state").notNull().default("submitted"),
    reviewerId: integer("reviewer_id").references(() => users.id),
    reviewNote: text("review_note"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("progress_updates_percent_range", sql`${t.percent} between 0 and 100`),
    index("progress_updates_current_idx").on(t.actionId, t.reviewState, t.occurredOn, t.publishedAt),
    index("progress_updates_state_idx").on(t.reviewState, t.createdAt),
    index("progress_updates_author_idx").on(t.authorId, t.createdAt),
    // The public "latest updates" list and the open-data files: newest publication first, without sorting the table.
    index("progress_updates_published_idx")
      .on(t.publishedAt, t.id)
      .where(sql`${t.reviewState} = 'published'`),
  ],
);

/**
 * Precomputed, for today's view only: each action's assessment at the end of
 * each day on which its progress happened (the last update of the day that
 * still counts, by publication time). Database triggers keep it current in
 * the same transaction as every publication, correction and insert (see
 * migration 0006), so the overview's progress-over-time chart reads one row
 * per action and day instead of replaying every update. Past views
 * (`asOf`, rounds) are computed from progress_updates and cached for long.
 */
export const actionDayStates = pgTable(
  "action_day_states",
  {
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id),
    occurredOn: date("occurred_on").notNull(),
    updateId: integer("update_id")
      .notNull()
      .references(() => progressUpdates.id),
    status: progressStatus("status").notNull(),
    percent: integer("percent").notNull(),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.occurredOn] }), index("action_day_states_day_idx").on(t.occurredOn)],
);

/**
 * A correction or retraction of a published update. The original row is
 * never touched: this record says, from `createdAt` on, that it no longer
 * counts, and which new update (if any) replaced it.
 */
export const updateCorrections = pgTable(
  "update_corrections",
  {
    id: serial("id").primaryKey(),
    updateId: integer("update_id")
      .notNull()
      .references(() => progressUpdates.id),
    kind: correctionKind("kind").notNull(),
    reason: text("reason").notNull(),
    replacementId: integer("replacement_id").references(() => progressUpdates.id),
    actorId: integer("actor_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("update_corrections_update_idx").on(t.updateId),
    index("update_corrections_created_idx").on(t.createdAt),
    // Timelines say which update a replacement corrects: looked up by replacement.
    index("update_corrections_replacement_idx").on(t.replacementId),
  ],
);

export const reportingRounds = pgTable(
  "reporting_rounds",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    cutoffDate: date("cutoff_date").notNull(),
    /** The round shows the plan as of the earlier of the cut-off day's end and this moment. */
    closedAt: timestamp("closed_at", { withTimezone: true }).notNull().defaultNow(),
    closedBy: integer("closed_by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex("reporting_rounds_slug_idx").on(t.slug)],
);

/** Who changed what, when, with the values before and after. Rows are never updated or deleted (a trigger enforces it). */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: serial("id").primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: integer("actor_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: auditEntity("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_entity_idx").on(t.entityType, t.entityId, t.at),
    index("audit_events_actor_idx").on(t.actorId, t.at),
  ],
);

/** Machine credentials for the write API. Only a hash is stored; the token is shown once. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** The first characters of the token, so people can tell their tokens apart. */
    prefix: text("prefix").notNull(),
    /** Updates sent with this token are submitted as this analyst. */
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_tokens_hash_idx").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

/** Fixed-window request counters shared by every instance (rate limits must not live in one process's memory). */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limit_counters_window_idx").on(t.windowStart)],
);

/**
 * Translations of plan content. `sourceHash` is the hash of the English text
 * the translation was written or last confirmed against: when the English
 * changes, the hashes differ and the translation shows as possibly out of
 * date, without anyone having to remember to flag it.
 */
export const contentTranslations = pgTable(
  "content_translations",
  {
    id: serial("id").primaryKey(),
    entityType: translatableEntity("entity_type").notNull(),
    /** Code for visions and actions, id for updates, slug for rounds: the same key the audit trail uses. */
    entityKey: text("entity_key").notNull(),
    field: text("field").$type<TranslatableField>().notNull(),
    locale: text("locale").$type<ContentLocale>().notNull(),
    text: text("text").notNull(),
    sourceHash: text("source_hash").notNull(),
    /** Null for translations that came with the seeded plan data. */
    confirmedBy: integer("confirmed_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("content_translations_item_idx").on(t.entityType, t.entityKey, t.field, t.locale)],
);
