import { readFileSync } from "node:fs";
import path from "node:path";
import { is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { db, type Db, type Tx } from "./index";
import { migrateDatabase } from "./migrate";
import * as schema from "./schema";

/*
 * Backup and restore: a JSON dump of every table, exact to the microsecond.
 *
 * Rows travel as Postgres' own JSON of the row (`to_jsonb(t)`) and come back
 * through `jsonb_populate_recordset`, so the database does every conversion
 * both ways: timestamptz keeps its microseconds (a JS Date would cut them to
 * milliseconds), enums, dates and jsonb columns come back exactly as stored.
 */

export const DUMP_FORMAT = "plan-tracker-dump";
export const DUMP_FORMAT_VERSION = 1;

export type DumpTable = { name: string; rows: Record<string, unknown>[] };

export type MigrationLevel = { tag: string; when: number; count: number };

export type Dump = {
  format: typeof DUMP_FORMAT;
  formatVersion: number;
  /** The latest migration applied to the exported database; an import needs code at the same level. */
  migration: MigrationLevel;
  exportedAt: string;
  /** Every table of db/schema.ts, parents before children (foreign-key order). */
  tables: DumpTable[];
};

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

type TableInfo = { name: string; table: PgTable; orderBy: string[]; keyed: boolean; serialColumns: string[] };

/** Every table declared in db/schema.ts, in an order where each table comes after the tables it references. */
export function schemaTables(): TableInfo[] {
  const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));
  const infos = new Map<string, { info: TableInfo; deps: Set<string> }>();
  for (const table of tables) {
    const config = getTableConfig(table);
    const deps = new Set(config.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name).filter((n) => n !== config.name));
    const pk = config.primaryKeys[0]?.columns.map((c) => c.name) ?? config.columns.filter((c) => c.primary).map((c) => c.name);
    infos.set(config.name, {
      deps,
      info: {
        name: config.name,
        table,
        orderBy: pk.length > 0 ? pk : config.columns.map((c) => c.name),
        keyed: pk.length > 0,
        serialColumns: config.columns.filter((c) => c.columnType === "PgSerial").map((c) => c.name),
      },
    });
  }
  // Topological order; ties keep the schema's declaration order, so the dump is stable.
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  while (done.size < infos.size) {
    const next = [...infos.values()].find((t) => !done.has(t.info.name) && [...t.deps].every((d) => done.has(d)));
    if (!next) throw new BackupError("db/schema.ts has a foreign-key cycle: the dump order cannot be decided");
    ordered.push(next.info);
    done.add(next.info.name);
  }
  return ordered;
}

type Journal = { entries: { idx: number; when: number; tag: string }[] };

function journal(): Journal {
  return JSON.parse(readFileSync(path.join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8")) as Journal;
}

/** The newest migration this code knows about. */
export function codeMigrationLevel(): MigrationLevel {
  const entries = journal().entries;
  const last = entries[entries.length - 1];
  if (!last) throw new BackupError("db/migrations/meta/_journal.json lists no migration");
  return { tag: last.tag, when: last.when, count: entries.length };
}

type Executor = Db | Tx;

async function rowsOf<T = Record<string, unknown>>(database: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await database.execute(query)) as unknown;
  // postgres.js returns the rows themselves, PGlite an object holding them.
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The migration level recorded in a database by drizzle's migrator; null when it was never migrated. */
async function databaseMigrationLevel(database: Executor): Promise<MigrationLevel | null> {
  const [exists] = await rowsOf<{ t: string | null }>(database, sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`);
  if (!exists?.t) return null;
  const [row] = await rowsOf<{ when: string | number | null; n: number }>(
    database,
    sql`select max(created_at)::text as "when", count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  if (!row || row.when === null || row.n === 0) return null;
  const when = Number(row.when);
  const entry = journal().entries.find((e) => e.when === when);
  return { tag: entry?.tag ?? `unknown (${when})`, when, count: row.n };
}

const PAGE = 5_000;

/** Reads the whole of `database` in one consistent snapshot (repeatable read, read only). */
export async function exportFrom(database: Db): Promise<Dump> {
  return database.transaction(
    async (tx) => {
      // Timestamps are written with the session's offset: fix it, so that equal data gives equal dumps.
      await tx.execute(sql`set local timezone to 'UTC'`);
      const migration = await databaseMigrationLevel(tx);
      if (!migration) throw new BackupError("The database has no migrations applied: there is nothing to export.");
      const code = codeMigrationLevel();
      if (migration.tag !== code.tag) {
        throw new BackupError(
          `The database is at migration ${migration.tag}, this code at ${code.tag}: run \`npm run db:migrate\` first, or export with the version of Plan Tracker that matches the database.`,
        );
      }
      const tables: DumpTable[] = [];
      for (const t of schemaTables()) {
        const rows: Record<string, unknown>[] = [];
        const key = (alias: string) => sql.join(t.orderBy.map((c) => sql`${sql.raw(alias)}.${sql.identifier(c)}`), sql`, `);
        // Pages keep each result small, and the snapshot keeps them consistent. Each page starts after the
        // previous page's last key (the key values are read back from its JSON by the database, so any
        // column type works), which stays fast on large tables where OFFSET would rescan.
        let last: Record<string, unknown> | null = null;
        for (;;) {
          const after: ReturnType<typeof sql> = last
            ? sql`where (${key("t")}) > (select ${key("k")} from jsonb_populate_record(null::${sql.identifier(t.name)}, ${JSON.stringify(last)}::jsonb) k)`
            : sql``;
          const page = await rowsOf<{ r: Record<string, unknown> | string }>(
            tx,
            sql`select to_jsonb(t) as r from ${sql.identifier(t.name)} t ${after} order by ${key("t")} ${t.keyed ? sql`limit ${PAGE}` : sql``}`,
          );
          for (const p of page) rows.push(typeof p.r === "string" ? (JSON.parse(p.r) as Record<string, unknown>) : p.r);
          // Without a primary key (none today) rows may hold nulls, which a key comparison would skip: one query.
          if (page.length < PAGE || !t.keyed) break;
          last = rows[rows.length - 1] ?? null;
        }
        tables.push({ name: t.name, rows });
      }
      return { format: DUMP_FORMAT, formatVersion: DUMP_FORMAT_VERSION, migration, exportedAt: new Date().toISOString(), tables };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

export function exportDatabase(): Promise<Dump> {
  return exportFrom(db);
}

/** Checks the shape of a parsed file before anything touches the database. */
export function assertDump(value: unknown): asserts value is Dump {
  const d = value as Partial<Dump> | null;
  if (!d || typeof d !== "object" || d.format !== DUMP_FORMAT) throw new BackupError("Not a Plan Tracker dump (the \"format\" field is missing or wrong).");
  if (d.formatVersion !== DUMP_FORMAT_VERSION) throw new BackupError(`Dump format version ${String(d.formatVersion)} is not supported (expected ${DUMP_FORMAT_VERSION}).`);
  if (!d.migration || typeof d.migration.tag !== "string") throw new BackupError("The dump does not say which migration level it was made at.");
  if (!Array.isArray(d.tables) || d.tables.some((t) => typeof t?.name !== "string" || !Array.isArray(t.rows))) {
    throw new BackupError("The dump's \"tables\" list is malformed.");
  }
}

/** Names of schema tables that exist in the database and hold at least one row. */
async function nonEmptyTables(database: Executor): Promise<string[]> {
  const found: string[] = [];
  for (const t of schemaTables()) {
    const [exists] = await rowsOf<{ t: string | null }>(database, sql`select to_regclass(${`public.${t.name}`})::text as t`);
    if (!exists?.t) continue;
    const [row] = await rowsOf<{ has_rows: boolean }>(database, sql`select exists (select 1 from ${sql.identifier(t.name)}) as has_rows`);
    if (row?.has_rows) found.push(t.name);
  }
  return found;
}

function refuseNonEmpty(tables: string[]): never {
  throw new BackupError(
    `Refusing to import: the target database is not empty (rows in ${tables.join(", ")}). Restore into a new, empty database; nothing was changed.`,
  );
}

const BATCH = 1_000;

/**
 * Restores a dump into an empty database: checks it is empty, brings it to
 * the code's migration level with `migrate`, then inserts every row and
 * resets every serial sequence in one transaction.
 */
export async function importInto(database: Db, dump: unknown, migrate: () => Promise<void>): Promise<{ tables: number; rows: number }> {
  assertDump(dump);
  const level = codeMigrationLevel();
  if (dump.migration.tag !== level.tag) {
    throw new BackupError(
      `The dump was made at migration ${dump.migration.tag}, this code is at ${level.tag}. Restore it with the version of Plan Tracker that made it; nothing was changed.`,
    );
  }
  const tables = schemaTables();
  const known = new Set(tables.map((t) => t.name));
  const unknown = dump.tables.map((t) => t.name).filter((n) => !known.has(n));
  if (unknown.length > 0) throw new BackupError(`The dump holds tables this code does not know: ${unknown.join(", ")}. Nothing was changed.`);

  const before = await nonEmptyTables(database);
  if (before.length > 0) refuseNonEmpty(before);
  await migrate();

  const byName = new Map(dump.tables.map((t) => [t.name, t.rows]));
  return database.transaction(async (tx) => {
    // Nobody writes while we restore, and a server that started meanwhile and seeded is caught here.
    await tx.execute(sql`lock table ${sql.join(tables.map((t) => sql.identifier(t.name)), sql`, `)} in access exclusive mode`);
    const during = await nonEmptyTables(tx);
    if (during.length > 0) refuseNonEmpty(during);
    // Like pg_dump --disable-triggers: the dump already holds what triggers derive (action_day_states),
    // so they must not fire again on the way in. Foreign keys stay checked (they are not USER triggers).
    // ALTER TABLE is transactional: the triggers are back on at commit, or never off after a rollback.
    for (const t of tables) await tx.execute(sql`alter table ${sql.identifier(t.name)} disable trigger user`);
    let count = 0;
    for (const t of tables) {
      const rows = byName.get(t.name) ?? [];
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = JSON.stringify(rows.slice(i, i + BATCH));
        await tx.execute(
          sql`insert into ${sql.identifier(t.name)} select * from jsonb_populate_recordset(null::${sql.identifier(t.name)}, ${batch}::jsonb)`,
        );
      }
      count += rows.length;
      for (const column of t.serialColumns) {
        await tx.execute(
          sql`select setval(pg_get_serial_sequence(${t.name}, ${column}), coalesce((select max(${sql.identifier(column)}) from ${sql.identifier(t.name)}), 0) + 1, false)`,
        );
      }
    }
    for (const t of tables) await tx.execute(sql`alter table ${sql.identifier(t.name)} enable trigger user`);
    return { tables: tables.length, rows: count };
  });
}

/** Restores into this process's database (DATABASE_URL or PGLITE_DIR). */
export function importDatabase(dump: unknown): Promise<{ tables: number; rows: number }> {
  return importInto(db, dump, () => migrateDatabase());
}

/** The dump as JSON text in pieces, one row per line, so a large dump is never one giant string. */
export function* dumpChunks(dump: Dump): Generator<string> {
  const { tables, ...header } = dump;
  const head = JSON.stringify(header, null, 2);
  yield `${head.slice(0, -2)},\n  "tables": [`;
  for (const [ti, t] of tables.entries()) {
    yield `${ti === 0 ? "" : ","}\n    { "name": ${JSON.stringify(t.name)}, "rows": [`;
    for (const [ri, row] of t.rows.entries()) yield `${ri === 0 ? "" : ","}\n      ${JSON.stringify(row)}`;
    yield `${t.rows.length > 0 ? "\n    " : ""}] }`;
  }
  yield "\n  ]\n}\n";
}
