import { migrateDatabase } from "./migrate";
import { ensureAdminFromEnv, isPlanSeeded, seedPlan, seedTitleTranslations } from "./seed";

const key = Symbol.for("plan-tracker.db-ready");
type G = typeof globalThis & { [key]?: Promise<void> };

/**
 * Migrates, seeds an empty database with the plan, and creates the first
 * admin from the environment. Runs once per process; every caller awaits
 * the same promise.
 */
export function prepareDatabase(): Promise<void> {
  const g = globalThis as G;
  g[key] ??= migrateDatabase(async () => {
    // A database seeded before translations existed still gets the known Chinese titles.
    if (!(await isPlanSeeded())) await seedPlan();
    else await seedTitleTranslations();
    await ensureAdminFromEnv();
  }).catch((error: unknown) => {
    delete g[key];
    throw error;
  });
  return g[key];
}
