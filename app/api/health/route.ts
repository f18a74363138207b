import { dbKind } from "@/db";
import { pingDatabase } from "@/db/queries/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const kind = dbKind();
  try {
    await pingDatabase();
    return Response.json({ status: "ok", db: kind }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "error", db: kind }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
