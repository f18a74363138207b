import { unstable_cache } from "next/cache";
import { cache as reactCache } from "react";
import { tagsFor } from "@/lib/public-data";
import type { View } from "@/lib/view";
import { loadExportSource } from "./export";
import { dataLicense } from "./license";
import { buildOpenDataZip } from "./zip";

export type ZipSummary = { bytes: number; generatedAt: string };

async function summarize(view: View, cutoff: Date | undefined): Promise<ZipSummary> {
  // unstable_cache hands a Date argument back as its JSON string.
  const source = await loadExportSource(cutoff === undefined ? undefined : new Date(cutoff));
  const generatedAt = new Date();
  const zip = buildOpenDataZip(source, { view, generatedAt, license: dataLicense() });
  return { bytes: zip.byteLength, generatedAt: generatedAt.toISOString() };
}

// The ZIP holds the datasets, so it expires with their data: today's with progress and structure, a past view's with structure only.
const live = unstable_cache(summarize, ["open-data-zip-summary"], tagsFor("progress", undefined));
const past = unstable_cache(summarize, ["open-data-zip-summary", "past"], tagsFor("progress", new Date(0), new Date(1)));

/**
 * The size of the download-all ZIP of a view and when it was built, for
 * the downloads page: built once per data change, not on every request.
 * The archive served later holds the same data (only its timestamps differ).
 */
export const getCachedZipSummary = reactCache((view: View, cutoff: Date | undefined): Promise<ZipSummary> => {
  const isPast = cutoff !== undefined && cutoff.getTime() <= Date.now();
  return (isPast ? past : live)(view, cutoff);
});
