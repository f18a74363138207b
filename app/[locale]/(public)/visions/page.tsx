import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import styles from "@/components/dashboard/dashboard.module.css";
import { SectionFallback } from "@/components/dashboard/section-fallback";
import { VisionsIndex } from "@/components/dashboard/visions-index";
import { resolveSegment } from "@/lib/public-data";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) return {};
  const t = await getTranslations({ locale: ctx.locale, namespace: "public" });
  return { title: t("meta.visions") };
}

export default async function VisionsPage({ params }: Props) {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) notFound();
  setRequestLocale(ctx.locale);
  const { locale, view } = ctx;
  const t = await getTranslations({ locale, namespace: "public" });
  return (
    <>
      <header className={styles.header}>
        <h1>{t("visions.title")}</h1>
        <p className={styles.lede}>{t("visions.intro")}</p>
        <p className={`muted ${styles.small}`}>{t("vision.rollupExplanation")}</p>
      </header>
      <Suspense fallback={<SectionFallback minHeight="24rem" />}>
        <VisionsIndex locale={locale} view={view} />
      </Suspense>
    </>
  );
}
