import path from "node:path";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite, type PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, type Db } from "@/db";
import { BackupError, codeMigrationLevel, dumpChunks, exportFrom, importDatabase, importInto, schemaTables, type Dump } from "./backup";
import { hitRateLimit } from "./queries/rate-limits";
import { closeRound } from "./queries/rounds";
import { createToken, revokeToken } from "./queries/tokens";
import { saveTranslation } from "./queries/translations";
import { approveUpdate, correctUpdate, rejectUpdate, submitUpdate } from "./queries/updates";
import { createUser, updateUser } from "./queries/users";
import { editVision } from "./queries/plan-admin";
import * as schema from "./schema";
import { seedDemo } from "./seed";
import { makeActor, validUpdate } from "./testing/fixtures";
import { closeRoundSchema } from "@/lib/validation/rounds";
import { progressUpdateSchema } from "@/lib/validation/progress";
import { saveTranslationSchema } from "@/lib/validation/translations";
import { editVisionSchema } from "@/lib/validation/plan";

/*
 * Backup and restore: a realistic database is exported, imported into a
 * second, brand-new database, and exported again; the two dumps must be
 * identical. The second database is a second in-memory PGlite, or a second
 * database on the Postgres server.
 */
const migrationsFolder = path.join(process.cwd(), "db", "migrations");

type Target = { db: Db; migrate: () => Promise<void>; close: () => Promise<void> };

async function freshTarget(): Promise<Target> {
  if (process.env.DB_TEST_TARGET === "postgres") {
    const adminUrl = process.env.TEST_DATABASE_URL as string;
    const name = `pt_restore_${Date.now()}_${randomBytes(4).toString("hex")}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const client = postgres(url.toString(), { max: 2, onnotice: () => {} });
    const target = drizzlePostgres(client, { schema }) as unknown as Db;
    return {
      db: target,
      migrate: () => migratePostgres(drizzlePostgres(client), { migrationsFolder }),
      close: async () => {
        await client.end({ timeout: 5 });
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end({ timeout: 5 });
      },
    };
  }
  const pglite = new PGlite("memory://");
  const target = drizzlePglite(pglite, { schema });
  return {
    db: target as unknown as Db,
    migrate: () => migratePglite(target as unknown as PgliteDatabase, { migrationsFolder }),
    close: () => pglite.close(),
  };
}

async function rows<T>(database: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await database.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const withoutTime = (d: Dump) => ({ ...d, exportedAt: "<time>" });
const BULK = 6_000; // more than one export page (5,000 rows) and several import batches (1,000)

let original: Dump;
let restored: Dump;
let target: Target;
/** A second new database, for the refusals and the failed import; created once. */
let spare: Target | undefined;
const spareTarget = async () => (spare ??= await freshTarget());

beforeAll(async () => {
  // A realistic database: the plan, demo users and illustrative updates, then every kind of write the app makes.
  await seedDemo();
  const admin = await makeActor("admin");
  const analyst = await makeActor("analyst");
  const ids: number[] = [];
  for (const [i, code] of ["A1", "A2", "A3", "A1"].entries()) {
    ids.push((await submitUpdate(analyst, progressUpdateSchema.parse(validUpdate({ actionCode: code, narrative: `Backup ${i} — 中文 "quoted" \\ ✓`, occurredOn: `2025-0${i + 1}-15` })))).id);
  }
  const [a, b, c, d] = ids as [number, number, number, number];
  await approveUpdate(admin, a);
  await approveUpdate(admin, b);
  await approveUpdate(admin, d);
  await rejectUpdate(admin, c, "Needs a source");
  await correctUpdate(admin, { updateId: a, reason: "Wrong percent", replacement: progressUpdateSchema.parse(validUpdate({ percent: 55 })) });
  await correctUpdate(admin, { updateId: b, reason: "Source withdrawn", replacement: null });
  await closeRound(admin, closeRoundSchema.parse({ name: "Mid-2025", slug: "mid-2025", cutoffDate: "2025-06-30" }));
  const token = await createToken(admin, { name: "Importer", userId: analyst.id });
  await createToken(admin, { name: "Second", userId: analyst.id });
  await revokeToken(admin, token.id);
  await saveTranslation(admin, saveTranslationSchema.parse({ entityType: "action", entityKey: "A1", field: "title", locale: "zh", text: "促进人工智能和数字基础设施互联互通" }));
  await saveTranslation(admin, saveTranslationSchema.parse({ entityType: "update", entityKey: String(d), field: "narrative", locale: "zh", text: "进展" }));
  await editVision(admin, editVisionSchema.parse({ code: "V1", version: 1, title: "Edited vision title", targetDate: "2030-12-31", verified: "on" }));
  const made = await createUser(admin, { email: "restored@test.local", name: "Restored", role: "analyst", password: "a-long-password-1" });
  await updateUser(admin, { userId: made.id, version: 1, role: "analyst", disabled: true });
  await hitRateLimit("token:1", 60);
  // Values a JS Date or a naive JSON round trip would change: microseconds, odd offsets, nested and unicode JSON.
  await db.execute(sql`insert into audit_events (at, actor_id, action, entity_type, entity_id, before, after)
    values ('2025-01-02 03:04:05.123456+05:30', ${admin.id}, 'test.exact', 'user', '1', '{"a":[1,2.5,null,{"b":"\\u00e9\\ud83d\\ude00"}],"n":null}'::jsonb, '"just a string"'::jsonb)`);
  // Enough rows to cross the export page and import batch sizes.
  await db.execute(sql`insert into progress_updates (action_id, status, percent, narrative, occurred_on, author_id, review_state, created_at)
    select (g % 10) + 1, 'in_progress', g % 101, 'bulk ' || g, date '2024-01-01' + (g % 500), ${analyst.id}, 'submitted',
           timestamptz '2025-01-01 00:00:00.000001+00' + g * interval '1.000001 second'
    from generate_series(1, ${BULK}) g`);

  original = await exportFrom(db);
  target = await freshTarget();
  await importInto(target.db, original, target.migrate);
  restored = await exportFrom(target.db);
});

afterAll(async () => {
  await target?.close();
  await spare?.close();
});

describe("export and import", () => {
  it("writes the file form (one row per line) that parses back to the same dump", () => {
    const text = [...dumpChunks(original)].join("");
    expect(JSON.parse(text)).toEqual(original);
    expect(text.split("\n").length).toBeGreaterThan(BULK);
  });

  it("restores an identical copy, users, audit rows and all", () => {
    expect(restored.migration).toEqual(codeMigrationLevel());
    expect(withoutTime(restored)).toEqual(withoutTime(original));
    // Also byte for byte, so row and key order are stable too.
    expect(JSON.stringify(withoutTime(restored))).toBe(JSON.stringify(withoutTime(original)));
    const count = (name: string) => original.tables.find((t) => t.name === name)?.rows.length ?? 0;
    for (const name of ["users", "audit_events", "progress_updates", "update_corrections", "reporting_rounds", "api_tokens", "content_translations", "rate_limit_counters"]) {
      expect(count(name), name).toBeGreaterThan(0);
    }
    expect(count("progress_updates")).toBeGreaterThan(BULK);
  });

  it("keeps timestamps to the microsecond and JSON exactly", () => {
    const audit = restored.tables.find((t) => t.name === "audit_events")?.rows.find((r) => r.action === "test.exact");
    expect(audit?.at).toBe("2025-01-01T21:34:05.123456+00:00");
    expect(audit?.before).toEqual({ a: [1, 2.5, null, { b: "é😀" }], n: null });
    expect(audit?.after).toBe("just a string");
    const bulk = restored.tables.find((t) => t.name === "progress_updates")?.rows.find((r) => r.narrative === "bulk 7");
    expect(bulk?.created_at).toBe("2025-01-01T00:00:07.000008+00:00");
  });

  it("dumps every table of the schema and of the database, with every column", async () => {
    const declared = (Object.values(schema) as unknown[])
      .filter((v): v is PgTable => is(v, PgTable))
      .map((t) => getTableConfig(t).name)
      .sort();
    const inDatabase = (await rows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public'`)).map((r) => r.name).sort();
    const dumped = original.tables.map((t) => t.name);
    expect([...dumped].sort()).toEqual(declared);
    expect([...dumped].sort()).toEqual(inDatabase);
    const columns = await rows<{ table_name: string; column_name: string }>(
      db,
      sql`select table_name, column_name from information_schema.columns where table_schema = 'public'`,
    );
    for (const t of original.tables) {
      const expected = columns.filter((c) => c.table_name === t.name).map((c) => c.column_name).sort();
      for (const row of t.rows.slice(0, 3)) expect(Object.keys(row).sort(), t.name).toEqual(expected);
    }
  });

  it("lists parents before the tables that reference them", () => {
    const order = original.tables.map((t) => t.name);
    for (const t of schemaTables()) {
      for (const fk of getTableConfig(t.table).foreignKeys) {
        const parent = getTableConfig(fk.reference().foreignTable).name;
        expect(order.indexOf(parent), `${parent} before ${t.name}`).toBeLessThan(order.indexOf(t.name));
      }
    }
  });

  it("resets every serial sequence, so the restored database takes new writes", async () => {
    for (const t of schemaTables()) {
      for (const column of t.serialColumns) {
        const max = original.tables.find((x) => x.name === t.name)?.rows.reduce((m, r) => Math.max(m, Number(r[column])), 0) ?? 0;
        const [next] = await rows<{ n: number }>(target.db, sql`select nextval(pg_get_serial_sequence(${t.name}, ${column}))::int as n`);
        expect(next?.n, `${t.name}.${column}`).toBe(max + 1);
      }
    }
    const [user] = await target.db.insert(schema.users).values({ email: "after-restore@test.local", name: "New", role: "analyst", passwordHash: "x" }).returning();
    const [audit] = await target.db.insert(schema.auditEvents).values({ actorId: user?.id, action: "test.after", entityType: "user", entityId: String(user?.id) }).returning();
    expect(user?.id).toBeGreaterThan(0);
    expect(audit?.id).toBeGreaterThan(0);
  });

  it("leaves every trigger of the restored database switched on (they are off only while rows go in)", async () => {
    const triggers = (database: Db) =>
      rows<{ name: string; enabled: string }>(database, sql`select tgname as name, tgenabled as enabled from pg_trigger where not tgisinternal order by tgname`);
    const source = await triggers(db);
    const copy = await triggers(target.db);
    expect(source.length).toBeGreaterThan(0);
    expect(copy).toEqual(source);
    expect(copy.every((t) => t.enabled === "O")).toBe(true);
    // The audit trail is append-only again.
    await expect(target.db.execute(sql`delete from audit_events`)).rejects.toThrow();
  });

  it("refuses a database that is not empty, and changes nothing", async () => {
    const before = await exportFrom(target.db);
    await expect(importInto(target.db, original, target.migrate)).rejects.toThrow(/not empty/);
    expect(withoutTime(await exportFrom(target.db))).toEqual(withoutTime(before));
    const mine = await exportFrom(db);
    await expect(importDatabase(original)).rejects.toBeInstanceOf(BackupError);
    expect(withoutTime(await exportFrom(db))).toEqual(withoutTime(mine));
  });

  it("refuses a dump from another migration level or of another shape before touching anything", async () => {
    const empty = await spareTarget();
    await expect(importInto(empty.db, { ...original, migration: { tag: "0001_history", when: 1, count: 2 } }, empty.migrate)).rejects.toThrow(/migration 0001_history/);
    await expect(importInto(empty.db, { hello: "world" }, empty.migrate)).rejects.toThrow(/Not a Plan Tracker dump/);
    await expect(importInto(empty.db, { ...original, tables: [...original.tables, { name: "nope", rows: [] }] }, empty.migrate)).rejects.toThrow(/nope/);
    const [migrated] = await rows<{ t: string | null }>(empty.db, sql`select to_regclass('public.users')::text as t`);
    expect(migrated?.t).toBeNull();
  });

  it("rolls back every row when one insert fails", async () => {
    const empty = await spareTarget();
    const broken = structuredClone(original);
    const updates = broken.tables.find((t) => t.name === "update_corrections");
    updates?.rows.push({ ...updates.rows[0], id: 999_999 }); // breaks the unique index on update_id
    await expect(importInto(empty.db, broken, empty.migrate)).rejects.toThrow();
    const [n] = await rows<{ n: number }>(empty.db, sql`select (select count(*) from users) + (select count(*) from plans) + (select count(*) from audit_events) as n`);
    expect(Number(n?.n)).toBe(0);
    // Still empty, so a good dump goes in afterwards.
    await importInto(empty.db, original, empty.migrate);
    expect(withoutTime(await exportFrom(empty.db))).toEqual(withoutTime(original));
  });

  it("refuses to export a database whose migration level differs from the code's", async () => {
    const other = await spareTarget();
    await other.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-the-future', 9999999999999)`);
    await expect(exportFrom(other.db)).rejects.toThrow(/this code at .*db:migrate/);
  });
});
