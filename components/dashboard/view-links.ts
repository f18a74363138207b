import type { RoundRow } from "@/db/queries/rounds";
import { viewQuery, type View } from "@/lib/view";

/**
 * Internal links inside a past view carry it along (`?asOf=` or `?round=`),
 * so a reader who follows them stays in the same moment of the plan.
 */
export function viewHref(path: string, view: View, hash?: string): string {
  const query = viewQuery(view);
  const withQuery = query ? (path.includes("?") ? `${path}&${query.slice(1)}` : `${path}${query}`) : path;
  return hash ? `${withQuery}#${hash}` : withQuery;
}

/** The same view as query parameters, for object hrefs and hidden form fields. */
export function viewParams(view: View): Record<string, string> {
  if (view.kind === "asOf") return { asOf: view.date };
  if (view.kind === "round") return { round: view.slug };
  return {};
}

export { livePath } from "./live-path";

/** A closed round as a view: the plan at its cut-off. */
export function roundView(round: Pick<RoundRow, "slug" | "name" | "cutoffDate" | "closedAt">): View {
  return { kind: "round", slug: round.slug, name: round.name, cutoffDate: round.cutoffDate, closedAt: round.closedAt };
}
