import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
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
      onnotice: () => {},
    });
    return { kind: "postgres", sql, db: drizzlePostgres(sql, { schema }) as unknown as Db };
  }
  const dir = defaultPgliteDir();
  if (!dir.startsWith("memory://")) {
    // PGlite only creates the last folder of its data path.
    mkdirSync(path.dirname(dir), { recursive: true });
  }
  const pglite = new PGlite(dir);
  return { kind: "pglite", pglite, db: drizzlePglite(pglite, { schema }) as unknown as Db };
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
