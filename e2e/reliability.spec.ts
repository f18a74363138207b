import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { approve, expect, logUpdate, runInfo, signIn, test } from "./fixtures";
import { createCluster, postgresBinaries, seedInstanceDatabase, startInstance, type DatabaseEnv, type Instance } from "./instances";

/*
 * Issue #6, reliability. Each test starts its own extra server instances of
 * the build under test (scripts/server.ts, what `npm start` runs) and stops
 * them; every loop and wait is bounded.
 *   1. Two instances over one Postgres: a publish on one is on the other's public pages within 5 s.
 *   2. Postgres stopped under load: 503s (friendly page, JSON), never a 500 or a hang;
 *      recovery without a restart once it is back; no write half done.
 *   3. PGlite: kill -9 during a burst of writes, restart: every acknowledged write is there.
 */

type RunInfoWithDb = ReturnType<typeof runInfo> & { databaseUrl?: string | null };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A throwaway database on TEST_DATABASE_URL's server (pt_rel_…), dropped by the returned function. */
async function throwawayDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `pt_rel_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

type Outcome = { kind: "get" | "write"; path: string; status: number | "timeout" | "network"; ms: number; narrative?: string; id?: number };

/** One request with a hard time limit; a hang shows up as "timeout". */
async function timed(kind: Outcome["kind"], url: string, init: RequestInit = {}, limitMs = 15_000): Promise<{ outcome: Outcome; body: string }> {
  const started = Date.now();
  try {
    const response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(limitMs) });
    const body = await response.text();
    return { outcome: { kind, path: new URL(url).pathname, status: response.status, ms: Date.now() - started }, body };
  } catch (error) {
    const status = (error as Error).name === "TimeoutError" ? "timeout" : "network";
    return { outcome: { kind, path: new URL(url).pathname, status, ms: Date.now() - started }, body: "" };
  }
}

function writeUpdate(base: string, token: string, narrative: string, code = "A7") {
  return timed("write", `${base}/api/v1/actions/${code}/updates`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ status: "in_progress", percent: 30, narrative, evidenceLinks: ["https://example.org/reliability"], occurredOn: "2025-06-15" }),
  });
}

/**
 * A missing prerequisite skips the test on a developer's machine, with the
 * reason; CI (E2E_REQUIRE_ALL=1, set by .ci/run) must run every test, so
 * there it fails instead of passing silently as skipped.
 */
function needs(present: boolean, reason: string): void {
  if (present) return;
  if (process.env.E2E_REQUIRE_ALL === "1") throw new Error(`E2E_REQUIRE_ALL is set but this test ${reason}`);
  test.skip(true, reason);
}

test.describe("reliability (issue #6)", () => {
  test.describe.configure({ mode: "serial" });

  test("two instances over one Postgres: a publish on one shows on the other's public pages within 5 s", async ({ browser, baseURL }) => {
    test.setTimeout(240_000);
    const info = runInfo() as RunInfoWithDb;
    const cleanups: (() => Promise<void>)[] = [];
    try {
      let database: DatabaseEnv;
      let writerUrl: string;
      if (info.databaseUrl) {
        // The main e2e server is instance A; B joins its database.
        database = { DATABASE_URL: info.databaseUrl };
        writerUrl = baseURL!;
      } else {
        needs(!!process.env.TEST_DATABASE_URL, "needs Postgres: set TEST_DATABASE_URL (the main e2e run is on PGlite, which is single-process)");
        const temp = await throwawayDatabase();
        cleanups.push(temp.drop);
        database = { DATABASE_URL: temp.url };
        seedInstanceDatabase(database);
        const a = await startInstance({ database });
        cleanups.unshift(a.stop);
        writerUrl = a.url;
      }
      const b = await startInstance({ database });
      cleanups.unshift(b.stop);

      const narrative = `Cross-instance publication ${Date.now()}`;
      const pageOnB = `${b.url}/actions/A8`;
      // Warm B's cache: the page is now served from B's memory, without reading the database.
      for (let i = 0; i < 2; i++) {
        const warm = await timed("get", pageOnB);
        expect(warm.outcome.status).toBe(200);
        expect(warm.body).not.toContain(narrative);
      }

      const context = await browser.newContext({ baseURL: writerUrl });
      cleanups.unshift(() => context.close());
      const admin = await context.newPage();
      await signIn(admin, "admin");
      await logUpdate(admin, { action: "A8", status: "On track", percent: "55", narrative });
      await expect(admin.getByText("Your update was submitted for review.")).toBeVisible();
      await approve(admin, narrative);
      const published = Date.now();

      let seenAfter = -1;
      while (Date.now() - published < 15_000) {
        const { body } = await timed("get", pageOnB, {}, 5000);
        if (body.includes(narrative)) {
          seenAfter = Date.now() - published;
          break;
        }
        await sleep(100);
      }
      console.log(`[reliability] instance B showed the publication after ${seenAfter} ms`);
      expect(seenAfter, `instance B never showed the update:\n${b.output()}`).toBeGreaterThanOrEqual(0);
      expect(seenAfter).toBeLessThanOrEqual(5000);
    } finally {
      for (const cleanup of cleanups) await cleanup().catch((e: unknown) => console.error("[reliability] cleanup", e));
    }
  });

  test("Postgres stopped under load: friendly 503s, recovery without a restart, no half-done write", async ({ browser }) => {
    test.setTimeout(300_000);
    const bin = postgresBinaries();
    needs(!!bin, "needs the PostgreSQL server binaries (initdb, pg_ctl): /usr/lib/postgresql/<version>/bin or PG_BIN");
    const cluster = await createCluster(bin!);
    let instance: Instance | undefined;
    const check = postgres(cluster.url, { max: 1, onnotice: () => {} });
    try {
      const database = { DATABASE_URL: cluster.url };
      const { token } = seedInstanceDatabase(database);
      instance = await startInstance({ database, env: { DATABASE_CONNECT_TIMEOUT: "3", API_WRITE_RATE_LIMIT: "100000" } });
      const base = instance.url;

      // A signed-in admin: the admin pages read the user from the database on every request.
      const context = await browser.newContext({ baseURL: base });
      const page = await context.newPage();
      await signIn(page, "admin");
      const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
      expect((await timed("get", `${base}/admin`, { headers: { cookie } })).outcome.status).toBe(200);

      // Load: 4 workers, each a bounded loop of a write and two reads.
      const outcomes: Outcome[] = [];
      let stopLoad = false;
      let counter = 0;
      const worker = async () => {
        for (let i = 0; i < 400 && !stopLoad; i++) {
          const narrative = `reliability load ${Date.now()} #${counter++}`;
          const write = await writeUpdate(base, token, narrative);
          const id = write.outcome.status === 201 ? (JSON.parse(write.body) as { id: number }).id : undefined;
          outcomes.push({ ...write.outcome, narrative, id });
          outcomes.push((await timed("get", `${base}/api/v1/actions`)).outcome);
          outcomes.push((await timed("get", `${base}/actions`)).outcome);
          await sleep(20);
        }
      };
      const load = Promise.all([worker(), worker(), worker(), worker()]);
      await sleep(2000);
      expect(outcomes.filter((o) => o.status === 201).length, "writes succeed before the outage").toBeGreaterThan(0);

      cluster.stop("fast");
      const stoppedAt = Date.now();

      // While it is down: every answer is a bounded 503, never a 500 or a hang.
      await expect
        .poll(async () => (await timed("get", `${base}/api/health`)).outcome.status, { timeout: 15_000 })
        .toBe(503);
      const health = await timed("get", `${base}/api/health`);
      expect(JSON.parse(health.body)).toMatchObject({ status: "error", database: "down" });

      const adminEn = await timed("get", `${base}/admin`, { headers: { cookie } });
      expect(adminEn.outcome.status).toBe(503);
      expect(adminEn.outcome.ms).toBeLessThan(10_000);
      expect(adminEn.body).toContain("temporarily unavailable");
      const adminZh = await timed("get", `${base}/zh/admin`, { headers: { cookie } });
      expect(adminZh.outcome.status).toBe(503);
      expect(adminZh.body).toContain("服务暂时不可用");
      const browserView = await context.newPage();
      const response = await browserView.goto(`${base}/admin`);
      expect(response?.status()).toBe(503);
      expect(response?.headers()["retry-after"]).toBe("5");
      await expect(browserView.getByRole("heading", { name: "Temporarily unavailable" })).toBeVisible();

      // A failure in the root layout (it reads an unknown round) has its own page, translated too;
      // Next renders that one in the browser only.
      const roundEn = await browserView.goto(`${base}/?round=outage-${Date.now()}`);
      expect(roundEn?.status()).toBe(503);
      await expect(browserView.getByRole("heading", { name: "Temporarily unavailable" })).toBeVisible();
      const roundZh = await browserView.goto(`${base}/zh?round=outage-${Date.now()}`);
      expect(roundZh?.status()).toBe(503);
      await expect(browserView.getByRole("heading", { name: "暂时无法访问" })).toBeVisible();

      // An uncached read (a new past view) and a write: JSON 503 with Retry-After.
      const read = await fetch(`${base}/api/v1/actions?asOf=2025-01-0${1 + (Date.now() % 9)}`, { signal: AbortSignal.timeout(15_000) });
      expect(read.status).toBe(503);
      expect(read.headers.get("retry-after")).toBe("5");
      expect(await read.json()).toMatchObject({ error: "unavailable" });
      const failedNarrative = `reliability write during the outage ${Date.now()}`;
      const failedWrite = await writeUpdate(base, token, failedNarrative);
      expect(failedWrite.outcome.status).toBe(503);
      expect(JSON.parse(failedWrite.body)).toMatchObject({ error: "unavailable" });

      await sleep(Math.max(0, 3000 - (Date.now() - stoppedAt)));
      cluster.start();
      const restartedAt = Date.now();

      // Back: the same requests succeed again within 20 s, with no restart of the app.
      await expect
        .poll(async () => (await timed("get", `${base}/admin`, { headers: { cookie } }, 5000)).outcome.status, { timeout: 20_000, intervals: [250] })
        .toBe(200);
      const recoveredAfter = Date.now() - restartedAt;
      const after = await writeUpdate(base, token, `reliability write after recovery ${Date.now()}`);
      expect(after.outcome.status).toBe(201);
      expect((await timed("get", `${base}/api/v1/actions?asOf=2025-02-01`)).outcome.status).toBe(200);
      expect((await timed("get", `${base}/api/health`)).outcome.status).toBe(200);
      console.log(`[reliability] recovered ${recoveredAfter} ms after Postgres was back`);
      // The cache bus listens again on its own, and expires every tag for the notifications it missed.
      await expect.poll(() => instance!.output(), { timeout: 15_000 }).toContain("[cache-bus] listening again");

      stopLoad = true;
      await load;

      // Never a 500, never a hang: every answer under load was a success or a 503.
      const bad = outcomes.filter((o) => !(o.status === 200 || o.status === 201 || o.status === 503));
      expect(bad, `unexpected answers: ${JSON.stringify(bad.slice(0, 10))}\n${instance.output()}`).toEqual([]);
      const writes = outcomes.filter((o) => o.kind === "write");
      const acknowledged = writes.filter((o) => o.status === 201);
      const refused = writes.filter((o) => o.status === 503);
      console.log(`[reliability] under load: ${outcomes.length} answers, ${acknowledged.length} writes acknowledged, ${refused.length} refused with 503`);
      expect(refused.length + 1, "some writes met the outage").toBeGreaterThan(1);

      // No write half done: every acknowledged update exists once with its audit record;
      // nothing the outage refused was saved in part (an update row always has its audit row and vice versa).
      const rows = await check<{ id: number; narrative: string; audits: number }[]>`
        select u.id, u.narrative,
          (select count(*)::int from audit_events a where a.entity_type = 'update' and a.entity_id = u.id::text and a.action = 'update.submit') as audits
        from progress_updates u where u.narrative like 'reliability %'`;
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const w of acknowledged) {
        expect(byId.get(w.id!)?.narrative, `acknowledged update ${w.id}`).toBe(w.narrative);
      }
      expect(rows.filter((r) => r.audits !== 1), "updates without exactly one audit record").toEqual([]);
      const [orphans] = await check<{ n: number }[]>`
        select count(*)::int as n from audit_events a
        where a.entity_type = 'update' and a.action = 'update.submit'
          and not exists (select 1 from progress_updates u where u.id::text = a.entity_id)`;
      expect(orphans?.n).toBe(0);
      const narratives = rows.map((r) => r.narrative);
      expect(narratives.filter((n) => n === failedNarrative)).toEqual([]);
      expect(new Set(narratives).size, "no update saved twice").toBe(narratives.length);
      // A refused write may only exist whole (its commit landed, the answer was lost with the connection).
      const refusedButSaved = refused.filter((w) => narratives.includes(w.narrative!));
      console.log(`[reliability] refused writes found saved whole after the outage: ${refusedButSaved.length}`);
      expect(refusedButSaved.length).toBeLessThanOrEqual(4);
    } finally {
      await instance?.stop();
      await check.end({ timeout: 5 }).catch(() => {});
      cluster.destroy();
    }
  });

  test("PGlite: kill -9 during a burst of writes, restart: every acknowledged write is there", async () => {
    test.setTimeout(300_000);
    const parent = mkdtempSync(path.join(os.tmpdir(), "pgl-rel-"));
    const database = { PGLITE_DIR: path.join(parent, "db") };
    let instance: Instance | undefined;
    try {
      const { token } = seedInstanceDatabase(database);
      instance = await startInstance({ database, env: { API_WRITE_RATE_LIMIT: "100000" } });
      const base = instance.url;

      const acknowledged: { id: number; narrative: string }[] = [];
      let stop = false;
      let counter = 0;
      const worker = async () => {
        for (let i = 0; i < 500 && !stop; i++) {
          const narrative = `durability burst ${counter++}`;
          const { outcome, body } = await writeUpdate(base, token, narrative);
          if (outcome.status === 201) acknowledged.push({ id: (JSON.parse(body) as { id: number }).id, narrative });
          else if (outcome.status !== "network") throw new Error(`write answered ${outcome.status}: ${body}`);
        }
      };
      const burst = Promise.all([worker(), worker(), worker(), worker()]);
      // Mid-burst: after a good number of acknowledged writes, with more in flight.
      await expect.poll(() => acknowledged.length, { timeout: 60_000, intervals: [50] }).toBeGreaterThanOrEqual(40);
      await instance.kill9();
      stop = true;
      await burst;
      const ackedAtKill = [...acknowledged];
      console.log(`[reliability] kill -9 after ${ackedAtKill.length} acknowledged writes`);

      // The same folder opens again, and the restarted app serves it.
      instance = await startInstance({ database });
      const health = await fetch(`${instance.url}/api/health`);
      expect(health.status).toBe(200);
      await instance.stop();
      instance = undefined;

      const db = new PGlite(database.PGLITE_DIR);
      try {
        const { rows } = await db.query<{ id: number; narrative: string }>("select id, narrative from progress_updates where narrative like 'durability burst %'");
        const saved = new Map(rows.map((r) => [r.id, r.narrative]));
        const lost = ackedAtKill.filter((w) => saved.get(w.id) !== w.narrative);
        expect(lost, `acknowledged writes lost after kill -9 (${lost.length} of ${ackedAtKill.length})`).toEqual([]);
        const { rows: audits } = await db.query<{ n: number }>(
          "select count(*)::int as n from progress_updates u where u.narrative like 'durability burst %' and not exists (select 1 from audit_events a where a.entity_type = 'update' and a.entity_id = u.id::text)",
        );
        expect(audits[0]?.n, "updates without their audit record").toBe(0);
      } finally {
        await db.close();
      }
    } finally {
      await instance?.kill9();
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
