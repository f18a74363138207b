import { closeDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { describeTarget } from "./cli";

await migrateDatabase();
console.log(`Migrations applied to ${describeTarget()}.`);
await closeDb();
