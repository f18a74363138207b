import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import styles from "@/components/dashboard/dashboard.module.css";
import { SectionFallback } from "@/components/dashboard/section-fallback";
import { getLocalizer, Translated, TranslatedNotice } from "@/components/dashboard/translated-text";
import { VerificationNote } from "@/components/dashboard/verification-badge";
import { viewCutoff } from "@/components/dashboard/view-data";
import { VisionActions, VisionRollup } from "@/components/dashboard/vision-sections";
import { getCachedVisionDetail, resolveSegment } from "@/lib/public-data";

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
    getCachedVisionDetail(code, viewCutoff(ctx.view)),
    getTranslations({ locale: ctx.locale, namespace: "public" }),
  ]);
  if (!detail) return {};
  const localize = await getLocalizer(ctx.locale);
  return {
    title: t("meta.vision", { code: detail.vision.code, title: localize("vision", detail.vision.code, "title", detail.vision.title).text }),
    description: localize("vision", detail.vision.code, "description", detail.vision.description).text || undefined,
  };
}

export default async function VisionPage({ params }: Props) {
  const { locale: segment, code } = await params;
  const ctx = await resolveSegment(segment);
  if (!ctx) notFound();
  setRequestLocale(ctx.locale);
  const { locale, view } = ctx;
  const [detail, t] = await Promise.all([
    getCachedVisionDetail(code, viewCutoff(view)),
    getTranslations({ locale, namespace: "public" }),
  ]);
  // Decided before anything streams, so an unknown code gets a real 404 status.
  if (!detail) notFound();
  const { vision } = detail;
  return (
    <>
      <header className={styles.header}>
        <p className={styles.eyebrow}>{t("vision.eyebrow", { code: vision.code, theme: vision.theme })}</p>
        <h1>
          <Translated locale={locale} entity="vision" entityKey={vision.code} field="title" text={vision.title} notice={false} />
        </h1>
        <TranslatedNotice block locale={locale} entity="vision" entityKey={vision.code} field="title" text={vision.title} />
        <VerificationNote verified={vision.verified} />
        {vision.description ? (
          <p className={styles.lede}>
            <Translated locale={locale} entity="vision" entityKey={vision.code} field="description" text={vision.description} />
          </p>
        ) : null}
      </header>

      <section className={`${styles.panel} ${styles.section}`} aria-labelledby="rollup-heading">
        <h2 id="rollup-heading">{t("vision.rollupHeading")}</h2>
        <Suspense fallback={<SectionFallback />}>
          <VisionRollup locale={locale} view={view} code={vision.code} />
        </Suspense>
      </section>

      <section className={styles.section} aria-labelledby="linked-actions-heading">
        <h2 id="linked-actions-heading">{t("vision.actionsHeading")}</h2>
        <Suspense fallback={<SectionFallback />}>
          <VisionActions locale={locale} view={view} code={vision.code} />
        </Suspense>
      </section>
    </>
  );
}
