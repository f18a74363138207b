import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/*
 * Extra server instances of the build that e2e/serve.ts made (same
 * NEXT_DIST_DIR), each in its own process group so that stopping or
 * `kill -9`-ing it leaves nothing behind, and throwaway Postgres clusters
 * for the restart test. Loopback only; every wait is bounded.
 */

const root = process.cwd();
const E2E_PORT = Number(process.env.E2E_PORT || 3200);

export type DatabaseEnv = { DATABASE_URL: string } | { PGLITE_DIR: string };

export type Instance = {
  port: number;
  url: string;
  pid: number;
  /** The last lines the server printed, for failure messages. */
  output: () => string;
  /** SIGTERM to the process group, then SIGKILL if it has not exited within 10 s. */
  stop: () => Promise<void>;
  /** `kill -9` of the whole process group, at once. */
  kill9: () => Promise<void>;
};

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

const taken = new Set<number>();

/** A free port just above the main e2e server's (E2E_PORT + 1 …), never one handed out before in this run. */
export async function freePort(): Promise<number> {
  for (let port = E2E_PORT + 1; port < E2E_PORT + 40; port++) {
    if (taken.has(port)) continue;
    if (await portIsFree(port)) {
      taken.add(port);
      return port;
    }
  }
  throw new Error(`no free port in ${E2E_PORT + 1}–${E2E_PORT + 39}`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** The environment of a production instance on the given database: never the main server's secret, never its port. */
function instanceEnv(port: number, database: DatabaseEnv, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: `http://localhost:${port}`,
    ...database,
    ...extra,
  };
  if ("PGLITE_DIR" in database) delete env.DATABASE_URL;
  else delete env.PGLITE_DIR;
  delete env.E2E_SKIP_BUILD;
  return env;
}

/** Starts `scripts/server.ts` (what `npm start` runs) on the build in NEXT_DIST_DIR and waits until /api/health answers 200. */
export async function startInstance(options: { port?: number; database: DatabaseEnv; env?: Record<string, string>; timeoutMs?: number }): Promise<Instance> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "server.ts")], {
    cwd: root,
    env: instanceEnv(port, options.database, options.env ?? {}),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const pid = child.pid;
  if (!pid) throw new Error("the server instance did not start");
  const url = `http://localhost:${port}`;
  const instance: Instance = {
    port,
    url,
    pid,
    output: () => lines.join("\n"),
    stop: async () => {
      killGroup(pid, "SIGTERM");
      const timer = setTimeout(() => killGroup(pid, "SIGKILL"), 10_000);
      await exited(child);
      clearTimeout(timer);
      taken.delete(port);
    },
    kill9: async () => {
      killGroup(pid, "SIGKILL");
      await exited(child);
      taken.delete(port);
    },
  };

  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the instance on port ${port} exited early:\n${instance.output()}`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (response.status === 200) return instance;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  await instance.kill9();
  throw new Error(`the instance on port ${port} was not healthy in time:\n${instance.output()}`);
}

/** Migrates and seeds a database for an instance (plan, e2e users) and returns an API token acting as the analyst. */
export function seedInstanceDatabase(database: DatabaseEnv): { token: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, ...database };
  if ("PGLITE_DIR" in database) delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "e2e", "reliability-seed.ts")], { cwd: root, env, encoding: "utf8", timeout: 120_000 });
  if (result.status !== 0) throw new Error(`seeding failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  const last = result.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(last) as { token: string };
}

/* ---------- A throwaway Postgres cluster (for stopping and starting the server under the app) ---------- */

/** The PostgreSQL binaries: PG_BIN, else the newest /usr/lib/postgresql/<version>/bin with initdb; null when absent. */
export function postgresBinaries(): string | null {
  if (process.env.PG_BIN) return existsSync(path.join(process.env.PG_BIN, "initdb")) ? process.env.PG_BIN : null;
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], "bin") : null;
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** Postgres refuses to run as root: as root, run its tools as the `postgres` user. */
function pgCommand(bin: string, tool: string, args: string[]): [string, string[]] {
  return isRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
}

function pg(bin: string, tool: string, args: string[], timeoutMs = 60_000): void {
  const [cmd, cmdArgs] = pgCommand(bin, tool, args);
  const r = spawnSync(cmd, cmdArgs, { encoding: "utf8", timeout: timeoutMs });
  if (r.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed (${r.status}): ${r.stdout}\n${r.stderr}`);
}

export type Cluster = { url: string; port: number; start: () => void; stop: (mode?: "fast" | "immediate") => void; destroy: () => void };

/** A fresh cluster in /tmp, listening on 127.0.0.1 only (trust auth, user postgres). */
export async function createCluster(bin: string): Promise<Cluster> {
  const dir = mkdtempSync("/tmp/pgl-rel-pg-");
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  let port = 0;
  for (let candidate = 5440 + Math.floor(Math.random() * 10), i = 0; i < 30; i++, candidate = 5440 + ((candidate - 5440 + 1) % 60)) {
    if (await portIsFree(candidate)) {
      port = candidate;
      break;
    }
  }
  if (!port) throw new Error("no free port for a throwaway Postgres in 5440–5499");
  pg(bin, "initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  const cluster: Cluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: () => pg(bin, "pg_ctl", ["-D", data, "-o", options, "-l", log, "-w", "-t", "60", "start"]),
    stop: (mode = "fast") => pg(bin, "pg_ctl", ["-D", data, "-m", mode, "-w", "-t", "60", "stop"]),
    destroy: () => {
      try {
        cluster.stop("immediate");
      } catch {
        // not running
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}
