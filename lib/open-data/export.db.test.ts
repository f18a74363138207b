import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { listPublishedUpdates } from "@/db/queries/exports";
import { getPlanState } from "@/db/queries/public";
import { correctUpdate } from "@/db/queries/updates";
import { progressUpdates } from "@/db/schema";
import { actionIdOf, makeActor } from "@/db/testing/fixtures";
import type { Actor } from "@/lib/permissions";
import { progressUpdateSchema } from "@/lib/validation/progress";
import { endOfDayCutoff, type View } from "@/lib/view";
import type { ProgressStatus } from "@/lib/vocabulary";
import { buildAtomFeed } from "./atom";
import { UTF8_BOM } from "./csv";
import { DATASETS, DATASET_NAMES } from "./datasets";
import { datasetCsv, datasetRecords, type ExportSource } from "./export";
import { datasetJson } from "./files";
import { DEFAULT_LICENSE } from "./license";
import { buildOpenDataZip } from "./zip";

let analyst: Actor;
let admin: Actor;

async function publish(code: string, at: string, status: ProgressStatus, percent: number, narrative: string, occurredOn = "2025-02-01") {
  const [row] = await db
    .insert(progressUpdates)
    .values({
      actionId: await actionIdOf(code),
      status,
      percent,
      narrative,
      evidenceLinks: [{ url: "https://example.org/a" }, { url: "https://example.org/b" }],
      occurredOn,
      authorId: analyst.id,
      reviewState: "published",
      reviewerId: admin.id,
      reviewedAt: new Date(at),
      publishedAt: new Date(at),
    })
    .returning({ id: progressUpdates.id });
  return row?.id ?? 0;
}

async function source(cutoff?: Date): Promise<ExportSource> {
  const [state, updates] = await Promise.all([getPlanState(cutoff), listPublishedUpdates(cutoff)]);
  return { ...state, updates };
}

const live: View = { kind: "live" };
const ctx = { view: live, generatedAt: new Date("2025-06-01T12:00:00Z"), license: DEFAULT_LICENSE };

let early = 0;
let formula = 0;
let corrected = 0;
let replacement = 0;

beforeAll(async () => {
  analyst = await makeActor("analyst");
  admin = await makeActor("admin");
  early = await publish("A1", "2025-03-01T10:00:00Z", "in_progress", 20, "人工智能能力建设：联合实验室签约。");
  formula = await publish("A2", "2025-03-05T10:00:00Z", "planned", 5, '=HYPERLINK("http://evil.example","click") & <b>');
  corrected = await publish("A3", "2025-03-02T10:00:00Z", "on_track", 80, "Eighty percent done.");
  await publish("A1", "2025-05-01T10:00:00Z", "delayed", 25, "Published after the March view.");
  const result = await correctUpdate(admin, {
    updateId: corrected,
    reason: "80% was a typo for 60%.",
    replacement: progressUpdateSchema.parse({
      actionCode: "A3",
      status: "on_track",
      percent: 60,
      narrative: "Sixty percent done.",
      evidenceLinks: [],
      occurredOn: "2025-03-01",
    }),
  });
  replacement = result.replacementId ?? 0;
});

describe("export rows", () => {
  it("lists every dataset's columns in the order of DATASETS", async () => {
    const s = await source();
    for (const name of DATASET_NAMES) {
      const records = datasetRecords(name, s);
      expect(records.length).toBeGreaterThan(0);
      for (const r of records) expect(Object.keys(r)).toEqual(DATASETS[name].columns.map((c) => c.name));
    }
    expect(datasetRecords("visions", s).map((r) => r.code)).toEqual(["V1", "V2", "V3", "V4", "V5"]);
    expect(datasetRecords("actions", s)).toHaveLength(10);
    const a1 = datasetRecords("actions", s).find((r) => r.code === "A1");
    expect(a1).toMatchObject({ status: "delayed", percent: 25 });
    const mapping = datasetRecords("action_visions", s);
    expect(mapping.every((m) => typeof m.weight === "number" && /^A\d+$/.test(String(m.action_code)))).toBe(true);
  });

  it("an as-of view excludes updates published later and corrections made later", async () => {
    const march = await source(endOfDayCutoff("2025-03-31"));
    const ids = datasetRecords("updates", march).map((r) => r.id);
    expect(ids).toEqual([early, corrected, formula]);
    expect(datasetRecords("updates", march).find((r) => r.id === corrected)).toMatchObject({ correction: null, corrects_id: null });
    expect(datasetRecords("actions", march).find((r) => r.code === "A1")).toMatchObject({ status: "in_progress", percent: 20 });
  });

  it("marks corrected updates and their replacements", async () => {
    const updates = datasetRecords("updates", await source());
    expect(updates.find((r) => r.id === corrected)).toMatchObject({ correction: "corrected", correction_reason: "80% was a typo for 60%." });
    expect(updates.find((r) => r.id === replacement)).toMatchObject({ corrects_id: corrected, correction: null });
  });

  it("keeps Chinese text intact in CSV with a BOM and neutralises formulas", async () => {
    const csv = datasetCsv("updates", await source(), { bom: true });
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.id === String(early))).toMatchObject({
      narrative: "人工智能能力建设：联合实验室签约。",
      evidence_links: "https://example.org/a https://example.org/b",
      illustrative: "false",
    });
    expect(rows.find((r) => r.id === String(formula))?.narrative).toBe(`'=HYPERLINK("http://evil.example","click") & <b>`);
  });

  it("writes JSON with the view, licence, columns and typed data", async () => {
    const json = datasetJson("updates", await source(), ctx);
    expect(json).toMatchObject({ dataset: "updates", view: { kind: "live" }, generatedAt: "2025-06-01T12:00:00.000Z", license: DEFAULT_LICENSE });
    expect(json.columns.map((c) => c.name)).toEqual(DATASETS.updates.columns.map((c) => c.name));
    expect(json.data.find((r) => r.id === early)?.evidence_links).toEqual(["https://example.org/a", "https://example.org/b"]);
  });
});

describe("ZIP archive", () => {
  it("holds every dataset, the dictionary listing every column, the licence and a README", async () => {
    const files = unzipSync(buildOpenDataZip(await source(), ctx));
    const names = Object.keys(files).map((n) => n.split("/").slice(1).join("/"));
    expect(names.sort()).toEqual(
      [...DATASET_NAMES.flatMap((n) => [`${n}.csv`, `${n}.json`]), "data-dictionary.md", "data-dictionary.json", "LICENSE.txt", "README.txt"].sort(),
    );
    const text = (suffix: string) => strFromU8(Object.entries(files).find(([n]) => n.endsWith(suffix))?.[1] ?? new Uint8Array());
    const dictionary = JSON.parse(text("data-dictionary.json")) as { datasets: { name: string; columns: { name: string; type: string; description: string }[] }[] };
    const markdown = text("data-dictionary.md");
    for (const name of DATASET_NAMES) {
      const entry = dictionary.datasets.find((d) => d.name === name);
      expect(entry?.columns.map((c) => c.name)).toEqual(DATASETS[name].columns.map((c) => c.name));
      for (const column of DATASETS[name].columns) expect(markdown).toContain(`| ${column.name} | ${column.type} |`);
    }
    expect(markdown).toContain("not_yet_assessed");
    expect(text("LICENSE.txt")).toContain("CC BY 4.0");
    expect(text("README.txt")).toContain("2025-06-01T12:00:00.000Z");
    expect(text("updates.csv")).toContain("人工智能");
  });
});

describe("Atom feed", () => {
  it("is an Atom 1.0 feed with escaped text and marked corrections", async () => {
    const updates = (await source()).updates.slice().reverse();
    const xml = buildAtomFeed({
      selfUrl: "http://localhost:3000/api/feeds/updates",
      pageUrl: "http://localhost:3000/",
      origin: "http://localhost:3000",
      title: "Plan Tracker & friends",
      subtitle: "Updates",
      updates,
      fallbackUpdated: "2025-06-01T00:00:00.000Z",
    });
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
    expect(xml.match(/<entry>/g)).toHaveLength(updates.length);
    expect(xml.match(/<\/entry>/g)).toHaveLength(updates.length);
    expect(xml).toContain("<title type=\"text\">Plan Tracker &amp; friends</title>");
    expect(xml).toContain("&amp; &lt;b&gt;");
    expect(xml).not.toContain("<b>");
    expect(xml).toContain(`href="http://localhost:3000/actions/A3#update-${corrected}"`);
    expect(xml).toContain(`<id>tag:localhost,2025:update-${early}</id>`);
    expect(xml).toContain("A3: On track 80% (corrected)");
    expect(xml).toContain(`[Correction of update ${corrected}]`);
  });
});
