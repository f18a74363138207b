import { closeDb } from "@/db";
import { seedDemo } from "@/db/seed";
import { prepareDatabase } from "@/db/startup";
import { describeTarget, flags } from "./cli";

const args = flags({ demo: { type: "boolean" } }, "npm run db:seed [-- --demo]");

await prepareDatabase();
console.log(`Plan seeded in ${describeTarget()}.`);
if (args.demo) {
  const logins = await seedDemo();
  console.log("Demo data added. Demo logins (passwords are new on every run):");
  for (const l of logins) console.log(`  ${l.role.padEnd(8)} ${l.email}  ${l.password}`);
}
await closeDb();
