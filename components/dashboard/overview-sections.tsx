import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Link } from "@/i18n/navigation";
import { ActionProgressSection } from "./action-progress-section";
import styles from "./dashboard.module.css";
import { KeyFigures } from "./key-figures";
import { LatestUpdates } from "./latest-updates";
import { OverdueActions } from "./overdue-actions";
import { ProgressOverTimeSection } from "./progress-over-time-section";
import { SectionFallback } from "./section-fallback";
import { StatusChartSection } from "./status-chart-section";
import { VisionProgressSection } from "./vision-progress-section";
import type { ViewProps } from "./view-data";
import { viewHref } from "./view-links";

/**
 * The overview dashboard below its heading, for any view: the live
 * overview, a past day, and a closed reporting round all show the same
 * sections, each streaming on its own.
 */
export async function OverviewSections({ locale, view }: ViewProps) {
  const t = await getTranslations({ locale, namespace: "public" });
  return (
    <>
      <section className={styles.section} aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t("overview.figuresHeading")}</h2>
        <Suspense fallback={<SectionFallback />}>
          <KeyFigures locale={locale} view={view} />
        </Suspense>
      </section>

      <section className={styles.section} aria-labelledby="charts-heading">
        <h2 id="charts-heading">{t("overview.chartsHeading")}</h2>
        <div className={styles.chartGrid}>
          <Suspense fallback={<SectionFallback minHeight="20rem" />}>
            <StatusChartSection locale={locale} view={view} />
          </Suspense>
          <Suspense fallback={<SectionFallback minHeight="20rem" />}>
            <VisionProgressSection locale={locale} view={view} />
          </Suspense>
          <Suspense fallback={<SectionFallback minHeight="20rem" />}>
            <ActionProgressSection locale={locale} view={view} />
          </Suspense>
          <Suspense fallback={<SectionFallback minHeight="24rem" />}>
            <ProgressOverTimeSection locale={locale} view={view} />
          </Suspense>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">{t("overview.overdueHeading")}</h2>
        <Suspense fallback={<SectionFallback />}>
          <OverdueActions locale={locale} view={view} />
        </Suspense>
      </section>

      <section className={styles.section} aria-labelledby="latest-heading">
        <h2 id="latest-heading">{t("overview.latestHeading")}</h2>
        <Suspense fallback={<SectionFallback />}>
          <LatestUpdates locale={locale} view={view} />
        </Suspense>
        <p>
          <Link href={viewHref("/actions", view)}>{t("overview.allActions")}</Link>
        </p>
      </section>
    </>
  );
}
