import { strToU8, zipSync, type Zippable } from "fflate";
import type { View } from "@/lib/view";
import { DATASETS, DATASET_NAMES } from "./datasets";
import { dictionaryJson, dictionaryMarkdown } from "./dictionary";
import type { ExportSource } from "./export";
import { datasetFile, viewStamp, type FileContext } from "./files";

function viewDescription(view: View): string {
  if (view.kind === "asOf") return `As of ${view.date} (everything published up to the end of that day, UTC).`;
  if (view.kind === "round") return `Reporting round "${view.name}" (${view.slug}), cut-off ${view.cutoffDate}.`;
  return "Live: everything published when the archive was generated.";
}

function readme(ctx: FileContext): string {
  return [
    "Plan Tracker open data",
    "",
    "The published state of the action plan: its visions, its actions, which action contributes to which vision,",
    "and every published progress update (including corrected and retracted ones, which are marked).",
    "",
    `Generated: ${ctx.generatedAt.toISOString()}`,
    `View: ${viewDescription(ctx.view)}`,
    `Licence: ${ctx.license.name}${ctx.license.url ? ` (${ctx.license.url})` : ""}`,
    "",
    "Files:",
    ...DATASET_NAMES.map((n) => `  ${DATASETS[n].file}.csv, ${DATASETS[n].file}.json: ${DATASETS[n].description}`),
    "  data-dictionary.md, data-dictionary.json: every field with its type, meaning and allowed values.",
    "  LICENSE.txt: the terms of reuse.",
    "",
    "Assessments marked illustrative are demonstration data, not official findings.",
    "",
  ].join("\r\n");
}

function licenseText(ctx: FileContext): string {
  const { name, url } = ctx.license;
  return [
    `The Plan Tracker open data in this archive is made available under ${name}.`,
    url ? `Full terms: ${url}` : "",
    "",
    "When you reuse it, credit \"Plan Tracker\" and say whether you changed the data.",
    "",
  ].join("\r\n");
}

/** The folder inside the ZIP, so unzipping never scatters files into the current folder. */
export function zipFolder(ctx: FileContext): string {
  return `plan-tracker-open-data-${viewStamp(ctx.view, ctx.generatedAt)}`;
}

/** Every dataset as CSV and JSON, the data dictionary, the licence and a README, in one archive. */
export function buildOpenDataZip(source: ExportSource, ctx: FileContext): Uint8Array {
  const folder = zipFolder(ctx);
  const mtime = ctx.generatedAt;
  const files: Zippable = {};
  const add = (name: string, text: string) => {
    files[`${folder}/${name}`] = [strToU8(text), { mtime }];
  };
  for (const name of DATASET_NAMES) {
    add(`${DATASETS[name].file}.csv`, datasetFile(name, "csv", source, ctx));
    add(`${DATASETS[name].file}.json`, datasetFile(name, "json", source, ctx));
  }
  add("data-dictionary.md", dictionaryMarkdown());
  add("data-dictionary.json", `${JSON.stringify(dictionaryJson(), null, 2)}\n`);
  add("LICENSE.txt", licenseText(ctx));
  add("README.txt", readme(ctx));
  return zipSync(files, { level: 6 });
}
