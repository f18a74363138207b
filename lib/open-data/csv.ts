/*
 * CSV as spreadsheets read it: RFC 4180 quoting, CRLF line ends, UTF-8,
 * and an optional byte-order mark so Excel detects UTF-8 (Chinese text
 * stays intact). Parsing lives in the import code (csv-parse).
 */

export type Cell = string | number | boolean | null | undefined;

export const UTF8_BOM = "\uFEFF";

// A text cell starting with one of these is run as a formula by spreadsheets.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a text cell that a spreadsheet would run as a formula, by prefixing an apostrophe. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes neutraliseFormula on import, so an export read back in is unchanged. */
export function restoreFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function encodeCell(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  const text = typeof cell === "string" ? neutraliseFormula(cell) : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(encodeCell).join(",")}\r\n`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[], options: { bom?: boolean } = {}): string {
  return (options.bom ? UTF8_BOM : "") + csvLine(header) + rows.map(csvLine).join("");
}
