import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RoundComparePage } from "@/components/dashboard/round-compare-page";
import { resolveSegment } from "@/lib/public-data";
import { COMPARE_KEYS, parseQuerySegment } from "@/lib/query-segment";

/*
 * A comparison of two rounds: the proxy rewrites /rounds/compare?from=…&to=…
 * onto /rounds/compare/from=…&to=…, so each pair is its own cached page.
 * Unknown rounds get the page's own message, as on the query string.
 */
type Props = { params: Promise<{ locale: string; pair: string }> };

// Rendered on first request from the server's own database, never at build time.
export function generateStaticParams(): { pair: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) return {};
  const t = await getTranslations({ locale: ctx.locale, namespace: "public" });
  return { title: t("meta.compare"), robots: { index: false, follow: true } };
}

export default async function ComparePairPage({ params }: Props) {
  const { locale: segment, pair } = await params;
  const ctx = await resolveSegment(segment);
  if (!ctx) notFound();
  setRequestLocale(ctx.locale);
  return <RoundComparePage locale={ctx.locale} query={parseQuerySegment(pair, COMPARE_KEYS)} />;
}
