import { withApiErrors } from "@/lib/api";
import { FEED_LIMIT } from "@/lib/open-data/atom";
import { loadLatestUpdates } from "@/lib/open-data/export";
import { atomResponse } from "@/lib/open-data/feed-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return withApiErrors(async () => {
    const updates = await loadLatestUpdates(FEED_LIMIT);
    return atomResponse(request, "/", "Plan Tracker: published updates", "The latest published progress updates of the action plan.", updates);
  });
}
