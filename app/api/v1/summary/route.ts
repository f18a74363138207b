import { handleGet, preflight, viewToJson } from "@/lib/api";
import { getCachedOverview } from "@/lib/public-data";
import { staleness } from "@/lib/staleness";
import { referenceTime } from "@/lib/view";

export function GET(request: Request): Promise<Response> {
  return handleGet(request, async ({ view, cutoff }) => {
    const overview = await getCachedOverview(cutoff);
    const now = referenceTime(view);
    const trackingStartedOn = overview.plan?.announcedOn ?? null;
    const overdueCount = overview.actions.filter((a) => staleness(a.updatedAt, a.updateIntervalDays, now, trackingStartedOn).overdue).length;
    return {
      view: viewToJson(view),
      data: {
        plan: overview.plan ? { code: overview.plan.code, title: overview.plan.title } : null,
        actionCount: overview.actions.length,
        visionCount: overview.visions.length,
        statusCounts: overview.statusCounts,
        averagePercent: overview.averagePercent,
        overdueCount,
      },
    };
  });
}

export const OPTIONS = preflight;
