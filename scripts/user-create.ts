import { closeDb } from "@/db";
import { upsertUser } from "@/db/seed";
import { prepareDatabase } from "@/db/startup";
import { toFieldErrors } from "@/lib/validation/fields";
import { createUserSchema } from "@/lib/validation/users";
import messages from "@/messages/en/validation.json";
import { describeTarget, flags } from "./cli";

const usage = "npm run user:create -- --email ada@example.org --password '<12+ characters, not a common password>' --role admin|analyst [--name 'Ada L.']";
const args = flags(
  { email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
  usage,
);

const parsed = createUserSchema.safeParse({ ...args, name: args.name ?? args.email?.split("@")[0] ?? "" });
if (!parsed.success) {
  for (const [field, keys] of Object.entries(toFieldErrors(parsed.error))) console.error(`--${field}: ${keys.map((k) => (messages as Record<string, string>)[k] ?? k).join(" ")}`);
  console.error(`\nUsage: ${usage}`);
  process.exit(2);
}

await prepareDatabase();
const id = await upsertUser(parsed.data);
console.log(`User ${parsed.data.email} (${parsed.data.role}, id ${id}) saved in ${describeTarget()}.`);
await closeDb();
