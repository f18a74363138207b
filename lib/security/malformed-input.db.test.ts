import { eq } from "drizzle-orm";
import fc from "fast-check";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { UpdateBody } from "@/components/admin/update-body";
import { db } from "@/db";
import { progressUpdates } from "@/db/schema";
import { snapshotDatabase } from "@/db/testing/fixtures";
import { corruptForm, corruptPayload, hostileText, HOSTILE_STRINGS, hugeText, poisonedText, toJsonText, wrongType } from "./arbitraries";
import { apiBody, buildMutations, createWorld, credentialsOf, type ImportPayload, type Mutation, type Outcome, type World } from "./mutations";

/*
 * Generated bad input against every mutation of the table in mutations.ts
 * (the one the authorisation matrix uses), as the most powerful caller: an
 * admin for server actions and the import, the valid token of the write
 * API. So permission never refuses anything here: validation must. Every
 * payload must come back as a clean refusal (an action's `invalid`, or
 * `notFound`/`state`/`conflict` when it is well formed but refers to nothing
 * it may act on; a route's 4xx with a JSON body, or an import report listing
 * problems), never as `unavailable` or a 5xx (an exception), and the
 * database must be exactly as before (row counts and a checksum of every
 * row of every table). Object.prototype must stay clean.
 *
 * Reproduce a failure with FUZZ_SEED=<seed printed below>; FUZZ_RUNS sets
 * the runs per mutation.
 */
vi.mock("@/lib/current-user", async () => {
  const { getActiveActor } = await import("@/db/queries/users");
  const { testSession: s } = await import("./session");
  // As the real getCurrentUser: the session's user as of now, and only if the session's version is still theirs.
  return { getCurrentUser: async () => (s.userId === null ? null : getActiveActor(s.userId, s.sessionVersion === undefined ? {} : { sessionVersion: s.sessionVersion })) };
});
vi.mock("next/cache", () => ({ updateTag: vi.fn(), revalidateTag: vi.fn(), revalidatePath: vi.fn(), unstable_cache: <T>(fn: T) => fn }));

// The fuzz test sends hundreds of requests with one token; the rate limit is tested in lib/api-write.db.test.ts.
process.env.API_WRITE_RATE_LIMIT = "100000000";

const SEED = Number(process.env.FUZZ_SEED ?? 20251126);
const RUNS = Number(process.env.FUZZ_RUNS ?? 80);
console.info(`[malformed-input] fast-check seed ${SEED}, ${RUNS} runs per mutation (FUZZ_SEED / FUZZ_RUNS to change)`);

// A request's own bookkeeping, whatever its payload: the token's last use and the rate-limit counters.
const REQUEST_BOOKKEEPING = ["api_tokens.last_used_at", "rate_limit_counters.*"];

const world = {} as World;
const table: Mutation[] = buildMutations(world);
let generated = 0;
/** Outcomes per mutation ("invalid", 400, 404, "200 report"...), printed at the end. */
const tally: Record<string, Record<string, number>> = {};
const label = (o: Outcome) => (o.kind === "action" ? (o.result.ok ? "ok" : o.result.error) : o.lines ? `${o.status} report` : `${o.status} ${(o.json as { error?: string } | undefined)?.error ?? ""}`.trim());

beforeAll(async () => {
  Object.assign(world, await createWorld());
});

// ---------------------------------------------------------------------------
// Payloads per mutation

const UPDATES_HEADER = ["action_code", "status", "percent", "narrative", "evidence_links", "occurred_on"];
const GOOD_UPDATE = ["A4", "in_progress", "40", "Imported narrative", "https://example.org/i", "2025-04-01"];
const PLAN_HEADER = ["code", "title", "title_verified", "description", "source_url", "target_date"];
const GOOD_PLAN = ["V3", "A title", "false", "", "", ""];

/** CSV cells each column must refuse (as text: a CSV holds nothing else). */
const BAD_CELLS: Record<string, fc.Arbitrary<string>> = {
  action_code: fc.oneof(fc.constantFrom("A99", "A1000", "a1", "'; drop table actions; --", ""), hostileText.filter((s) => !/^A\d{1,3}$/.test(s.trim()))),
  status: fc.oneof(fc.constantFrom("", "done", "COMPLETED"), hostileText),
  percent: fc.constantFrom("", "abc", "101", "-1", "12.5", "1e309", "NaN", "Infinity", "0x32 ", "'; drop table users; --"),
  narrative: fc.oneof(fc.constantFrom("", "   ", "y".repeat(5001)), hostileText.map((s) => `${s}\u0000`)),
  evidence_links: fc.constantFrom("javascript:alert(1)", "ftp://example.org/x", "<img src=x onerror=alert(1)>", "https://example.org/\u0000"),
  occurred_on: fc.constantFrom("2025-02-30", "2999-01-01", "yesterday", "", "1999-12-31", "2025-03-01'; --"),
  code: fc.oneof(fc.constantFrom("X1", "A1000", "V99", "A99", "'; drop table visions; --", ""), hostileText.filter((s) => !/^[AV]\d{1,3}$/.test(s.trim()))),
  title: fc.constantFrom("", "  ", "y".repeat(301), "title\u0000"),
  title_verified: fc.constantFrom("maybe", "yes", "", "1", "<b>true</b>"),
  description: fc.constantFrom("y".repeat(5001), "desc\u0000"),
  source_url: fc.constantFrom("javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example"),
  target_date: fc.constantFrom("2025-02-30", "tomorrow", "2025-13-01"),
};

const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;
const csv = (rows: string[][]) => `${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;

/** One data row with at least one bad cell; the others good, or hostile text where text is free. */
function badRow(header: string[], good: string[]): fc.Arbitrary<string[]> {
  return fc
    .record({
      bad: fc.uniqueArray(fc.integer({ min: 0, max: header.length - 1 }), { minLength: 1, maxLength: 3 }),
      cells: fc.tuple(...header.map((h) => BAD_CELLS[h] ?? fc.constant(""))),
      hostile: fc.option(hostileText),
    })
    .map(({ bad, cells, hostile }) =>
      header.map((h, i) => {
        if (bad.includes(i)) return cells[i] ?? "";
        if (hostile !== null && (h === "narrative" || h === "title" || h === "description")) return hostile;
        return good[i] ?? "";
      }),
    );
}

function importArbitrary(kind: "updates" | "plan"): fc.Arbitrary<ImportPayload> {
  const header = kind === "updates" ? UPDATES_HEADER : PLAN_HEADER;
  const good = kind === "updates" ? GOOD_UPDATE : GOOD_PLAN;
  const file = (content: string | Uint8Array) => ({ fileName: "fuzz.csv", content });
  const mode = fc.constantFrom("commit", "commit", "dry-run");
  const badEnum = fc.oneof(hostileText, poisonedText, fc.constantFrom("", "COMMIT", "updates ", "both"));
  const goodFile = file(csv([header, good]));
  return fc.oneof(
    // A well-formed upload whose rows are bad: the answer is a report listing problems, and nothing is written.
    { weight: 6, arbitrary: fc.tuple(mode, fc.array(badRow(header, good), { minLength: 1, maxLength: 3 }), fc.boolean()).map(([m, rows, withGood]) => ({ form: { kind, mode: m, file: file(csv([header, ...(withGood ? [good] : []), ...rows])) } })) },
    // Files that are not this export's CSV at all.
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          hostileText,
          hugeText,
          fc.constantFrom('$x" y', `${header.join(",")}\r\n`, `${header.slice(1).join(",")}\r\n${good.slice(1).join(",")}\r\n`, `${[...header, header[0]].join(",")}\r\n`, `"unterminated,${header.join(",")}`, "\uFEFF"),
          fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => Uint8Array.from([0xff, 0xfe, 0xc3, ...b])),
        )
        .map((content) => ({ form: { kind, mode: "commit", file: file(content) } })),
    },
    // Bad or missing fields of the form itself.
    {
      weight: 2,
      arbitrary: fc.oneof(
        badEnum.map((k) => ({ form: { kind: k, mode: "commit", file: goodFile } })),
        badEnum.map((m) => ({ form: { kind, mode: m, file: goodFile } })),
        fc.constant({ form: { kind, mode: "commit" } }),
        hostileText.map((text) => ({ form: { kind, mode: "commit", file: text } })),
        fc.constant({ form: { kind, mode: "commit", file: file("") } }),
      ),
    },
    // Not multipart at all.
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.constant({ raw: JSON.stringify({ kind, mode: "commit", file: csv([header, good]) }), contentType: "application/json" }),
        fc.constant({ raw: `kind=${kind}&mode=commit&file=x`, contentType: "application/x-www-form-urlencoded" }),
        hostileText.map((raw) => ({ raw, contentType: "multipart/form-data; boundary=zzz" })),
        hostileText.map((raw) => ({ raw, contentType: "text/plain" })),
      ),
    },
  );
}

function apiWriteArbitrary(row: Mutation, base: { code: string; body: Record<string, unknown> }): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: corruptPayload(base.body, row.fields).map((body) => ({ code: base.code, body: toJsonText(body) })) },
    // The path names an action that does not exist (with a good body): 404.
    { weight: 1, arbitrary: fc.oneof(hostileText, poisonedText, fc.constantFrom("A99", "a3", "A3 ", "../A3", "A3%00")).map((code) => ({ code, body: toJsonText(apiBody()) })) },
    // Bodies that are not a JSON object, or far too large.
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.constantFrom("", "{", "null", "[]", "42", '"text"', "true", "{\"percent\": NaN}", "[".repeat(5000) + "]".repeat(5000), "{}".repeat(10)),
          hostileText,
          hugeText.map((h) => JSON.stringify({ ...apiBody(), narrative: h })),
          wrongType.map((v) => toJsonText(v)),
        )
        .map((body) => ({ code: base.code, body })),
    },
  );
}

async function arbitraryFor(row: Mutation): Promise<fc.Arbitrary<unknown>> {
  if (row.name.startsWith("POST /api/imports")) return importArbitrary(row.name.includes("kind=plan") ? "plan" : "updates");
  if (row.name === "POST /api/v1/actions/[code]/updates") return apiWriteArbitrary(row, (await row.valid()) as { code: string; body: Record<string, unknown> });
  // Without this process's secret header even a well-formed body is refused (404) before it is read.
  if (row.name === "POST /api/internal/revalidate") return fc.oneof(fc.constant(toJsonText({ tags: ["plan-structure"] })), wrongType.map(toJsonText), hostileText, hugeText);
  const base = (await row.valid()) as Record<string, unknown>;
  // Mostly objects (as a client calling the action directly could send), also forms as the browser posts them.
  return fc.oneof({ weight: 3, arbitrary: corruptPayload(base, row.fields) }, { weight: 1, arbitrary: corruptForm(base, row.fields) });
}

// ---------------------------------------------------------------------------
// What a clean refusal looks like

function isFieldErrors(v: unknown): boolean {
  return typeof v === "object" && v !== null && Object.keys(v).length > 0 && Object.values(v).every((list) => Array.isArray(list) && list.length > 0 && list.every((m) => typeof m === "string"));
}

function expectCleanRefusal(row: Mutation, payload: unknown, outcome: Outcome): void {
  if (outcome.kind === "action") {
    const r = outcome.result;
    expect(r.ok, "accepted a malformed payload").toBe(false);
    if (r.ok) return;
    // Every payload has at least one field that is wrong in itself, so validation (zod, or the
    // database's own check of a code) must refuse it: a "notFound" or "state" would mean a wrong
    // type slipped through (say `true` read as id 1), an "unavailable" that something threw.
    expect(r.error, `error "${r.error}"`).toBe("invalid");
    expect(isFieldErrors(r.fieldErrors), "field errors").toBe(true);
    return;
  }
  expect(outcome.status, outcome.text.slice(0, 300)).toBeLessThan(500);
  if (row.name === "POST /api/internal/revalidate") {
    expect(outcome.status).toBe(404);
    return;
  }
  if (outcome.lines) {
    // The import answers a well-formed upload with a report: it must list problems and say nothing was written.
    expect(outcome.status).toBe(200);
    expect(outcome.lines.some((l) => (l as { type?: string }).type === "error"), outcome.text.slice(-300)).toBe(false);
    const report = outcome.lines.at(-1) as { type?: string; committed?: boolean; problemCount?: number; problems?: unknown[] };
    expect(report.type).toBe("report");
    expect(report.committed).toBe(false);
    expect(report.problemCount ?? 0).toBeGreaterThan(0);
    return;
  }
  expect(outcome.status).toBeGreaterThanOrEqual(400);
  expect(outcome.contentType).toContain("application/json");
  const body = outcome.json as { error?: unknown; message?: unknown; fieldErrors?: unknown };
  expect(typeof body.error).toBe("string");
  expect(typeof body.message).toBe("string");
  if (body.error === "invalid") {
    // A form that parsed gets per-field messages; an import that is not multipart at all only a message.
    const envelopeOnly = typeof payload === "object" && payload !== null && "raw" in payload;
    if (!envelopeOnly) expect(isFieldErrors(body.fieldErrors), outcome.text.slice(0, 300)).toBe(true);
  }
}

const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(",");

function shortReport<T extends unknown[]>(details: fc.RunDetails<T>): string {
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const text = `${error}\n${fc.defaultReportMessage(details) ?? "failed"}`;
  return text.length > 4000 ? `${text.slice(0, 4000)}… (${text.length} characters)` : text;
}

// ---------------------------------------------------------------------------

describe("malformed input against every mutation", () => {
  const cleanProto = protoKeys();

  it.each(table.map((row) => [row.name, row] as const))("%s refuses malformed payloads cleanly and changes nothing", async (_name, row) => {
    const who = row.name === "POST /api/v1/actions/[code]/updates" ? "validToken" : "admin";
    const arbitrary = await arbitraryFor(row);
    // Nothing may change, so one snapshot serves the whole run; it is compared after every payload.
    const before = await snapshotDatabase(REQUEST_BOOKKEEPING);
    const details = await fc.check(
      fc.asyncProperty(arbitrary, async (payload) => {
        generated += 1;
        const outcome = await row.invoke(payload, credentialsOf(world, who));
        const counts = (tally[row.name] ??= {});
        counts[label(outcome)] = (counts[label(outcome)] ?? 0) + 1;
        expectCleanRefusal(row, payload, outcome);
        expect(await snapshotDatabase(REQUEST_BOOKKEEPING)).toEqual(before);
        expect(protoKeys()).toBe(cleanProto);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    if (details.failed) throw new Error(`${row.name}: ${shortReport(details)}`);
  });

  it(`sent at least 1,000 generated payloads (seed ${SEED})`, () => {
    console.info(`[malformed-input] ${generated} payloads; outcomes per mutation:\n${Object.entries(tally).map(([n, c]) => `  ${n}: ${JSON.stringify(c)}`).join("\n")}`);
    expect(generated).toBeGreaterThanOrEqual(1000);
  });
});

describe("cases the fuzzer found", () => {
  it("reports a quote inside an unquoted CSV field as a problem of the file, not as a server failure", async () => {
    const row = table.find((r) => r.name === "POST /api/imports (kind=updates)");
    if (!row) throw new Error("row missing");
    for (const content of ['$x" y', `action_code,status,percent,narrative,evidence_links,occurred_on\r\nA4,in_progress,40,say "hi",,2025-04-01\r\n`]) {
      const outcome = await row.invoke({ form: { kind: "updates", mode: "commit", file: { fileName: "q.csv", content } } }, credentialsOf(world, "admin"));
      expect(outcome.kind === "route" && outcome.lines?.at(-1)).toMatchObject({ type: "report", committed: false, problems: [{ code: "invalidCsv" }] });
    }
  });
});

describe("hostile text that is valid", () => {
  it("is stored verbatim by the form and the API, and shown as text", async () => {
    const submit = table.find((r) => r.name === "progress.submitUpdateAction");
    const api = table.find((r) => r.name === "POST /api/v1/actions/[code]/updates");
    if (!submit || !api) throw new Error("rows missing");
    const details = await fc.check(
      fc.asyncProperty(fc.constantFrom(...HOSTILE_STRINGS).chain((h) => fc.tuple(fc.constant(h), fc.boolean())), async ([text, viaApi]) => {
        const narrative = `${text} ${text}`.trim();
        let id: number;
        if (viaApi) {
          const outcome = await api.invoke({ code: "A3", body: apiBody({ narrative }) }, credentialsOf(world, "validToken"));
          expect(outcome.kind === "route" && outcome.status, outcome.kind === "route" ? outcome.text : "").toBe(201);
          id = ((outcome as { json: { id: number } }).json).id;
        } else {
          const outcome = await submit.invoke({ ...(await submit.valid() as object), narrative }, credentialsOf(world, "analyst"));
          expect(outcome.kind === "action" && outcome.result.ok, JSON.stringify(outcome)).toBe(true);
          id = ((outcome as { result: { data: { id: number } } }).result.data).id;
        }
        const [row] = await db.select().from(progressUpdates).where(eq(progressUpdates.id, id));
        expect(row?.narrative).toBe(narrative);
        // Rendered as reviewers see it: the HTML is escaped text, never markup.
        const html = renderToStaticMarkup(createElement(UpdateBody, { row: { narrative: row?.narrative ?? "", evidenceLinks: [] }, labels: { narrative: "Narrative", evidence: "Evidence", noEvidence: "None" } }));
        expect(html).not.toMatch(/<(img|script|svg)\b/i);
      }),
      { seed: SEED, numRuns: 40 },
    );
    if (details.failed) throw new Error(shortReport(details));
  });

  it("renders an HTML narrative and a javascript: link as inert text", () => {
    const html = renderToStaticMarkup(
      createElement(UpdateBody, {
        row: { narrative: "<img src=x onerror=alert(1)><script>alert(1)</script>", evidenceLinks: [{ url: "javascript:alert(1)" }, { url: "https://example.org/<b>" }] },
        labels: { narrative: "Narrative", evidence: "Evidence", noEvidence: "None" },
      }),
    );
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toMatch(/<(img|script)\b/i);
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('href="https://example.org/&lt;b&gt;"');
  });
});
