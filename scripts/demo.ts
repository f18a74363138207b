import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { closeDb } from "@/db";
import { seedDemo } from "@/db/seed";
import { prepareDatabase } from "@/db/startup";
import { describeTarget } from "./cli";

/*
 * One command for a newcomer: build if the sources changed, seed the
 * embedded database with the plan and demo data, print the logins, start
 * the production server.
 */
const root = process.cwd();
const port = Number(process.env.PORT || 3000);
const dataDir = path.join(root, ".data");
mkdirSync(dataDir, { recursive: true });

function newestSourceMtime(): number {
  const roots = ["app", "components", "lib", "db", "i18n", "messages", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json"];
  let newest = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const entry of readdirSync(p)) visit(path.join(p, entry));
    } else newest = Math.max(newest, s.mtimeMs);
  };
  for (const r of roots) visit(path.join(root, r));
  return newest;
}

const distDir = process.env.NEXT_DIST_DIR || ".next";
const buildId = path.join(root, distDir, "BUILD_ID");
if (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceMtime()) {
  console.log("Building the production app (about a minute the first time)…");
  // The build is given an unreachable database on purpose: it must not read one.
  const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: "postgres://build@127.0.0.1:9/no-database-at-build-time", NODE_ENV: "production" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const secretFile = path.join(dataDir, "demo-auth-secret");
if (!process.env.NEXTAUTH_SECRET && !existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
const secret = process.env.NEXTAUTH_SECRET || readFileSync(secretFile, "utf8").trim();

await prepareDatabase();
const logins = await seedDemo();
await closeDb();

const url = `http://localhost:${port}`;
const banner = [
  "",
  `Plan Tracker is starting at ${url} on ${describeTarget()}.`,
  "Demo logins (new passwords on every start):",
  ...logins.map((l) => `  ${l.role.padEnd(8)} ${l.email}  ${l.password}`),
  "Press Ctrl+C to stop.",
  "",
].join("\n");

// The custom server (security headers, CSP nonces, cross-site refusal) around Next, in one Node process.
const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "server.ts")], {
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, PORT: String(port), NODE_ENV: "production", NEXTAUTH_SECRET: secret, NEXTAUTH_URL: process.env.NEXTAUTH_URL || url },
});
let announced = false;
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!announced && chunk.toString().includes("Ready")) {
    announced = true;
    console.log(banner);
  }
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
