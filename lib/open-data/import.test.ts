import { describe, expect, it } from "vitest";
import { toCsv, UTF8_BOM } from "./csv";
import { buildReport, IMPORT_MAX_PROBLEMS_LISTED, IMPORT_MAX_ROWS, parsePlanCsv, parseUpdatesCsv, readCsvRecords, streamOf, type Problem } from "./import";

const CODES = new Set(["A1", "A2", "A3"]);
const HEADER = ["action_code", "status", "percent", "narrative", "evidence_links", "occurred_on"];

function parse(content: string | Uint8Array) {
  return parseUpdatesCsv(streamOf(content), { actionCodes: CODES });
}

function codes(problems: Problem[]) {
  return problems.map((p) => [p.line, p.column, p.code]);
}

describe("reading CSV records", () => {
  it("numbers each record by the physical line it starts on, across quoted line breaks and blank lines", async () => {
    const text = 'a,b\r\n1,"two\r\nlines"\r\n\r\n2,z\n3,"x\ny\nz"\n4,last';
    const lines: number[] = [];
    for await (const r of readCsvRecords(streamOf(text))) lines.push(r.line);
    expect(lines).toEqual([1, 2, 5, 6, 9]);
  });
});

describe("parseUpdatesCsv", () => {
  it("accepts a valid file with a BOM, CRLF line ends and the export's extra columns", async () => {
    const csv = toCsv(
      ["id", ...HEADER, "published_at", "illustrative"],
      [
        [7, "A1", "in_progress", 30, "Agreement signed", "https://example.org/a https://example.org/b", "2025-03-01", "2025-03-02T10:00:00.000Z", false],
        [null, "A2", "completed", 100, "Done", "", "2025-04-01", "", false],
      ],
      { bom: true },
    );
    const result = await parse(csv);
    expect(result.problems).toEqual([]);
    expect(result.rowCount).toBe(2);
    expect(result.rows[0]).toEqual({
      line: 2,
      id: 7,
      input: { actionCode: "A1", status: "in_progress", percent: 30, narrative: "Agreement signed", evidenceLinks: ["https://example.org/a", "https://example.org/b"], occurredOn: "2025-03-01" },
    });
    expect(result.rows[1]).toMatchObject({ line: 3, id: null, input: { evidenceLinks: [] } });
  });

  it("restores a narrative the export neutralised as a formula, and keeps Chinese text intact", async () => {
    const csv = toCsv(HEADER, [["A1", "on_track", 50, "=1+1 是合作", "", "2025-03-01"]], { bom: true });
    expect(csv).toContain("'=1+1");
    const result = await parse(csv);
    expect(result.problems).toEqual([]);
    expect(result.rows[0]?.input.narrative).toBe("=1+1 是合作");
  });

  it("refuses a cell that would run as a formula", async () => {
    const csv = `${HEADER.join(",")}\nA1,on_track,50,"=HYPERLINK(""http://evil"")",,2025-03-01\nA1,on_track,50,@SUM(A1),,2025-03-02\n`;
    const result = await parse(csv);
    expect(codes(result.problems)).toEqual([
      [2, "narrative", "formula"],
      [3, "narrative", "formula"],
    ]);
    expect(result.rows).toEqual([]);
  });

  it("reports missing and unknown columns and reads no rows", async () => {
    const result = await parse("action_code,status,percent,narrative,colour\nA1,on_track,50,x,red\n");
    expect(codes(result.problems)).toEqual([
      [1, null, "missingColumns"],
      [1, null, "unknownColumns"],
    ]);
    expect(result.problems[0]?.params).toEqual({ columns: "evidence_links, occurred_on" });
    expect(result.problems[1]?.params).toEqual({ columns: "colour" });
    expect(result.rows).toEqual([]);
  });

  it("reports a repeated column", async () => {
    const result = await parse(`${HEADER.join(",")},status\n`);
    expect(codes(result.problems)).toEqual([[1, "status", "duplicateColumn"]]);
  });

  it("refuses a file that is not UTF-8", async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode(`${HEADER.join(",")}\nA1,on_track,50,caf`), 0xe9, ...new TextEncoder().encode(",,2025-03-01\n")]);
    const result = await parse(latin1);
    expect(codes(result.problems)).toEqual([[null, null, "notUtf8"]]);
    expect(result.rows).toEqual([]);
  });

  it("explains an empty file and a header without rows", async () => {
    expect(codes((await parse("")).problems)).toEqual([[null, null, "empty"]]);
    expect(codes((await parse(UTF8_BOM)).problems)).toEqual([[null, null, "empty"]]);
    expect(codes((await parse(`${HEADER.join(",")}\r\n`)).problems)).toEqual([[null, null, "noRows"]]);
  });

  it("reports each bad row with its line and column, using the form's validation", async () => {
    const csv = [
      HEADER.join(","),
      "A1,on_track,50,Fine,,2025-03-01",
      'A9,on_track,50,"Unknown',
      'action",,2025-03-01',
      "A1,completed,80,Not done,,2025-03-01",
      "A1,dancing,150,,javascript:alert(1),2025-02-30",
      "A1,on_track,50,Too few cells",
    ].join("\n");
    const result = await parse(csv);
    expect(codes(result.problems)).toEqual([
      [3, "action_code", "unknownActionCode"],
      [5, "percent", "completedNeeds100"],
      [6, "status", "invalidStatus"],
      [6, "percent", "outOfRange"],
      [6, "narrative", "required"],
      [6, "evidence_links", "invalidUrl"],
      [6, "occurred_on", "invalidDate"],
      [7, null, "wrongColumnCount"],
    ]);
    expect(result.rows.map((r) => r.line)).toEqual([2]);
  });

  it("flags a repeated update and a repeated id on the later line", async () => {
    const csv = [
      ["id", ...HEADER].join(","),
      ",A1,on_track,50,Same,,2025-03-01",
      "5,A2,on_track,50,Other,,2025-03-01",
      ",A1,on_track,50,Same,https://example.org/x,2025-03-01",
      "5,A3,on_track,50,Third,,2025-03-01",
      "abc,A3,on_track,50,Fourth,,2025-03-01",
    ].join("\n");
    const result = await parse(csv);
    expect(codes(result.problems)).toEqual([
      [4, null, "duplicateRow"],
      [5, "id", "duplicateId"],
      [6, "id", "invalidId"],
    ]);
    expect(result.problems[0]?.params).toEqual({ line: 2 });
  });

  it("reports broken quoting as a file problem", async () => {
    const result = await parse(`${HEADER.join(",")}\nA1,on_track,50,"never closed,,2025-03-01\n`);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code: "invalidCsv", line: 2 });
  });

  it("stops at the row limit", async () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => ["A1", "on_track", 50, `Row ${i}`, "", "2025-03-01"]);
    const progress: number[] = [];
    const result = await parseUpdatesCsv(streamOf(toCsv(HEADER, rows)), { actionCodes: CODES, onProgress: (n) => void progress.push(n) });
    expect(result.problems.map((p) => p.code)).toEqual(["tooManyRows"]);
    expect(progress.length).toBeGreaterThan(10);
  });
});

describe("parsePlanCsv", () => {
  it("reads the actions and visions export columns, picking the table by code", async () => {
    const csv = toCsv(
      ["code", "title", "title_verified", "description", "source_url", "target_date", "update_interval_days", "status", "percent", "updated_at"],
      [
        ["A1", "Joint labs", true, "", "https://example.org/src", "2030-12-31", 60, "on_track", 50, ""],
        ["V1", "Vision one", "false", "Text", "", "", "", "not_yet_assessed", "", ""],
        ["A1", "Again", true, "", "", "", 60, "", "", ""],
        ["A2", "", "maybe", "", "ftp://x", "", 0, "", "", ""],
      ],
    );
    const result = await parsePlanCsv(streamOf(csv));
    expect(result.rows).toEqual([
      { line: 2, table: "actions", code: "A1", title: "Joint labs", description: "", verified: true, sourceUrl: "https://example.org/src", targetDate: "2030-12-31", updateIntervalDays: 60 },
      { line: 3, table: "visions", code: "V1", title: "Vision one", description: "Text", verified: false, sourceUrl: null, targetDate: null },
    ]);
    expect(codes(result.problems)).toEqual([
      [4, "code", "duplicateCode"],
      [5, "title", "required"],
      [5, "title_verified", "invalidBoolean"],
      [5, "source_url", "invalidUrl"],
      [5, "update_interval_days", "outOfRange"],
    ]);
  });
});

describe("buildReport", () => {
  it("lists the first problems by line with English text, and counts them all", () => {
    const problems: Problem[] = Array.from({ length: IMPORT_MAX_PROBLEMS_LISTED + 10 }, (_, i) => ({ line: 1000 - i, column: "id", code: "duplicateId", params: { line: 2 } }));
    const report = buildReport({ kind: "updates", mode: "dry-run", fileName: "x.csv", committed: false, counts: { rows: 10, new: 0, unchanged: 0, updated: 0 }, problems });
    expect(report.problemCount).toBe(IMPORT_MAX_PROBLEMS_LISTED + 10);
    expect(report.counts.errors).toBe(IMPORT_MAX_PROBLEMS_LISTED + 10);
    expect(report.problems).toHaveLength(IMPORT_MAX_PROBLEMS_LISTED);
    expect(report.problems[0]).toEqual({ line: 1000 - IMPORT_MAX_PROBLEMS_LISTED - 9, column: "id", code: "duplicateId", message: "The same id already appears on line 2." });
  });
});
