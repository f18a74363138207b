import { CORRECTION_KINDS, DISPLAY_STATUSES, PROGRESS_STATUSES } from "@/lib/vocabulary";

/*
 * The open-data files: one definition per dataset, used by the CSV and
 * JSON exports, the data dictionary in the ZIP, and the import's header
 * check, so the four can never disagree.
 */

export type ColumnType = "string" | "integer" | "number" | "boolean" | "date" | "datetime" | "url" | "url-list";

export type Column = {
  name: string;
  type: ColumnType;
  description: string;
  allowed?: readonly string[];
  /** May be empty. */
  optional?: boolean;
};

export type Dataset = { name: DatasetName; file: string; description: string; columns: readonly Column[] };

export const DATASET_NAMES = ["visions", "actions", "action_visions", "updates"] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** Evidence links are joined with a single space in CSV (URLs cannot contain one). */
export const URL_LIST_SEPARATOR = " ";

export const DATASETS: Record<DatasetName, Dataset> = {
  visions: {
    name: "visions",
    file: "visions",
    description: "The plan's five visions, with status and progress rolled up from their actions by weight.",
    columns: [
      { name: "code", type: "string", description: "Stable identifier (V1–V5)." },
      { name: "theme", type: "string", description: "Short theme of the vision." },
      { name: "title", type: "string", description: "Title in English." },
      { name: "title_verified", type: "boolean", description: "true when the title was confirmed from an official source; false marks a placeholder." },
      { name: "description", type: "string", description: "What the vision covers.", optional: true },
      { name: "source_url", type: "url", description: "Where the wording comes from.", optional: true },
      { name: "target_date", type: "date", description: "Target date (YYYY-MM-DD), when one is known.", optional: true },
      { name: "status", type: "string", description: "Rolled-up status: the status carrying most weight among assessed actions.", allowed: DISPLAY_STATUSES },
      { name: "percent", type: "number", description: "Weighted mean progress of the vision's actions, 0–100 (unassessed actions count as 0)." },
      { name: "coverage", type: "number", description: "Share of the vision's action weight that has a published assessment, 0–1." },
      { name: "updated_at", type: "datetime", description: "Publication time of the latest assessment of any linked action (ISO 8601, UTC).", optional: true },
    ],
  },
  actions: {
    name: "actions",
    file: "actions",
    description: "The plan's ten actions with their current published status and progress.",
    columns: [
      { name: "code", type: "string", description: "Stable identifier (A1–A10)." },
      { name: "title", type: "string", description: "Title in English." },
      { name: "title_verified", type: "boolean", description: "true when the title was confirmed from an official source; false marks a placeholder." },
      { name: "description", type: "string", description: "What the action covers.", optional: true },
      { name: "source_url", type: "url", description: "Where the wording comes from.", optional: true },
      { name: "target_date", type: "date", description: "Target date (YYYY-MM-DD), when one is known.", optional: true },
      { name: "update_interval_days", type: "integer", description: "Expected days between updates; after that the action is overdue." },
      { name: "status", type: "string", description: "Status of the latest published assessment.", allowed: DISPLAY_STATUSES },
      { name: "percent", type: "integer", description: "Progress of the latest published assessment, 0–100; empty when not yet assessed.", optional: true },
      { name: "updated_at", type: "datetime", description: "Publication time of the latest published assessment (ISO 8601, UTC).", optional: true },
    ],
  },
  action_visions: {
    name: "action_visions",
    file: "action_visions",
    description: "Which vision each action contributes to, and with what weight.",
    columns: [
      { name: "action_code", type: "string", description: "Action identifier." },
      { name: "vision_code", type: "string", description: "Vision identifier." },
      { name: "weight", type: "integer", description: "Weight of the action in the vision's roll-up, 1–100." },
    ],
  },
  updates: {
    name: "updates",
    file: "updates",
    description: "Every published progress update, including corrected and retracted ones (marked).",
    columns: [
      { name: "id", type: "integer", description: "Stable identifier of the update." },
      { name: "action_code", type: "string", description: "Action the update assesses." },
      { name: "status", type: "string", description: "Assessed status.", allowed: PROGRESS_STATUSES },
      { name: "percent", type: "integer", description: "Assessed progress, 0–100." },
      { name: "narrative", type: "string", description: "What happened, in the analyst's words." },
      { name: "evidence_links", type: "url-list", description: "http(s) links to evidence, separated by one space.", optional: true },
      { name: "occurred_on", type: "date", description: "Date the progress happened (YYYY-MM-DD)." },
      { name: "published_at", type: "datetime", description: "When the update was published (ISO 8601, UTC)." },
      { name: "illustrative", type: "boolean", description: "true for demonstration assessments, which are not official findings." },
      { name: "correction", type: "string", description: "Set when the update was later corrected or retracted.", allowed: CORRECTION_KINDS, optional: true },
      { name: "correction_reason", type: "string", description: "The public reason for the correction or retraction.", optional: true },
      { name: "corrects_id", type: "integer", description: "For a correction: the id of the update it replaces.", optional: true },
    ],
  },
};
