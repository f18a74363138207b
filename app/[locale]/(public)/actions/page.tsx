import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import { ActionsIndex } from "@/components/dashboard/actions-index";
import styles from "@/components/dashboard/dashboard.module.css";
import type { SearchParamValue } from "@/components/dashboard/filters";
import { SectionFallback } from "@/components/dashboard/section-fallback";
import { resolveSegment } from "@/lib/public-data";

// Filters live in the query string, which an ISR page cannot vary by; the data underneath stays cached.
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, SearchParamValue>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) return {};
  const t = await getTranslations({ locale: ctx.locale, namespace: "public" });
  return { title: t("meta.actions") };
}

export default async function ActionsPage({ params, searchParams }: Props) {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) notFound();
  setRequestLocale(ctx.locale);
  const { locale, view } = ctx;
  const t = await getTranslations({ locale, namespace: "public" });
  return (
    <>
      <header className={styles.header}>
        <h1>{t("actions.title")}</h1>
        <p className={styles.lede}>{t("actions.intro")}</p>
      </header>
      <Suspense fallback={<SectionFallback minHeight="24rem" />}>
        <ActionsIndex locale={locale} view={view} searchParams={searchParams} />
      </Suspense>
    </>
  );
}
