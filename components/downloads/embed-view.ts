import { notFound } from "next/navigation";
import { resolveSegment } from "@/lib/public-data";
import { cutoffOf, type View } from "@/lib/view";

/**
 * Reads the view segment of an embed ("en", "en~2025-03-01", "en~r~q1-2025"):
 * the proxy rewrites ?asOf= and ?round= onto it, and next.config.js sends a
 * bare /embed/… to "en", so each view is its own cached page. A bad value is
 * a 404 page, not a silent "now", as the API answers 400.
 */
export async function embedView(segment: string): Promise<{ view: View; cutoff: Date | undefined }> {
  const ctx = await resolveSegment(segment);
  if (!ctx || ctx.locale !== "en") notFound();
  return { view: ctx.view, cutoff: cutoffOf(ctx.view) };
}
