import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import { OverviewSections } from "@/components/dashboard/overview-sections";
import { PlanIntro } from "@/components/dashboard/plan-intro";
import { SectionFallback } from "@/components/dashboard/section-fallback";
import { resolveSegment } from "@/lib/public-data";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) return {};
  const t = await getTranslations({ locale: ctx.locale, namespace: "public" });
  return { title: t("meta.overview") };
}

export default async function OverviewPage({ params }: Props) {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) notFound();
  setRequestLocale(ctx.locale);
  const { locale, view } = ctx;
  return (
    <>
      <Suspense fallback={<SectionFallback minHeight="12rem" />}>
        <PlanIntro locale={locale} view={view} />
      </Suspense>
      <OverviewSections locale={locale} view={view} />
    </>
  );
}
