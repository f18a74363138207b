import { listLatestUpdates, type PublicUpdate } from "./public";

// Postgres' largest integer: "no limit" for the shared latest-updates query.
const EVERY_ROW = 2_147_483_647;

/**
 * Every published update (published before the cut-off, when given), oldest
 * first, each with what had happened to it by then: corrected, retracted, or
 * itself a correction. It reuses the public timeline query so the open-data
 * files and the dashboards can never disagree about the past.
 */
export async function listPublishedUpdates(cutoff?: Date): Promise<PublicUpdate[]> {
  const rows = await listLatestUpdates(EVERY_ROW, cutoff);
  return rows.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id - b.id);
}
