import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import { CorrectionsLog } from "@/components/dashboard/corrections-log";
import styles from "@/components/dashboard/dashboard.module.css";
import { SectionFallback } from "@/components/dashboard/section-fallback";
import { resolveSegment } from "@/lib/public-data";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) return {};
  const t = await getTranslations({ locale: ctx.locale, namespace: "public" });
  return { title: t("meta.corrections") };
}

export default async function CorrectionsPage({ params }: Props) {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) notFound();
  setRequestLocale(ctx.locale);
  const { locale, view } = ctx;
  const t = await getTranslations({ locale, namespace: "public" });
  return (
    <>
      <header className={styles.header}>
        <h1>{t("corrections.title")}</h1>
        <p className={styles.lede}>{t("corrections.intro")}</p>
      </header>
      <Suspense fallback={<SectionFallback minHeight="16rem" />}>
        <CorrectionsLog locale={locale} view={view} />
      </Suspense>
    </>
  );
}
