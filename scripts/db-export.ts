import { createWriteStream } from "node:fs";
import path from "node:path";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { closeDb } from "@/db";
import { dumpChunks, exportDatabase } from "@/db/backup";
import { describeTarget } from "./cli";

/*
 * npm run db:export [-- <file> | --out <file>]
 * Writes a JSON dump of the whole database to the file, or to stdout
 * without one (messages then go to stderr, so the output stays pure JSON).
 */
const usage = "npm run db:export [-- <file>]   (or --out <file>; no file: the dump goes to stdout)";
const argv = process.argv.slice(2);
let file: string | undefined;
for (let i = 0; i < argv.length; i += 1) {
  const arg = argv[i];
  if (arg === "--out" || arg === "-o") file = argv[(i += 1)];
  else if (arg?.startsWith("--out=")) file = arg.slice("--out=".length);
  else if (arg === "--help" || arg === "-h") {
    console.error(`Usage: ${usage}`);
    process.exit(0);
  } else if (arg && !arg.startsWith("-") && file === undefined) file = arg;
  else {
    console.error(`Unexpected argument ${arg}\n\nUsage: ${usage}`);
    process.exit(2);
  }
}
if (argv.includes("--out") && !file) {
  console.error(`--out needs a file name\n\nUsage: ${usage}`);
  process.exit(2);
}

try {
  const dump = await exportDatabase();
  // The dump holds password and token hashes: readable by its owner only.
  const out: Writable = file ? createWriteStream(file, { mode: 0o600 }) : process.stdout;
  // Streamed piece by piece with back-pressure; stdout is left open.
  await pipeline(Readable.from(dumpChunks(dump)), out, { end: Boolean(file) });
  const rows = dump.tables.reduce((n, t) => n + t.rows.length, 0);
  console.error(
    `Exported ${rows} rows in ${dump.tables.length} tables (migration ${dump.migration.tag}) from ${describeTarget()} to ${file ? path.resolve(file) : "stdout"}.`,
  );
} catch (error) {
  console.error(`Export failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
