import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import { resolveSegment } from "@/lib/public-data";
import { ActionsIndex } from "./actions-index";
import styles from "./dashboard.module.css";
import type { SearchParamValue } from "./filters";
import { SectionFallback } from "./section-fallback";

/** Metadata of the action list, filtered or not. */
export async function actionsListMetadata(segment: string): Promise<Metadata> {
  const ctx = await resolveSegment(segment);
  if (!ctx) return {};
  const t = await getTranslations({ locale: ctx.locale, namespace: "public" });
  return { title: t("meta.actions") };
}

/** The action list page for a locale/view segment; the unfiltered and the filtered routes both render it. */
export async function ActionsListPage({ segment, filters }: { segment: string; filters: Readonly<Record<string, SearchParamValue>> }) {
  const ctx = await resolveSegment(segment);
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
        <ActionsIndex locale={locale} view={view} filters={filters} />
      </Suspense>
    </>
  );
}
