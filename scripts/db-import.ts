import { readFileSync } from "node:fs";
import path from "node:path";
import { closeDb } from "@/db";
import { BackupError, importDatabase } from "@/db/backup";
import { describeTarget } from "./cli";

/*
 * npm run db:import -- <file>
 * Restores a dump made by db:export into an EMPTY database: it migrates the
 * database first and inserts everything in one transaction; a database that
 * already holds rows is refused and left unchanged.
 */
const usage = "npm run db:import -- <file>   (the target database must be empty)";
const [file, ...rest] = process.argv.slice(2);
if (!file || file.startsWith("-") || rest.length > 0) {
  console.error(`Usage: ${usage}`);
  process.exit(2);
}

let dump: unknown;
try {
  dump = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as Error).message}`);
  process.exit(1);
}

try {
  const { tables, rows } = await importDatabase(dump);
  console.log(`Imported ${rows} rows in ${tables} tables from ${path.resolve(file)} into ${describeTarget()}.`);
} catch (error) {
  console.error(error instanceof BackupError ? error.message : `Import failed, no rows were imported: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
