import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import { ActionProgressSection } from "@/components/dashboard/action-progress-section";
import styles from "@/components/dashboard/dashboard.module.css";
import { KeyFigures } from "@/components/dashboard/key-figures";
import { LatestUpdates } from "@/components/dashboard/latest-updates";
import { PlanIntro } from "@/components/dashboard/plan-intro";
import { SectionFallback } from "@/components/dashboard/section-fallback";
import { StatusChartSection } from "@/components/dashboard/status-chart-section";
import { VisionProgressSection } from "@/components/dashboard/vision-progress-section";
import { Link } from "@/i18n/navigation";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "public" });
  return { title: t("meta.overview") };
}

export default async function OverviewPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "public" });
  return (
    <>
      <Suspense fallback={<SectionFallback minHeight="12rem" />}>
        <PlanIntro locale={locale} />
      </Suspense>

      <section className={styles.section} aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t("overview.figuresHeading")}</h2>
        <Suspense fallback={<SectionFallback />}>
          <KeyFigures locale={locale} />
        </Suspense>
      </section>

      <section className={styles.section} aria-labelledby="charts-heading">
        <h2 id="charts-heading">{t("overview.chartsHeading")}</h2>
        <div className={styles.chartGrid}>
          <Suspense fallback={<SectionFallback minHeight="20rem" />}>
            <StatusChartSection locale={locale} />
          </Suspense>
          <Suspense fallback={<SectionFallback minHeight="20rem" />}>
            <VisionProgressSection locale={locale} />
          </Suspense>
          <Suspense fallback={<SectionFallback minHeight="20rem" />}>
            <ActionProgressSection locale={locale} />
          </Suspense>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="latest-heading">
        <h2 id="latest-heading">{t("overview.latestHeading")}</h2>
        <Suspense fallback={<SectionFallback />}>
          <LatestUpdates locale={locale} />
        </Suspense>
        <p>
          <Link href="/actions">{t("overview.allActions")}</Link>
        </p>
      </section>
    </>
  );
}
