import { jsonError, withApiErrors } from "@/lib/api";
import { FEED_LIMIT } from "@/lib/open-data/atom";
import { atomResponse } from "@/lib/open-data/feed-response";
import { getCachedActionDetail } from "@/lib/public-data";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  return withApiErrors(async () => {
    const { code } = await params;
    const detail = await getCachedActionDetail(code.toUpperCase());
    if (!detail) return jsonError(404, "not_found", `There is no action "${code}".`);
    const { action, timeline } = detail;
    // The timeline is ordered by progress date; a feed lists what was published last first.
    const updates = [...timeline].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.id - a.id).slice(0, FEED_LIMIT);
    return atomResponse(request, `/actions/${action.code}`, `Plan Tracker: ${action.code} ${action.title}`, `Published progress updates of action ${action.code}.`, updates);
  });
}
