import { dbKind } from "@/db";
import { prepareDatabase } from "@/db/startup";
import { startCacheBus } from "./cache-bus";

/** Runs once when the Node server starts, before the first request. */
export async function startServer(): Promise<void> {
  if (process.env.NODE_ENV === "production" && !process.env.NEXTAUTH_SECRET) {
    console.error("NEXTAUTH_SECRET is not set. Refusing to start: sessions could be forged. See README, Configuration.");
    process.exit(1);
  }
  await prepareDatabase();
  console.log(`[plan-tracker] database ready (${dbKind()})`);
  // Several instances over one Postgres expire each other's caches (see cache-bus.ts).
  await startCacheBus();
}
