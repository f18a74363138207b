import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DataDictionary } from "@/components/downloads/data-dictionary";
import { DatasetList, FeedsSection, LicenseSection, ZipDownload } from "@/components/downloads/download-sections";
import { EmbedSnippets } from "@/components/downloads/embed-snippets";
import { viewCutoff } from "@/components/dashboard/view-data";
import { getCachedPlanState, resolveSegment } from "@/lib/public-data";
import { dataLicense } from "@/lib/open-data/license";
import { getCachedZipSummary } from "@/lib/open-data/zip-summary";
import { configuredOrigin } from "@/lib/public-origin";

/*
 * Cached like every public page: the ZIP's size and time come from a cached
 * summary that expires with the datasets' data, and the embed snippets use
 * the configured public URL (NEXTAUTH_URL), else they are completed in the
 * browser; a cached page never reads the request's Host.
 */

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) return {};
  const t = await getTranslations({ locale: ctx.locale, namespace: "downloads" });
  return {
    title: t("meta.title"),
    alternates: { types: { "application/atom+xml": [{ url: "/api/feeds/updates", title: t("feeds.all") }] } },
  };
}

export default async function DownloadsPage({ params }: Props) {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) notFound();
  setRequestLocale(ctx.locale);
  const { locale, view } = ctx;
  const license = dataLicense();
  const cutoff = viewCutoff(view);
  const [t, state, zip] = await Promise.all([
    getTranslations({ locale, namespace: "downloads" }),
    getCachedPlanState(cutoff),
    getCachedZipSummary(view, cutoff),
  ]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {view.kind !== "live" ? <p className="muted">{t("viewNote")}</p> : null}
      <ZipDownload locale={locale} view={view} bytes={zip.bytes} generatedAt={new Date(zip.generatedAt)} />
      <DatasetList locale={locale} view={view} />
      <LicenseSection locale={locale} license={license} />
      <FeedsSection locale={locale} />
      <EmbedSnippets locale={locale} view={view} origin={configuredOrigin()} actionCode={state.actions[0]?.code ?? "A1"} />
      <DataDictionary locale={locale} />
    </>
  );
}
