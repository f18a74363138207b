import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { E2E_USERS, RUN_INFO_FILE } from "./users";

/*
 * Playwright's web server: a production build made with NO reachable
 * database (so it cannot bake any data into its output), then a fresh
 * database for this run (a new Postgres database when TEST_DATABASE_URL is
 * set, else a new PGlite folder), seeded, marked with this run's id, and
 * the production custom server (scripts/server.ts) on it.
 */
const root = process.cwd();
const port = Number(process.env.E2E_PORT || 3200);
const runId = `run-${Date.now()}-${randomBytes(3).toString("hex")}`;
const next = path.join(root, "node_modules", ".bin", "next");
mkdirSync(path.join(root, ".data"), { recursive: true });

function run(cmd: string, args: string[], env: Record<string, string | undefined>) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: env as NodeJS.ProcessEnv });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed with ${r.status}`);
}

if (process.env.E2E_SKIP_BUILD !== "1") {
  run(next, ["build"], { ...process.env, NODE_ENV: "production", DATABASE_URL: "postgres://build@127.0.0.1:9/no-database-at-build-time" });
}

const dbEnv: Record<string, string> = {};
let cleanup = async () => {};
if (process.env.TEST_DATABASE_URL) {
  const name = `pt_e2e_${runId.replace(/-/g, "_")}`;
  const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  dbEnv.DATABASE_URL = url.toString();
  cleanup = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  };
} else {
  const dir = path.join(root, ".data", `e2e-${runId}`);
  dbEnv.PGLITE_DIR = dir;
  dbEnv.DATABASE_URL = "";
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

// Seed in a child process so this process never holds the PGlite folder the server will open.
const seedEnv: NodeJS.ProcessEnv = { ...process.env, ...dbEnv, E2E_RUN_ID: runId };
if (!dbEnv.DATABASE_URL) delete seedEnv.DATABASE_URL;
run(path.join(root, "node_modules", ".bin", "tsx"), ["e2e/seed-e2e.ts"], seedEnv);
// The database is recorded so that specs can start more instances on it (e2e/reliability.spec.ts).
writeFileSync(
  path.join(root, RUN_INFO_FILE),
  JSON.stringify({ runId, db: dbEnv.DATABASE_URL ? "postgres" : "pglite", users: Object.keys(E2E_USERS), databaseUrl: dbEnv.DATABASE_URL || null, pgliteDir: dbEnv.PGLITE_DIR ?? null }),
);

const serverEnv: NodeJS.ProcessEnv = {
  ...process.env,
  ...dbEnv,
  NODE_ENV: "production",
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  NEXTAUTH_URL: `http://localhost:${port}`,
};
if (!dbEnv.DATABASE_URL) delete serverEnv.DATABASE_URL;
// The production custom server (scripts/server.ts: security headers, CSP nonces, cross-site refusal), as `npm start` runs it.
const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "server.ts")], {
  stdio: "inherit",
  env: { ...serverEnv, PORT: String(port) },
  detached: true,
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  // Stop the whole process group, so no child is left holding the port or the PGlite folder.
  try {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  } catch {
    // already gone
  }
  await new Promise((r) => setTimeout(r, 1000));
  await cleanup().catch((e: unknown) => console.error("[e2e] cleanup failed", e));
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));
server.on("exit", (code) => void stop(code ?? 1));
