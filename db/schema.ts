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
import { PROGRESS_STATUSES, REVIEW_STATES, ROLES } from "@/lib/vocabulary";

export const progressStatus = pgEnum("progress_status", PROGRESS_STATUSES);
export const reviewState = pgEnum("review_state", REVIEW_STATES);
export const userRole = pgEnum("user_role", ROLES);

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
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex("actions_plan_code_idx").on(t.planId, t.code)],
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
  ],
);
