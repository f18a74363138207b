import { dbKind } from "@/db";
import { pingDatabase } from "@/db/queries/health";
import { markDatabaseDown, RETRY_AFTER_SECONDS } from "@/lib/server/db-status";

export const dynamic = "force-dynamic";

/** 200 when the database answers; 503 with Retry-After (for load balancers and probes) when it does not. */
export async function GET(): Promise<Response> {
  const kind = dbKind();
  try {
    await pingDatabase();
    return Response.json({ status: "ok", db: kind, database: "up" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // A failing ping means the database is unreachable, whatever the error looks like.
    markDatabaseDown(error);
    return Response.json(
      { status: "error", db: kind, database: "down" },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS) } },
    );
  }
}
