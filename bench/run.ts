/*
 * npm run bench: the public side's performance (issue #7). A script, not a test.
 *
 * For PGlite, and again for Postgres when DATABASE_URL is set (a fresh
 * database `pt_bench_<time>` is created on that server and dropped after):
 *   1. builds once (NEXT_DIST_DIR, default .next-bench; BENCH_SKIP_BUILD=1 reuses it);
 *   2. seeds 100 updates, starts the production server (scripts/server.ts,
 *      what `npm start` runs) and times the overview's cold render;
 *   3. tops the data set up to 100,000 updates, 10 actions and 50 users and
 *      times the cold render again;
 *   4. load: autocannon, 20 connections x 10 s each, on the overview `/`,
 *      an action page, /api/v1/actions and a static file in public/ of the
 *      same size as the overview's HTML, served by the same server in the
 *      same run (the ceiling);
 *   5. freshness: signs in as an admin, publishes a submitted update with the
 *      real server action, and polls `/` until the update shows;
 *   6. first-load JS of the overview: the gzipped sizes of the <script src>
 *      files its HTML loads (nomodule polyfills, which modern browsers skip,
 *      are reported apart);
 *   7. SQL queries per public page: runs the query-budget test
 *      (db/queries/public.queries.db.test.ts), which counts at the driver.
 * The overview and the ceiling are also measured through plain `next start`
 * (for information). Writes bench/results.md and bench/results.json.
 *
 * Cold render, the method: a fresh server process with an empty Next cache
 * (route cache and data cache folders removed) is warmed with a request to
 * another page (/visions: modules, database connection, layout), then the
 * time to the last byte of the first `/` request is taken: it renders the
 * overview with every read a cache miss. Median of BENCH_COLD_RUNS (3) starts.
 *
 * Environment: BENCH_PORT (3460), BENCH_DURATION (10), BENCH_CONNECTIONS (20),
 * BENCH_UPDATES (100000), BENCH_SKIP_BUILD, BENCH_SKIP_NEXT_START,
 * BENCH_COLD_RUNS (3), DATABASE_URL.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import postgres from "postgres";
import { BENCH_ADMIN } from "./constants";

const root = process.cwd();
const distDir = process.env.NEXT_DIST_DIR || ".next-bench";
const port = Number(process.env.BENCH_PORT || 3460);
const duration = Number(process.env.BENCH_DURATION || 10);
const connections = Number(process.env.BENCH_CONNECTIONS || 20);
const bigUpdates = Number(process.env.BENCH_UPDATES || 100_000);
const coldRuns = Number(process.env.BENCH_COLD_RUNS || 3);
const ceilingName = "bench-ceiling.html";
const ceilingPath = path.join(root, "public", ceilingName);
const secret = randomBytes(24).toString("base64");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const nextBin = path.join(root, "node_modules", ".bin", "next");

const TARGETS = { ratio: 0.7, p99: 50, freshnessMs: 1000, coldRatio: 2, firstLoadKb: 250, queries: 5 };

type Load = { path: string; requests: number; p50: number; p99: number; bytes: number; errors: number; non2xx: number };
type TargetResult = {
  db: "pglite" | "postgres";
  server: string;
  seed: { small: unknown; large: unknown };
  coldRender: { small: number[]; large: number[]; smallMedian: number; largeMedian: number; ratio: number };
  load: Record<string, Load & { ratio: number }>;
  nextStart?: Record<string, Load & { ratio: number }>;
  /** ms: from the publish request's answer (the update is published) until `/` shows it; endToEndMs: from sending the publish request. */
  freshness: { ms: number[]; medianMs: number; publishMs: number[]; endToEndMs: number[] };
  overviewHtmlBytes: number;
  firstLoadJs: { kbGzip: number; scripts: { src: string; gzip: number }[]; noModuleKbGzip: number };
};

const log = (...a: unknown[]) => console.log("[bench]", ...a);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] ?? 0) : 0;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function env(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, NEXT_DIST_DIR: distDir, NEXTAUTH_SECRET: secret, NEXT_TELEMETRY_DISABLED: "1", ...extra };
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete e[k];
  return e;
}

function build(): void {
  if (process.env.BENCH_SKIP_BUILD === "1" && existsSync(path.join(root, distDir, "BUILD_ID"))) return log(`reusing build in ${distDir}`);
  log(`building into ${distDir} ...`);
  const t = Date.now();
  // The build reads no database; an unreachable one proves it.
  const r = spawnSync(nextBin, ["build"], { stdio: ["ignore", "ignore", "inherit"], env: env({ DATABASE_URL: undefined, PGLITE_DIR: "/nonexistent/pglite" }) });
  if (r.status !== 0) throw new Error("next build failed");
  log(`built in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

function seed(dbEnv: Record<string, string | undefined>, updates: number, probes: number): unknown {
  const r = spawnSync(tsx, ["bench/seed.ts", "--updates", String(updates), "--users", "50", "--probes", String(probes)], {
    env: env(dbEnv),
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`seed failed: ${r.stderr}`);
  const line = r.stdout.trim().split("\n").at(-1) ?? "{}";
  log("seeded", line);
  return JSON.parse(line);
}

/** Empties Next's caches in the build folder so that a new server renders everything from its own database. */
function clearNextCache(): void {
  rmSync(path.join(root, distDir, "server", "route-cache"), { recursive: true, force: true });
  rmSync(path.join(root, distDir, "cache", "fetch-cache"), { recursive: true, force: true });
}

type Server = { proc: ChildProcess; url: string; stop: () => Promise<void> };

async function startServer(kind: "custom" | "next-start", dbEnv: Record<string, string | undefined>): Promise<Server> {
  clearNextCache();
  const url = `http://localhost:${port}`;
  const cmd = kind === "custom" ? tsx : nextBin;
  const args = kind === "custom" ? ["scripts/server.ts"] : ["start", "-p", String(port)];
  const proc = spawn(cmd, args, { env: env({ ...dbEnv, PORT: String(port), NODE_ENV: "production" }), stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  proc.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  proc.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    if (proc.exitCode !== null || proc.pid === undefined) return;
    const exited = new Promise((r) => proc.once("exit", r));
    try {
      process.kill(-proc.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
    await Promise.race([exited, sleep(5000)]);
    try {
      process.kill(-proc.pid, "SIGKILL");
    } catch {
      /* gone */
    }
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) return { proc, url, stop };
    } catch {
      /* not yet */
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`server did not start: ${output}`);
}

async function timed(url: string, init?: RequestInit): Promise<{ ms: number; status: number; body: string }> {
  const t = performance.now();
  const r = await fetch(url, init);
  const body = await r.text();
  return { ms: performance.now() - t, status: r.status, body };
}

async function coldRender(dbEnv: Record<string, string | undefined>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < coldRuns; i++) {
    const server = await startServer("custom", dbEnv);
    try {
      await timed(`${server.url}/visions`);
      const first = await timed(`${server.url}/`);
      if (first.status !== 200) throw new Error(`overview answered ${first.status}`);
      times.push(Math.round(first.ms * 10) / 10);
    } finally {
      await server.stop();
    }
  }
  return times;
}

async function load(url: string): Promise<Load> {
  // Warm: the first request renders and caches; the next ones are what readers get.
  for (let i = 0; i < 3; i++) await fetch(url).then((r) => r.arrayBuffer());
  const result = await autocannon({ url, connections, duration });
  return {
    path: new URL(url).pathname,
    requests: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytes: Math.round(result.throughput.average),
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

async function loadSuite(base: string, paths: string[]): Promise<Record<string, Load & { ratio: number }>> {
  const out: Record<string, Load> = {};
  for (const p of paths) {
    out[p] = await load(`${base}${p}`);
    log(`${p}: ${out[p]?.requests} req/s, p50 ${out[p]?.p50} ms, p99 ${out[p]?.p99} ms`);
  }
  const ceiling = out[`/${ceilingName}`]?.requests || 1;
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, { ...v, ratio: Math.round((v.requests / ceiling) * 100) / 100 }]));
}

/** The static ceiling: a file of exactly the overview HTML's size, served from public/ by the same server. */
function writeCeiling(bytes: number): void {
  mkdirSync(path.dirname(ceilingPath), { recursive: true });
  const head = "<!doctype html><html><head><title>bench ceiling</title></head><body><pre>";
  const tail = "</pre></body></html>\n";
  const filler = "static ceiling for the overview benchmark ".repeat(Math.ceil(bytes / 40));
  writeFileSync(ceilingPath, head + filler.slice(0, Math.max(0, bytes - head.length - tail.length)) + tail);
}

async function firstLoadJs(base: string, html: string): Promise<TargetResult["firstLoadJs"]> {
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)];
  const scripts: { src: string; gzip: number }[] = [];
  let noModule = 0;
  for (const m of tags) {
    const src = (m[1] ?? "").replace(/&amp;/g, "&");
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    const gz = gzipSync(body).length;
    if (/\bnomodule\b/i.test(m[0])) noModule += gz;
    else scripts.push({ src, gzip: gz });
  }
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  return { kbGzip: kb(scripts.reduce((s, x) => s + x.gzip, 0)), scripts, noModuleKbGzip: kb(noModule) };
}

/** Signs in as the bench admin with next-auth's credentials flow; returns the cookie header. */
async function signIn(base: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair?.indexOf("=") ?? -1;
      if (pair && i > 0) jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const r = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: base },
    body: new URLSearchParams({ csrfToken, email: BENCH_ADMIN.email, password: BENCH_ADMIN.password, json: "true", callbackUrl: `${base}/admin` }),
  });
  keep(r);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (${r.status})`);
  return cookie();
}

/** The id and page of a server action, from the build's manifest. */
function serverAction(exportedName: string): { id: string; page: string } {
  const manifest = JSON.parse(readFileSync(path.join(root, distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName === exportedName) {
      const worker = Object.keys(entry.workers)[0] ?? "";
      const page = worker.replace(/^app\//, "/").replace(/\/page$/, "").replace("/[locale]", "").replace(/\/\([^)]+\)/g, "");
      return { id, page };
    }
  }
  throw new Error(`server action ${exportedName} not in the manifest`);
}

/** Publishes each probe with the real server action, then polls the overview until it shows the update. */
async function freshness(base: string, probes: { id: number; narrative: string }[]): Promise<TargetResult["freshness"]> {
  const cookie = await signIn(base);
  const action = serverAction("approveUpdateAction");
  const ms: number[] = [];
  const publishMs: number[] = [];
  const endToEndMs: number[] = [];
  for (const probe of probes) {
    await fetch(`${base}/`).then((r) => r.text()); // the page is cached before the write
    const t0 = performance.now();
    const r = await fetch(`${base}${action.page}`, {
      method: "POST",
      headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", cookie, origin: base },
      body: JSON.stringify([null, { updateId: probe.id }]),
    });
    const answer = await r.text();
    const t1 = performance.now();
    publishMs.push(Math.round(t1 - t0));
    if (!r.ok || !answer.includes('"ok":true')) throw new Error(`publishing failed (${r.status}): ${answer.slice(0, 300)}`);
    const needle = probe.narrative;
    for (;;) {
      const page = await fetch(`${base}/`).then((x) => x.text());
      if (page.includes(needle)) break;
      if (performance.now() - t0 > 30_000) throw new Error("the update never showed");
      await sleep(20);
    }
    ms.push(Math.round(performance.now() - t1));
    endToEndMs.push(Math.round(performance.now() - t0));
    await sleep(200);
  }
  return { ms, medianMs: median(ms), publishMs, endToEndMs };
}

async function benchTarget(db: "pglite" | "postgres", dbEnv: Record<string, string | undefined>): Promise<TargetResult> {
  log(`=== ${db} ===`);
  const small = seed(dbEnv, 100, 0);
  const coldSmall = await coldRender(dbEnv);
  log(`cold render at 100 updates: ${coldSmall.join(", ")} ms`);
  const large = seed(dbEnv, bigUpdates, 5) as { probes?: unknown[] };
  const coldLarge = await coldRender(dbEnv);
  log(`cold render at ${bigUpdates} updates: ${coldLarge.join(", ")} ms`);

  const server = await startServer("custom", dbEnv);
  let result: TargetResult;
  try {
    const overview = await fetch(`${server.url}/`).then((r) => r.text());
    const overviewBytes = Buffer.byteLength(overview);
    writeCeiling(overviewBytes);
    const js = await firstLoadJs(server.url, overview);
    log(`overview HTML ${overviewBytes} bytes; first-load JS ${js.kbGzip} kB gz (+${js.noModuleKbGzip} kB nomodule)`);
    const loadResults = await loadSuite(server.url, [`/${ceilingName}`, "/", "/actions/A1", "/api/v1/actions"]);
    const probes = ((large as { probes?: { id: number; narrative: string }[] }).probes ?? []).map((p) => ({ id: Number(p.id), narrative: p.narrative }));
    const fresh = probes.length ? await freshness(server.url, probes) : { ms: [], medianMs: Number.NaN, publishMs: [], endToEndMs: [] };
    log(`freshness: ${fresh.ms.join(", ")} ms after publishing (publish request ${fresh.publishMs.join(", ")} ms; end to end ${fresh.endToEndMs.join(", ")} ms)`);
    const smallMedian = median(coldSmall);
    const largeMedian = median(coldLarge);
    result = {
      db,
      server: "scripts/server.ts (npm start)",
      seed: { small, large },
      coldRender: { small: coldSmall, large: coldLarge, smallMedian, largeMedian, ratio: Math.round((largeMedian / smallMedian) * 100) / 100 },
      load: loadResults,
      freshness: fresh,
      overviewHtmlBytes: overviewBytes,
      firstLoadJs: js,
    };
  } finally {
    await server.stop();
  }
  if (process.env.BENCH_SKIP_NEXT_START !== "1") {
    const plain = await startServer("next-start", dbEnv);
    try {
      result.nextStart = await loadSuite(plain.url, [`/${ceilingName}`, "/"]);
    } finally {
      await plain.stop();
    }
  }
  return result;
}

function queryCounts(): { max: number; pages: Record<string, number> } | null {
  const out = path.join(root, "bench", "out", "query-counts.json");
  mkdirSync(path.dirname(out), { recursive: true });
  const r = spawnSync(path.join(root, "node_modules", ".bin", "vitest"), ["run", "db/queries/public.queries.db.test.ts", "--project", "db-pglite"], {
    env: { ...process.env, BENCH_QUERY_COUNTS_OUT: out },
    encoding: "utf8",
  });
  if (!existsSync(out)) {
    log("query-count test produced no output", r.stdout.slice(-500));
    return null;
  }
  const parsed = JSON.parse(readFileSync(out, "utf8")) as { max: number; pages: Record<string, number> };
  return { ...parsed, pages: parsed.pages };
}

const pass = (ok: boolean) => (ok ? "PASS" : "FAIL");

function report(results: TargetResult[], queries: ReturnType<typeof queryCounts>, startedAt: Date): string {
  const cpu = readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/)?.[1] ?? "unknown CPU";
  const cores = (readFileSync("/proc/cpuinfo", "utf8").match(/^processor/gm) ?? []).length;
  const lines: string[] = [];
  lines.push("# Benchmark results", "");
  lines.push(`Run ${startedAt.toISOString()} on ${cores} cores (${cpu}), Node ${process.version}; ${connections} connections x ${duration} s per URL.`);
  lines.push(`Produced by \`npm run bench\` (bench/run.ts). Figures from a shared or busy machine are noisy.`, "");
  const maxQueries = queries ? Math.max(...Object.values(queries.pages)) : Number.NaN;
  for (const r of results) {
    const o = r.load["/"];
    const c = r.load[`/${ceilingName}`];
    lines.push(`## ${r.db} — ${r.server}`, "");
    lines.push("| URL | req/s | p50 ms | p99 ms | × static ceiling | errors / non-2xx |", "| --- | ---: | ---: | ---: | ---: | ---: |");
    for (const l of Object.values(r.load)) lines.push(`| \`${l.path}\` | ${l.requests} | ${l.p50} | ${l.p99} | ${l.ratio} | ${l.errors} / ${l.non2xx} |`);
    if (r.nextStart) {
      lines.push("", "Through plain `next start` (for information: no security headers, nonces or compression of the custom server):", "");
      lines.push("| URL | req/s | p50 ms | p99 ms | × static ceiling |", "| --- | ---: | ---: | ---: | ---: |");
      for (const l of Object.values(r.nextStart)) lines.push(`| \`${l.path}\` | ${l.requests} | ${l.p50} | ${l.p99} | ${l.ratio} |`);
    }
    lines.push("");
    lines.push(`- Overview HTML: ${r.overviewHtmlBytes} bytes (the ceiling file has the same size).`);
    lines.push(`- Cold render of the overview (ms, each a fresh server): 100 updates ${r.coldRender.small.join(", ")} (median ${r.coldRender.smallMedian}); ${bigUpdates} updates ${r.coldRender.large.join(", ")} (median ${r.coldRender.largeMedian}); ratio ${r.coldRender.ratio}.`);
    lines.push(
      `- Freshness (publish a submitted update with the real server action as an admin, then poll \`/\` every 20 ms until it shows): ${r.freshness.ms.join(", ")} ms from the publish request's answer; the publish request itself took ${r.freshness.publishMs.join(", ")} ms (end to end ${r.freshness.endToEndMs.join(", ")} ms).`,
    );
    lines.push(`- First-load JS of the overview: ${r.firstLoadJs.kbGzip} kB gzipped in ${r.firstLoadJs.scripts.length} scripts (plus ${r.firstLoadJs.noModuleKbGzip} kB of nomodule polyfills that modern browsers do not load).`);
    const { probes: _probes, ...seeded } = r.seed.large as { probes?: unknown };
    lines.push(`- Seed: ${JSON.stringify(seeded)}`, "");
    lines.push("| Target | Measured | Result |", "| --- | --- | --- |");
    lines.push(`| Overview ≥ ${TARGETS.ratio}× the static ceiling's req/s | ${o?.ratio}× (${o?.requests} vs ${c?.requests}) | ${pass((o?.ratio ?? 0) >= TARGETS.ratio)} |`);
    lines.push(`| Overview p99 ≤ ${TARGETS.p99} ms at ${connections} connections | ${o?.p99} ms | ${pass((o?.p99 ?? Infinity) <= TARGETS.p99)} |`);
    lines.push(`| Freshness ≤ ${TARGETS.freshnessMs} ms after publishing | ${r.freshness.medianMs} ms (median), ${Math.max(...r.freshness.ms)} ms (max) | ${pass(r.freshness.ms.length > 0 && Math.max(...r.freshness.ms) <= TARGETS.freshnessMs)} |`);
    lines.push(`| Cold render at ${bigUpdates} ≤ ${TARGETS.coldRatio}× at 100 updates | ${r.coldRender.ratio}× | ${pass(r.coldRender.ratio <= TARGETS.coldRatio)} |`);
    lines.push(`| First-load JS ≤ ${TARGETS.firstLoadKb} kB gz | ${r.firstLoadJs.kbGzip} kB | ${pass(r.firstLoadJs.kbGzip <= TARGETS.firstLoadKb)} |`);
    lines.push(`| SQL queries per public page ≤ ${TARGETS.queries} | max ${maxQueries} | ${pass(maxQueries <= TARGETS.queries)} |`, "");
  }
  if (queries) {
    lines.push("## SQL queries per public page (cold cache, counted at the driver)", "");
    lines.push("| Page [view, language] | Queries |", "| --- | ---: |");
    for (const [k, v] of Object.entries(queries.pages)) lines.push(`| ${k} | ${v} |`);
    lines.push("");
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const startedAt = new Date();
  // Next serves only the public/ files that exist when it builds and starts: the ceiling exists from the start, its size is set later.
  const publicExisted = existsSync(path.dirname(ceilingPath));
  writeCeiling(1024);
  const removeCeiling = () => {
    rmSync(ceilingPath, { force: true });
    if (!publicExisted) rmSync(path.dirname(ceilingPath), { recursive: true, force: true });
  };
  const cleanups: (() => Promise<void> | void)[] = [removeCeiling];
  const results: TargetResult[] = [];
  try {
    build();
    const pgliteDir = process.env.BENCH_PGLITE_DIR || `/tmp/pgl-bench-${Date.now()}`;
    cleanups.push(() => rmSync(pgliteDir, { recursive: true, force: true }));
    results.push(await benchTarget("pglite", { PGLITE_DIR: pgliteDir, DATABASE_URL: undefined }));
    const adminUrl = process.env.DATABASE_URL;
    if (adminUrl) {
      const name = `pt_bench_${Date.now()}`;
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      cleanups.push(async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end({ timeout: 5 });
      });
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      results.push(await benchTarget("postgres", { DATABASE_URL: url.toString(), PGLITE_DIR: undefined }));
    }
  } finally {
    for (const c of cleanups.reverse()) await c();
  }
  const queries = queryCounts();
  const md = report(results, queries, startedAt);
  writeFileSync(path.join(root, "bench", "results.md"), `${md}\n`);
  writeFileSync(path.join(root, "bench", "results.json"), `${JSON.stringify({ startedAt, targets: TARGETS, connections, duration, results, queries }, null, 2)}\n`);
  console.log(`\n${md}`);
}

main().catch((error: unknown) => {
  console.error(error);
  rmSync(ceilingPath, { force: true });
  process.exit(1);
});
