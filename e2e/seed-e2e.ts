import { closeDb } from "@/db";
import { approveUpdate, submitUpdate } from "@/db/queries/updates";
import { upsertUser } from "@/db/seed";
import { prepareDatabase } from "@/db/startup";
import { progressUpdateSchema } from "@/lib/validation/progress";
import { E2E_USERS } from "./users";

await prepareDatabase();
const ids: Record<string, number> = {};
for (const [key, u] of Object.entries(E2E_USERS)) ids[key] = await upsertUser(u);

// A published update only this run's database holds: the public pages must show it from the first request.
const runId = process.env.E2E_RUN_ID ?? "";
const analyst = { ...E2E_USERS.analyst, id: ids.analyst ?? 0 };
const admin = { ...E2E_USERS.admin, id: ids.admin ?? 0 };
const { id } = await submitUpdate(
  analyst,
  progressUpdateSchema.parse({
    actionCode: "A6",
    status: "on_track",
    percent: 40,
    narrative: `Group of Friends meeting recorded by ${runId}`,
    evidenceLinks: ["https://example.org/e2e"],
    occurredOn: "2024-12-03",
  }),
);
await approveUpdate(admin, id);
await closeDb();
