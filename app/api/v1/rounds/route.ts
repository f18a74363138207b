import { handleGet, preflight, roundToJson, viewToJson } from "@/lib/api";
import { getCachedRounds } from "@/lib/public-data";

// A past view lists only the rounds that had been closed by then.
export function GET(request: Request): Promise<Response> {
  return handleGet(request, async ({ view, cutoff }) => {
    const rounds = await getCachedRounds();
    const visible = cutoff ? rounds.filter((r) => new Date(r.closedAt) < cutoff) : rounds;
    return { view: viewToJson(view), data: visible.map(roundToJson) };
  });
}

export const OPTIONS = preflight;
