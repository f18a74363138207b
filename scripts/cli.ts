import { parseArgs } from "node:util";

/** Parses `--name value` flags and prints usage on bad input instead of a stack trace. */
export function flags<T extends Record<string, { type: "string" | "boolean" }>>(options: T, usage: string) {
  try {
    return parseArgs({ options, allowPositionals: false }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\nUsage: ${usage}`);
    process.exit(2);
  }
}

export function describeTarget(): string {
  return process.env.DATABASE_URL ? "Postgres (DATABASE_URL)" : `PGlite at ${process.env.PGLITE_DIR || ".data/pglite"}`;
}
