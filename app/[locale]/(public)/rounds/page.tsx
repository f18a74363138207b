import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import styles from "@/components/dashboard/dashboard.module.css";
import { RoundsList } from "@/components/dashboard/rounds-list";
import { SectionFallback } from "@/components/dashboard/section-fallback";
import { resolveSegment } from "@/lib/public-data";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) return {};
  const t = await getTranslations({ locale: ctx.locale, namespace: "public" });
  return { title: t("meta.rounds") };
}

// The list of rounds is the index of frozen views, the same from any view.
export default async function RoundsPage({ params }: Props) {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) notFound();
  setRequestLocale(ctx.locale);
  const t = await getTranslations({ locale: ctx.locale, namespace: "public" });
  return (
    <>
      <header className={styles.header}>
        <h1>{t("rounds.title")}</h1>
        <p className={styles.lede}>{t("rounds.intro")}</p>
      </header>
      <Suspense fallback={<SectionFallback minHeight="12rem" />}>
        <RoundsList locale={ctx.locale} />
      </Suspense>
    </>
  );
}
