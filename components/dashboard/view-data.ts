import { cache } from "react";
import { cutoffOf, type View } from "@/lib/view";

/** What every view-aware section of the public pages receives. */
export type ViewProps = { locale: string; view: View };

// The cached reads are deduplicated per request by argument identity, so
// all sections of one page must pass the very same Date instance.
const instant = cache((iso: string) => new Date(iso));

/** The view's exclusive cut-off for the data functions, one shared instance per request. */
export function viewCutoff(view: View): Date | undefined {
  const cutoff = cutoffOf(view);
  return cutoff ? instant(cutoff.toISOString()) : undefined;
}
