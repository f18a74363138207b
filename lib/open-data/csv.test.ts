import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutraliseFormula, restoreFormula, toCsv, UTF8_BOM } from "./csv";

describe("csv", () => {
  it("quotes what needs quoting and round-trips through a real parser, Chinese included", () => {
    const rows = [
      ["A1", "促进人工智能和数字基础设施联通", 'He said "yes", then left', 40, true],
      ["A2", "line one\nline two", "", null, false],
    ];
    const text = toCsv(["code", "title", "note", "percent", "verified"], rows);
    const parsed = parse(text, { columns: true }) as Record<string, string>[];
    expect(parsed).toEqual([
      { code: "A1", title: "促进人工智能和数字基础设施联通", note: 'He said "yes", then left', percent: "40", verified: "true" },
      { code: "A2", title: "line one\nline two", note: "", percent: "", verified: "false" },
    ]);
  });

  it("adds a byte-order mark only when asked", () => {
    expect(toCsv(["a"], [["x"]], { bom: true }).startsWith(UTF8_BOM)).toBe(true);
    expect(toCsv(["a"], [["x"]]).startsWith(UTF8_BOM)).toBe(false);
  });

  it("neutralises formula-like text cells and restores them on import", () => {
    for (const danger of ["=HYPERLINK(\"http://evil\")", "+1+1", "-2", "@SUM(A1)", "\tcmd"]) {
      const safe = neutraliseFormula(danger);
      expect(safe).toBe(`'${danger}`);
      expect(restoreFormula(safe)).toBe(danger);
    }
    expect(neutraliseFormula("plain")).toBe("plain");
    expect(restoreFormula("'quoted on purpose")).toBe("'quoted on purpose");
    // Numbers are not text cells: a negative number stays a number.
    expect(toCsv(["n"], [[-5]])).toBe("n\r\n-5\r\n");
  });
});
