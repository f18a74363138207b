import { notFound } from "next/navigation";
import { viewFromQuery } from "@/lib/api";
import type { View } from "@/lib/view";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Reads ?asOf= or ?round= of an embed the way the API does; a bad value is a 404 page, not a silent "now". */
export async function embedView(searchParams: SearchParams): Promise<{ view: View; cutoff: Date | undefined }> {
  const params = await searchParams;
  const url = new URL("http://embed.local/");
  for (const key of ["asOf", "round"]) {
    const value = params[key];
    if (typeof value === "string") url.searchParams.set(key, value);
  }
  const resolved = await viewFromQuery(url);
  if (resolved instanceof Response) notFound();
  return resolved;
}
