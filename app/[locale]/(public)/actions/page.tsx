import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import { ActionsIndex } from "@/components/dashboard/actions-index";
import styles from "@/components/dashboard/dashboard.module.css";
import { SectionFallback } from "@/components/dashboard/section-fallback";
import { resolveSegment } from "@/lib/public-data";

/*
 * The unfiltered list, cached like every public page. A filtered list
 * (?status=, ?vision=) is rewritten by the proxy onto ./filter/[filter].
 */
type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) return {};
  const t = await getTranslations({ locale: ctx.locale, namespace: "public" });
  return { title: t("meta.actions") };
}

export default async function ActionsPage({ params }: Props) {
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
        <ActionsIndex locale={locale} view={view} filters={{}} />
      </Suspense>
    </>
  );
}
