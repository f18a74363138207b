import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import {
  ActionCurrentAssessment,
  ActionDetails,
  ActionProgressHistory,
  ActionProjection,
  ActionStatusChanges,
  ActionTimeline,
  ActionVisions,
} from "@/components/dashboard/action-sections";
import styles from "@/components/dashboard/dashboard.module.css";
import { SectionFallback } from "@/components/dashboard/section-fallback";
import { getLocalizer, Translated, TranslatedNotice } from "@/components/dashboard/translated-text";
import { VerificationNote } from "@/components/dashboard/verification-badge";
import { viewCutoff } from "@/components/dashboard/view-data";
import { getCachedActionDetail, resolveSegment } from "@/lib/public-data";

type Props = { params: Promise<{ locale: string; code: string }> };

// Rendered on first request from the server's own database, never at build time.
export function generateStaticParams(): { code: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale: segment, code } = await params;
  const ctx = await resolveSegment(segment);
  if (!ctx) return {};
  const [detail, t] = await Promise.all([
    getCachedActionDetail(code, viewCutoff(ctx.view)),
    getTranslations({ locale: ctx.locale, namespace: "public" }),
  ]);
  if (!detail) return {};
  const localize = await getLocalizer(ctx.locale);
  const { code: actionCode, title, description } = detail.action;
  return {
    title: t("meta.action", { code: actionCode, title: localize("action", actionCode, "title", title).text }),
    description: localize("action", actionCode, "description", description).text || undefined,
  };
}

export default async function ActionPage({ params }: Props) {
  const { locale: segment, code } = await params;
  const ctx = await resolveSegment(segment);
  if (!ctx) notFound();
  setRequestLocale(ctx.locale);
  const { locale, view } = ctx;
  const [detail, t] = await Promise.all([
    getCachedActionDetail(code, viewCutoff(view)),
    getTranslations({ locale, namespace: "public" }),
  ]);
  // Decided before anything streams, so an unknown code gets a real 404 status.
  if (!detail) notFound();
  const { action } = detail;
  const section = { locale, view, code: action.code };
  return (
    <>
      <header className={styles.header}>
        <p className={styles.eyebrow}>{t("action.eyebrow", { code: action.code })}</p>
        <h1>
          <Translated locale={locale} entity="action" entityKey={action.code} field="title" text={action.title} notice={false} />
        </h1>
        <TranslatedNotice block locale={locale} entity="action" entityKey={action.code} field="title" text={action.title} />
        <VerificationNote verified={action.verified} />
        {action.description ? (
          <p className={styles.lede}>
            <Translated locale={locale} entity="action" entityKey={action.code} field="description" text={action.description} />
          </p>
        ) : null}
      </header>

      <div className={styles.twoColumns}>
        <section className={styles.panel} aria-labelledby="current-heading">
          <h2 id="current-heading">{t("action.currentHeading")}</h2>
          <Suspense fallback={<SectionFallback />}>
            <ActionCurrentAssessment {...section} />
          </Suspense>
        </section>
        <section aria-labelledby="details-heading">
          <h2 id="details-heading">{t("action.detailsHeading")}</h2>
          <Suspense fallback={<SectionFallback />}>
            <ActionDetails {...section} />
          </Suspense>
        </section>
      </div>

      <section className={styles.section} aria-labelledby="projection-heading">
        <h2 id="projection-heading">{t("action.projectionHeading")}</h2>
        <Suspense fallback={<SectionFallback minHeight="4rem" />}>
          <ActionProjection {...section} />
        </Suspense>
      </section>

      <div className={styles.twoColumns}>
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">{t("action.historyHeading")}</h2>
          <Suspense fallback={<SectionFallback minHeight="16rem" />}>
            <ActionProgressHistory {...section} />
          </Suspense>
        </section>
        <section aria-labelledby="status-changes-heading">
          <h2 id="status-changes-heading">{t("action.statusChangesHeading")}</h2>
          <Suspense fallback={<SectionFallback />}>
            <ActionStatusChanges {...section} />
          </Suspense>
        </section>
      </div>

      <section className={styles.section} aria-labelledby="visions-heading">
        <h2 id="visions-heading">{t("action.visionsHeading")}</h2>
        <Suspense fallback={<SectionFallback />}>
          <ActionVisions {...section} />
        </Suspense>
      </section>

      <section className={styles.section} aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t("action.timelineHeading")}</h2>
        <Suspense fallback={<SectionFallback />}>
          <ActionTimeline {...section} />
        </Suspense>
      </section>
    </>
  );
}
