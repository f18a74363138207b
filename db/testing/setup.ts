import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll } from "vitest";

/*
 * Runs before each database test file: every file gets a database of its
 * own (an in-memory PGlite, or a new database on the Postgres server), so
 * files running in parallel never see each other's rows.
 */
const target = process.env.DB_TEST_TARGET;
let dropDatabase: (() => Promise<void>) | null = null;

if (target === "postgres") {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is required for the db-postgres project");
  const name = `pt_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  };
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = "memory://";
}

const { prepareDatabase } = await import("@/db/startup");
await prepareDatabase();

afterAll(async () => {
  const { closeDb } = await import("@/db");
  await closeDb();
  await dropDatabase?.();
});
