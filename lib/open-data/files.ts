import { viewToJson } from "@/lib/api";
import type { View } from "@/lib/view";
import { DATASETS, DATASET_NAMES, type DatasetName } from "./datasets";
import { datasetCsv, datasetRecords, type ExportSource } from "./export";
import type { DataLicense } from "./license";

/*
 * The downloadable files, shared by the download routes, the ZIP and the
 * downloads page, so a file is the same wherever it is fetched from.
 */

export const FILE_FORMATS = ["csv", "json"] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export const ZIP_FILE = "all.zip";

/** Parses "actions.csv" into its dataset and format; null for anything else. */
export function parseDatasetFile(file: string): { name: DatasetName; format: FileFormat } | null {
  const match = /^([a-z_]+)\.(csv|json)$/.exec(file);
  if (!match) return null;
  const name = DATASET_NAMES.find((n) => DATASETS[n].file === match[1]);
  const format = FILE_FORMATS.find((f) => f === match[2]);
  return name && format ? { name, format } : null;
}

/** The part of a file name that says which moment it shows: the as-of date, the round, or today. */
export function viewStamp(view: View, now: Date): string {
  if (view.kind === "asOf") return view.date;
  if (view.kind === "round") return view.slug;
  return now.toISOString().slice(0, 10);
}

export function downloadName(base: string, extension: string, view: View, now: Date): string {
  return `plan-tracker-${base.replace(/_/g, "-")}-${viewStamp(view, now)}.${extension}`;
}

export function columnsJson(name: DatasetName) {
  return DATASETS[name].columns.map((c) => ({
    name: c.name,
    type: c.type,
    description: c.description,
    optional: c.optional ?? false,
    ...(c.allowed ? { allowed: [...c.allowed] } : {}),
  }));
}

export type FileContext = { view: View; generatedAt: Date; license: DataLicense };

export function datasetJson(name: DatasetName, source: ExportSource, ctx: FileContext) {
  return {
    dataset: name,
    view: viewToJson(ctx.view),
    generatedAt: ctx.generatedAt.toISOString(),
    license: ctx.license,
    columns: columnsJson(name),
    data: datasetRecords(name, source),
  };
}

export function datasetFile(name: DatasetName, format: FileFormat, source: ExportSource, ctx: FileContext, bom = false): string {
  return format === "csv" ? datasetCsv(name, source, { bom }) : `${JSON.stringify(datasetJson(name, source, ctx), null, 2)}\n`;
}
