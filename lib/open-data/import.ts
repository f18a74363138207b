import { parse, type Info } from "csv-parse/stream";
import { z } from "zod";
import { intInRange, optionalHttpUrl, optionalIsoDate, optionalText, requiredText } from "@/lib/validation/fields";
import { progressUpdateSchema, type ProgressUpdateInput } from "@/lib/validation/progress";
import { DESCRIPTION_MAX, TITLE_MAX, UPDATE_INTERVAL_MAX_DAYS } from "@/lib/vocabulary";
import importMessages from "@/messages/en/import.json";
import validationMessages from "@/messages/en/validation.json";
import { neutraliseFormula, restoreFormula } from "./csv";
import { DATASETS, type Column } from "./datasets";

/*
 * Reading an uploaded CSV back in: the export's own format (see datasets.ts),
 * streamed record by record so a 20,000-row file never sits in memory as one
 * parsed array of strings, and validated row by row with the same schemas as
 * the forms. Nothing here touches the database: known codes come in as
 * arguments and the DB side (db/queries/imports.ts) compares and writes.
 */

/** Documented limits: the page text and the route refer to these. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;
export const IMPORT_MAX_PROBLEMS_LISTED = 500;
export const IMPORT_PROGRESS_EVERY = 500;

export const IMPORT_KINDS = ["updates", "plan"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_MODES = ["dry-run", "commit"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const importRequestSchema = z.object({
  kind: z.enum(IMPORT_KINDS, { error: "invalid" }),
  mode: z.enum(IMPORT_MODES, { error: "invalid" }),
});

type ImportProblemKey = keyof typeof importMessages.problems;
type ValidationKey = keyof typeof validationMessages;
export type ProblemCode = ImportProblemKey | ValidationKey;

/** `line` is the physical line of the file where the row starts (header = 1); null when the whole file is at fault. */
export type Problem = { line: number | null; column: string | null; code: ProblemCode; params?: Record<string, string | number> };

/** A problem as the report shows it: the English text next to the stable code. */
export type ReportedProblem = { line: number | null; column: string | null; code: ProblemCode; message: string };

export function describeProblem(problem: Problem): string {
  const problems: Record<string, string> = importMessages.problems;
  const validation: Record<string, string> = validationMessages;
  const template = problems[problem.code] ?? validation[problem.code] ?? validationMessages.invalid;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(problem.params?.[name] ?? whole));
}

export const UPDATE_REQUIRED_COLUMNS = ["action_code", "status", "percent", "narrative", "evidence_links", "occurred_on"] as const;
export const PLAN_REQUIRED_COLUMNS = ["code", "title", "title_verified", "description", "source_url", "target_date"] as const;

// ---------------------------------------------------------------------------
// Reading records

/** A file the reader cannot go on with (not UTF-8, broken quoting, too many rows). */
export class ImportFileError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
    this.name = "ImportFileError";
  }
}

/**
 * Passes bytes through after checking they are UTF-8. Re-encoding the
 * decoded text means chunks reach the CSV parser on character boundaries,
 * and the decoder also drops a leading byte-order mark.
 */
function utf8Only(): TransformStream<Uint8Array, Buffer> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  return new TransformStream<Uint8Array, Buffer>({
    transform(chunk, controller) {
      const text = decoder.decode(chunk, { stream: true });
      if (text) controller.enqueue(Buffer.from(text, "utf8"));
    },
    flush(controller) {
      const text = decoder.decode();
      if (text) controller.enqueue(Buffer.from(text, "utf8"));
    },
  });
}

function countLineBreaks(cell: string): number {
  return cell.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function toFileError(error: unknown, nextLine: number): ImportFileError {
  if (error instanceof ImportFileError) return error;
  if (error instanceof TypeError && (error as TypeError & { code?: string }).code === "ERR_ENCODING_INVALID_ENCODED_DATA") {
    return new ImportFileError({ line: null, column: null, code: "notUtf8" });
  }
  // csv-parse's error codes start with CSV_, all but INVALID_OPENING_QUOTE (a quote inside an unquoted field).
  if (error instanceof Error && "code" in error && typeof error.code === "string" && (error.code.startsWith("CSV_") || error.code === "INVALID_OPENING_QUOTE")) {
    // csv-parse counts a quoted CRLF as two lines, so its own line number is not used.
    const detail = error.message.replace(/ at line \d+.*$/s, "").replace(/^[^:]*: /, "");
    return new ImportFileError({ line: nextLine, column: null, code: "invalidCsv", params: { detail } });
  }
  throw error;
}

export type CsvRecord = { line: number; cells: string[] };

/**
 * The records of a CSV byte stream with the physical line each starts on.
 * csv-parse reports the line a record ends on and miscounts quoted CRLFs,
 * so the start is worked out here: one past the previous record's end,
 * plus any blank lines skipped in between.
 */
export async function* readCsvRecords(source: ReadableStream<Uint8Array>): AsyncGenerator<CsvRecord> {
  const records = source
    .pipeThrough(utf8Only())
    .pipeThrough(parse({ info: true, bom: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: ["\r\n", "\n"] })) as ReadableStream<{ record: string[]; info: Info }>;
  const reader = records.getReader();
  let previousEnd = 0;
  let previousEmpty = 0;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<{ record: string[]; info: Info }>;
      try {
        next = await reader.read();
      } catch (error) {
        throw toFileError(error, previousEnd + 1);
      }
      if (next.done) return;
      const { record, info } = next.value;
      const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
      previousEmpty = info.empty_lines;
      previousEnd = line + record.reduce((n, cell) => n + countLineBreaks(cell), 0);
      yield { line, cells: record };
    }
  } finally {
    // The caller may stop early (too many rows); release the upload.
    reader.cancel().catch(() => {});
  }
}

// ---------------------------------------------------------------------------
// Header and cells

type HeaderLayout = { columns: (Column | null)[]; names: string[] };

function checkHeader(cells: string[], allowed: readonly Column[], required: readonly string[], problems: Problem[]): HeaderLayout | null {
  const names = cells.map((c) => c.trim());
  const byName = new Map(allowed.map((c) => [c.name, c]));
  const seen = new Set<string>();
  let ok = true;
  for (const name of names) {
    if (seen.has(name)) {
      problems.push({ line: 1, column: name, code: "duplicateColumn", params: { column: name } });
      ok = false;
    }
    seen.add(name);
  }
  const unknown = names.filter((n) => !byName.has(n));
  const missing = required.filter((n) => !seen.has(n));
  if (missing.length) problems.push({ line: 1, column: null, code: "missingColumns", params: { columns: missing.join(", ") } });
  if (unknown.length) problems.push({ line: 1, column: null, code: "unknownColumns", params: { columns: unknown.map((n) => (n === "" ? '""' : n)).join(", ") } });
  if (!ok || missing.length || unknown.length) return null;
  return { names, columns: names.map((n) => byName.get(n) ?? null) };
}

const NUMERIC = new Set(["integer", "number"]);

/**
 * The row's cells by column name, with the export's formula neutralising
 * undone. A text cell that would run as a formula and was not neutralised
 * is refused: it did not come from the export and is unsafe to pass on.
 */
function rowValues(record: CsvRecord, layout: HeaderLayout, problems: Problem[]): Map<string, string> | null {
  if (record.cells.length !== layout.names.length) {
    problems.push({ line: record.line, column: null, code: "wrongColumnCount", params: { actual: record.cells.length, expected: layout.names.length } });
    return null;
  }
  const values = new Map<string, string>();
  let ok = true;
  record.cells.forEach((raw, i) => {
    const column = layout.columns[i];
    const name = layout.names[i] ?? "";
    if (column && !NUMERIC.has(column.type) && neutraliseFormula(raw) !== raw) {
      problems.push({ line: record.line, column: name, code: "formula" });
      ok = false;
      return;
    }
    values.set(name, column && NUMERIC.has(column.type) ? raw : restoreFormula(raw));
  });
  return ok ? values : null;
}

function messageKey(message: string | undefined): ProblemCode {
  return message && (message in validationMessages || message in importMessages.problems) ? (message as ProblemCode) : "invalid";
}

function zodProblems(error: z.ZodError, line: number, columnOf: Record<string, string>): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    const column = columnOf[field] ?? null;
    const code = messageKey(issue.message);
    const key = `${column}|${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ line, column, code });
  }
  return out;
}

type TableOptions = {
  source: ReadableStream<Uint8Array>;
  allowed: readonly Column[];
  required: readonly string[];
  onRow: (values: Map<string, string>, line: number, problems: Problem[]) => void;
  onProgress?: (rows: number) => void | Promise<void>;
};

/** Reads header and rows, collecting problems; returns the number of data rows read. */
async function readTable(options: TableOptions, problems: Problem[]): Promise<number> {
  let layout: HeaderLayout | null | undefined;
  let rows = 0;
  try {
    for await (const record of readCsvRecords(options.source)) {
      if (layout === undefined) {
        layout = checkHeader(record.cells, options.allowed, options.required, problems);
        // Rows cannot be read against a wrong header; the header problems say what to fix.
        if (layout === null) return 0;
        continue;
      }
      if (layout === null) return 0;
      rows += 1;
      if (rows > IMPORT_MAX_ROWS) throw new ImportFileError({ line: record.line, column: null, code: "tooManyRows", params: { max: IMPORT_MAX_ROWS } });
      const values = rowValues(record, layout, problems);
      if (values) options.onRow(values, record.line, problems);
      if (rows % IMPORT_PROGRESS_EVERY === 0) await options.onProgress?.(rows);
    }
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    problems.push(error.problem);
    return rows;
  }
  if (layout === undefined) problems.push({ line: null, column: null, code: "empty" });
  else if (layout !== null && rows === 0) problems.push({ line: null, column: null, code: "noRows" });
  if (rows % IMPORT_PROGRESS_EVERY !== 0) await options.onProgress?.(rows);
  return rows;
}

// ---------------------------------------------------------------------------
// Progress updates

export type ParsedUpdate = { line: number; id: number | null; input: ProgressUpdateInput };
export type ParsedFile<T> = { rows: T[]; rowCount: number; problems: Problem[] };

const UPDATE_COLUMN_OF: Record<string, string> = {
  actionCode: "action_code",
  status: "status",
  percent: "percent",
  narrative: "narrative",
  evidenceLinks: "evidence_links",
  occurredOn: "occurred_on",
};

/** The key that makes two rows the same update, for the duplicate check. */
export function updateIdentity(input: ProgressUpdateInput): string {
  return JSON.stringify([input.actionCode, input.occurredOn, input.status, input.percent, input.narrative]);
}

/**
 * Reads an updates file (the `updates` dataset). `actionCodes` are the
 * plan's codes; whether an `id` matches a published update is for the DB
 * side to judge.
 */
export async function parseUpdatesCsv(
  source: ReadableStream<Uint8Array>,
  { actionCodes, onProgress }: { actionCodes: ReadonlySet<string>; onProgress?: (rows: number) => void | Promise<void> },
): Promise<ParsedFile<ParsedUpdate>> {
  const problems: Problem[] = [];
  const rows: ParsedUpdate[] = [];
  const lineOfIdentity = new Map<string, number>();
  const lineOfId = new Map<number, number>();
  const rowCount = await readTable(
    {
      source,
      allowed: DATASETS.updates.columns,
      required: UPDATE_REQUIRED_COLUMNS,
      onProgress,
      onRow(values, line, out) {
        let ok = true;
        let id: number | null = null;
        const rawId = values.get("id")?.trim() ?? "";
        if (rawId !== "") {
          id = /^\d{1,9}$/.test(rawId) && Number(rawId) > 0 ? Number(rawId) : null;
          if (id === null) {
            out.push({ line, column: "id", code: "invalidId" });
            ok = false;
          } else if (lineOfId.has(id)) {
            out.push({ line, column: "id", code: "duplicateId", params: { line: lineOfId.get(id) ?? 0 } });
            ok = false;
          } else lineOfId.set(id, line);
        }
        const parsed = progressUpdateSchema.safeParse({
          actionCode: values.get("action_code"),
          status: values.get("status")?.trim(),
          percent: values.get("percent"),
          narrative: values.get("narrative"),
          evidenceLinks: (values.get("evidence_links") ?? "").split(/\s+/).filter(Boolean),
          occurredOn: values.get("occurred_on"),
        });
        // An unknown action is reported even when other cells of the row are bad too.
        const code = (values.get("action_code") ?? "").trim();
        const unknownAction = code !== "" && !actionCodes.has(code);
        if (unknownAction) out.push({ line, column: "action_code", code: "unknownActionCode" });
        if (!parsed.success) {
          out.push(...zodProblems(parsed.error, line, UPDATE_COLUMN_OF).filter((p) => !(unknownAction && p.column === "action_code")));
          return;
        }
        if (unknownAction) return;
        const identity = updateIdentity(parsed.data);
        const first = lineOfIdentity.get(identity);
        if (first !== undefined) {
          out.push({ line, column: null, code: "duplicateRow", params: { line: first } });
          return;
        }
        lineOfIdentity.set(identity, line);
        if (ok) rows.push({ line, id, input: parsed.data });
      },
    },
    problems,
  );
  return { rows, rowCount, problems };
}

// ---------------------------------------------------------------------------
// The plan (actions and visions)

export type ParsedPlanItem = {
  line: number;
  table: "actions" | "visions";
  code: string;
  title: string;
  description: string;
  verified: boolean;
  sourceUrl: string | null;
  targetDate: string | null;
  /** Actions only; undefined when the column is absent, which keeps the current value. */
  updateIntervalDays?: number;
};

const planRowSchema = z.object({
  code: z.string({ error: "required" }).trim().regex(/^[AV]\d{1,3}$/, { error: "invalid" }),
  title: requiredText(TITLE_MAX),
  description: optionalText(DESCRIPTION_MAX),
  targetDate: optionalIsoDate,
  verified: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.enum(["true", "false"], { error: "invalidBoolean" })),
  sourceUrl: optionalHttpUrl,
  updateIntervalDays: intInRange(1, UPDATE_INTERVAL_MAX_DAYS).optional(),
});

const PLAN_COLUMN_OF: Record<string, string> = {
  code: "code",
  title: "title",
  description: "description",
  targetDate: "target_date",
  verified: "title_verified",
  sourceUrl: "source_url",
  updateIntervalDays: "update_interval_days",
};

/** Both plan datasets' columns: a file of either kind (or both mixed) is accepted, and each row's code says which table it is for. */
const PLAN_COLUMNS: readonly Column[] = [...DATASETS.actions.columns, ...DATASETS.visions.columns.filter((c) => !DATASETS.actions.columns.some((a) => a.name === c.name))];

export async function parsePlanCsv(source: ReadableStream<Uint8Array>, { onProgress }: { onProgress?: (rows: number) => void | Promise<void> } = {}): Promise<ParsedFile<ParsedPlanItem>> {
  const problems: Problem[] = [];
  const rows: ParsedPlanItem[] = [];
  const lineOfCode = new Map<string, number>();
  const rowCount = await readTable(
    {
      source,
      allowed: PLAN_COLUMNS,
      required: PLAN_REQUIRED_COLUMNS,
      onProgress,
      onRow(values, line, out) {
        const code = values.get("code")?.trim() ?? "";
        const isAction = code.startsWith("A");
        const interval = isAction ? values.get("update_interval_days") : undefined;
        const parsed = planRowSchema.safeParse({
          code,
          title: values.get("title"),
          description: values.get("description"),
          targetDate: values.get("target_date"),
          verified: values.get("title_verified"),
          sourceUrl: values.get("source_url"),
          updateIntervalDays: interval === undefined || interval.trim() === "" ? undefined : interval,
        });
        if (!parsed.success) {
          out.push(...zodProblems(parsed.error, line, PLAN_COLUMN_OF));
          return;
        }
        const first = lineOfCode.get(parsed.data.code);
        if (first !== undefined) {
          out.push({ line, column: "code", code: "duplicateCode", params: { line: first } });
          return;
        }
        lineOfCode.set(parsed.data.code, line);
        const { verified, updateIntervalDays, ...rest } = parsed.data;
        rows.push({
          line,
          table: isAction ? "actions" : "visions",
          ...rest,
          verified: verified === "true",
          ...(updateIntervalDays !== undefined ? { updateIntervalDays } : {}),
        });
      },
    },
    problems,
  );
  return { rows, rowCount, problems };
}

// ---------------------------------------------------------------------------
// The report

export type ImportCounts = { rows: number; new: number; unchanged: number; updated: number; errors: number };

export type ImportReport = {
  type: "report";
  kind: ImportKind;
  mode: ImportMode;
  fileName: string;
  /** True only when the commit wrote something. */
  committed: boolean;
  counts: ImportCounts;
  /** The first IMPORT_MAX_PROBLEMS_LISTED problems by line; `problemCount` is the total. */
  problems: ReportedProblem[];
  problemCount: number;
};

export function buildReport(args: { kind: ImportKind; mode: ImportMode; fileName: string; committed: boolean; counts: Omit<ImportCounts, "errors">; problems: Problem[] }): ImportReport {
  const sorted = [...args.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    type: "report",
    kind: args.kind,
    mode: args.mode,
    fileName: args.fileName,
    committed: args.committed,
    counts: { ...args.counts, errors: args.problems.length },
    problems: sorted.slice(0, IMPORT_MAX_PROBLEMS_LISTED).map((p) => ({ line: p.line, column: p.column, code: p.code, message: describeProblem(p) })),
    problemCount: args.problems.length,
  };
}

/** A byte stream of a string, for tests and callers holding the text already. */
export function streamOf(content: string | Uint8Array): ReadableStream<Uint8Array> {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : new Uint8Array(content);
  return new Blob([bytes]).stream();
}
