import { DATASETS, DATASET_NAMES } from "./datasets";
import { columnsJson } from "./files";

/** The data dictionary as JSON: every dataset and every field, straight from DATASETS. */
export function dictionaryJson() {
  return {
    datasets: DATASET_NAMES.map((name) => ({
      name,
      files: [`${DATASETS[name].file}.csv`, `${DATASETS[name].file}.json`],
      description: DATASETS[name].description,
      columns: columnsJson(name),
    })),
  };
}

// Pipes would end a Markdown table cell early.
const mdCell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

export function dictionaryMarkdown(): string {
  const parts = [
    "# Plan Tracker open data: data dictionary",
    "",
    "CSV files are UTF-8 with CRLF line ends and a header row. Empty cells mean no value.",
    "Text cells that start with =, +, - or @ are prefixed with an apostrophe so spreadsheets do not run them as formulas.",
    "",
  ];
  for (const name of DATASET_NAMES) {
    const d = DATASETS[name];
    parts.push(`## ${d.file} (${d.file}.csv, ${d.file}.json)`, "", d.description, "");
    parts.push("| Field | Type | Meaning | Allowed values | May be empty |", "| --- | --- | --- | --- | --- |");
    for (const c of d.columns) {
      parts.push(`| ${c.name} | ${c.type} | ${mdCell(c.description)} | ${c.allowed ? c.allowed.join(", ") : ""} | ${c.optional ? "yes" : "no"} |`);
    }
    parts.push("");
  }
  return parts.join("\n");
}
