import { actionToJson, handleGet, jsonError, preflight, roundToJson, viewToJson, visionToJson } from "@/lib/api";
import { getCachedPlanState, getCachedRound } from "@/lib/public-data";
import { cutoffOf, type View } from "@/lib/view";

type Context = { params: Promise<{ slug: string }> };

/** A round is its own frozen view: `asOf`/`round` are still validated, but the round's cut-off decides what is shown. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  return handleGet(request, async () => {
    const round = await getCachedRound(slug);
    if (!round) return jsonError(404, "notFound", `There is no reporting round with the short name ${slug}.`);
    const view: View = { kind: "round", slug: round.slug, name: round.name, cutoffDate: round.cutoffDate, closedAt: round.closedAt };
    const state = await getCachedPlanState(cutoffOf(view));
    return {
      view: viewToJson(view),
      data: { round: roundToJson(round), actions: state.actions.map(actionToJson), visions: state.visions.map(visionToJson) },
    };
  });
}

export const OPTIONS = preflight;
