import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import postgres from "postgres";
import { rawClient } from "./index";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// Any fixed 64-bit key works; it only has to be the same in every instance.
const MIGRATION_LOCK_KEY = 7_241_2024;

/**
 * Applies pending migrations, then runs `afterMigrate` (seeding) while still
 * holding the lock, so two instances starting on one empty Postgres cannot
 * both seed.
 */
export async function migrateDatabase(afterMigrate?: () => Promise<void>): Promise<void> {
  const c = rawClient();
  if (c.kind === "pglite") {
    await migratePglite(c.db as unknown as PgliteDatabase, { migrationsFolder });
    await afterMigrate?.();
    return;
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required for Postgres migrations");
  // One connection, so the session-level advisory lock covers every statement.
  const lockSql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await lockSql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migratePostgres(drizzlePostgres(lockSql), { migrationsFolder });
      await afterMigrate?.();
    } finally {
      await lockSql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    await lockSql.end({ timeout: 5 });
  }
}
