import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import styles from "@/components/dashboard/dashboard.module.css";
import docStyles from "@/components/api-docs/api-docs.module.css";
import { ApiReference } from "@/components/api-docs/api-reference";
import { resolveSegment } from "@/lib/public-data";
import { API_BASE, buildOpenApiDocument } from "@/lib/openapi";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) return {};
  const t = await getTranslations({ locale: ctx.locale, namespace: "api.docs" });
  return { title: t("title") };
}

// The documentation is the same in every view: it describes the API, not the data.
export default async function ApiDocsPage({ params }: Props) {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) notFound();
  setRequestLocale(ctx.locale);
  const t = await getTranslations({ locale: ctx.locale, namespace: "api.docs" });
  const doc = buildOpenApiDocument();
  return (
    <>
      <header className={styles.header}>
        <h1>{t("title")}</h1>
        <p className={styles.lede}>{t("intro")}</p>
      </header>
      <p>
        <a href={`${API_BASE}/openapi.json`}>{t("download")}</a>
      </p>
      <p>{t("baseUrl", { url: API_BASE })}</p>
      <p className={docStyles.note}>{t("asOfNote")}</p>
      <p className={docStyles.note}>{t("authNote")}</p>
      <ApiReference locale={ctx.locale} doc={doc} />
    </>
  );
}
