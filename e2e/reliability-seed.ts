import { closeDb } from "@/db";
import { createToken } from "@/db/queries/tokens";
import { upsertUser } from "@/db/seed";
import { prepareDatabase } from "@/db/startup";
import { E2E_USERS } from "./users";

/*
 * Prepares the database of an extra server instance for e2e/reliability.spec.ts
 * (DATABASE_URL or PGLITE_DIR from the environment): migrate and seed the plan,
 * the e2e users, and an API token acting as the analyst. Prints the token as
 * the last line of stdout. Runs in its own process, so the test process never
 * holds a PGlite folder a server will open.
 */
await prepareDatabase();
const adminId = await upsertUser(E2E_USERS.admin);
const analystId = await upsertUser(E2E_USERS.analyst);
const { token } = await createToken({ ...E2E_USERS.admin, id: adminId }, { name: "reliability", userId: analystId });
await closeDb();
process.stdout.write(`\n${JSON.stringify({ token })}\n`);
