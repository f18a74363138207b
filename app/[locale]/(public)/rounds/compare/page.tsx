import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RoundComparePage } from "@/components/dashboard/round-compare-page";
import { resolveSegment } from "@/lib/public-data";

/*
 * The bare form, cached like every public page. A chosen pair (?from=&to=)
 * is rewritten by the proxy onto ./[pair], its own cached page.
 */
type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) return {};
  const t = await getTranslations({ locale: ctx.locale, namespace: "public" });
  return { title: t("meta.compare"), robots: { index: false, follow: true } };
}

export default async function CompareRoundsPage({ params }: Props) {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) notFound();
  setRequestLocale(ctx.locale);
  return <RoundComparePage locale={ctx.locale} query={{}} />;
}
