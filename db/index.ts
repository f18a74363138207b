import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { isConnectionError, isDatabaseUnavailable, markDatabaseDown, markDatabaseUp, tagConnectionError } from "../lib/server/db-status";
import * as schema from "./schema";

type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbKind = "pglite" | "postgres";

type Client =
  | { kind: "pglite"; db: Db; pglite: PGlite }
  | { kind: "postgres"; db: Db; sql: postgres.Sql };

export function defaultPgliteDir(): string {
  return process.env.PGLITE_DIR || path.join(process.cwd(), ".data", "pglite");
}

function createClient(): Client {
  const url = process.env.DATABASE_URL;
  if (url) {
    const sql = postgres(url, {
      max: Number(process.env.DATABASE_POOL_SIZE || 10),
      // While Postgres is unreachable a request must fail fast (503), not wait for the default 30 s.
      connect_timeout: Number(process.env.DATABASE_CONNECT_TIMEOUT || 5),
      // postgres.js waits before reopening a connection that failed, up to 20 s by default: a request
      // during an outage would hang that long, and recovery would lag as much. At most 2 s here.
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 2),
      onnotice: () => {},
    });
    const db = drizzlePostgres(sql, { schema }) as unknown as Db;
    observeFailures(db);
    return { kind: "postgres", sql, db };
  }
  const dir = defaultPgliteDir();
  if (!dir.startsWith("memory://")) {
    // PGlite only creates the last folder of its data path.
    mkdirSync(path.dirname(dir), { recursive: true });
  }
  // Every commit reaches the data folder before it is acknowledged (a kill -9 loses nothing acknowledged:
  // e2e/reliability.spec.ts); relaxedDurability would defer that and must stay off.
  const pglite = new PGlite(dir, { relaxedDurability: false });
  return { kind: "pglite", pglite, db: drizzlePglite(pglite, { schema }) as unknown as Db };
}

const observed = Symbol.for("plan-tracker.db-observed");
type Observable = Record<string, unknown> & { [observed]?: true };

/**
 * Every query and transaction of the drizzle session goes through
 * `execute`/`all` of its prepared query and `transaction` of its session.
 * Wrapping those (on their prototypes, so transaction sessions are covered)
 * keeps the database-status flag current: a connection error sets it and is
 * tagged for the error boundaries, the next success clears it. postgres.js
 * itself opens new connections on the next query once the server is back.
 */
function observeFailures(database: Db): void {
  const session = (database as unknown as { session: Record<string, (...a: unknown[]) => unknown> }).session;
  const query = session.prepareQuery!.call(session, { sql: "select 1", params: [] }, undefined, undefined, false) as object;
  wrap(Object.getPrototypeOf(query) as Observable, ["execute", "all"]);
  wrap(Object.getPrototypeOf(session) as Observable, ["transaction"]);
}

function wrap(proto: Observable, methods: string[]): void {
  if (proto[observed]) return;
  proto[observed] = true;
  for (const name of methods) {
    const original = proto[name] as (...a: unknown[]) => Promise<unknown>;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      return original.apply(this, args).then(
        (value) => {
          if (isDatabaseUnavailable()) markDatabaseUp();
          return value;
        },
        (error: unknown) => {
          if (isConnectionError(error)) {
            markDatabaseDown(error);
            tagConnectionError(error);
          }
          throw error;
        },
      );
    };
  }
}

// Next bundles this module into several chunks (instrumentation, routes,
// actions); PGlite has no cross-instance lock, so one process must hold
// exactly one client. globalThis is the only place all chunks share.
const globalKey = Symbol.for("plan-tracker.db");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Client };

function client(): Client {
  const g = globalThis as GlobalWithDb;
  g[globalKey] ??= createClient();
  return g[globalKey];
}

/** The single database client of this process, created on first use. */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = client().db as unknown as Record<PropertyKey, unknown>;
    const value = real[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

export function dbKind(): DbKind {
  return process.env.DATABASE_URL ? "postgres" : "pglite";
}

export function rawClient(): Client {
  return client();
}

export async function closeDb(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const c = g[globalKey];
  if (!c) return;
  delete g[globalKey];
  if (c.kind === "pglite") await c.pglite.close();
  else await c.sql.end({ timeout: 5 });
}
