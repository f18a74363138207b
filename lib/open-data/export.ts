import { unstable_cache } from "next/cache";
import { cache as reactCache } from "react";
import { listPublishedUpdates } from "@/db/queries/exports";
import type { ActionSummary, PublicUpdate, VisionSummary } from "@/db/queries/public";
import { prepareDatabase } from "@/db/startup";
import { CACHE_TAGS } from "@/lib/cache-tags";
import { getCachedPlanState } from "@/lib/public-data";
import { toCsv, type Cell } from "./csv";
import { DATASETS, URL_LIST_SEPARATOR, type DatasetName } from "./datasets";

/** Everything the four datasets are built from, read once per download. */
export type ExportSource = {
  actions: ActionSummary[];
  visions: VisionSummary[];
  updates: PublicUpdate[];
};

/** A JSON value of one cell: evidence links stay a list in JSON, and join with a space only in CSV. */
export type JsonCell = string | number | boolean | null | string[];
export type DatasetRecord = Record<string, JsonCell>;

const getCachedPublishedUpdates = reactCache(
  unstable_cache(
    async (cutoff?: Date) => {
      await prepareDatabase();
      return listPublishedUpdates(cutoff);
    },
    ["open-data-updates"],
    { tags: [CACHE_TAGS.structure, CACHE_TAGS.progress], revalidate: 3600 },
  ),
);

/** Reads the plan as of the cut-off through the Next cache (no cut-off: now). */
export async function loadExportSource(cutoff?: Date): Promise<ExportSource> {
  const [state, updates] = await Promise.all([getCachedPlanState(cutoff), getCachedPublishedUpdates(cutoff)]);
  return { actions: state.actions, visions: state.visions, updates };
}

/** The latest published updates first, for the feeds. */
export async function loadLatestUpdates(limit: number, cutoff?: Date): Promise<PublicUpdate[]> {
  const all = await getCachedPublishedUpdates(cutoff);
  return all.slice(-limit).reverse();
}

function visionRecords(visions: readonly VisionSummary[]): DatasetRecord[] {
  return visions.map((v) => ({
    code: v.code,
    theme: v.theme,
    title: v.title,
    title_verified: v.verified,
    description: v.description || null,
    source_url: v.sourceUrl,
    target_date: v.targetDate,
    status: v.status,
    percent: v.percent,
    coverage: v.coverage,
    updated_at: v.updatedAt,
  }));
}

function actionRecords(actions: readonly ActionSummary[]): DatasetRecord[] {
  return actions.map((a) => ({
    code: a.code,
    title: a.title,
    title_verified: a.verified,
    description: a.description || null,
    source_url: a.sourceUrl,
    target_date: a.targetDate,
    update_interval_days: a.updateIntervalDays,
    status: a.status,
    percent: a.percent,
    updated_at: a.updatedAt,
  }));
}

function mappingRecords(actions: readonly ActionSummary[]): DatasetRecord[] {
  return actions.flatMap((a) => a.visions.map((v) => ({ action_code: a.code, vision_code: v.code, weight: v.weight })));
}

function updateRecords(updates: readonly PublicUpdate[]): DatasetRecord[] {
  return updates.map((u) => ({
    id: u.id,
    action_code: u.actionCode,
    status: u.status,
    percent: u.percent,
    narrative: u.narrative,
    evidence_links: u.evidenceLinks.map((l) => l.url),
    occurred_on: u.occurredOn,
    published_at: u.publishedAt,
    illustrative: u.illustrative,
    correction: u.correction?.kind ?? null,
    correction_reason: u.correction?.reason ?? null,
    corrects_id: u.correctsId,
  }));
}

/** One dataset's rows as objects keyed by column name, in the column order of DATASETS. */
export function datasetRecords(name: DatasetName, source: ExportSource): DatasetRecord[] {
  const records =
    name === "visions"
      ? visionRecords(source.visions)
      : name === "actions"
        ? actionRecords(source.actions)
        : name === "action_visions"
          ? mappingRecords(source.actions)
          : updateRecords(source.updates);
  // Re-keying in column order guarantees that the file and its dictionary agree.
  const columns = DATASETS[name].columns;
  return records.map((r) => Object.fromEntries(columns.map((c) => [c.name, r[c.name] ?? null])));
}

function csvCell(value: JsonCell): Cell {
  return Array.isArray(value) ? value.join(URL_LIST_SEPARATOR) : value;
}

export function datasetCsv(name: DatasetName, source: ExportSource, options: { bom?: boolean } = {}): string {
  const columns = DATASETS[name].columns.map((c) => c.name);
  const rows = datasetRecords(name, source).map((r) => columns.map((c) => csvCell(r[c] ?? null)));
  return toCsv(columns, rows, options);
}
