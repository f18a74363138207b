import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import styles from "@/components/dashboard/dashboard.module.css";
import { SectionFallback } from "@/components/dashboard/section-fallback";
import { VisionsIndex } from "@/components/dashboard/visions-index";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "public" });
  return { title: t("meta.visions") };
}

export default async function VisionsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "public" });
  return (
    <>
      <header className={styles.header}>
        <h1>{t("visions.title")}</h1>
        <p className={styles.lede}>{t("visions.intro")}</p>
        <p className={`muted ${styles.small}`}>{t("vision.rollupExplanation")}</p>
      </header>
      <Suspense fallback={<SectionFallback minHeight="24rem" />}>
        <VisionsIndex locale={locale} />
      </Suspense>
    </>
  );
}
