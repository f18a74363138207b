import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DataDictionary } from "@/components/downloads/data-dictionary";
import { DatasetList, FeedsSection, LicenseSection, ZipDownload } from "@/components/downloads/download-sections";
import { EmbedSnippets } from "@/components/downloads/embed-snippets";
import { viewCutoff } from "@/components/dashboard/view-data";
import { resolveSegment } from "@/lib/public-data";
import { loadExportSource } from "@/lib/open-data/export";
import { dataLicense } from "@/lib/open-data/license";
import { buildOpenDataZip } from "@/lib/open-data/zip";

// The page builds the ZIP to state its real size and time, and reads the request's origin for the embed snippets.
export const dynamic = "force-dynamic";

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

/** The origin readers reach this server at, for the absolute URLs in embed snippets. */
async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export default async function DownloadsPage({ params }: Props) {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) notFound();
  setRequestLocale(ctx.locale);
  const { locale, view } = ctx;
  const license = dataLicense();
  const [t, source, origin] = await Promise.all([
    getTranslations({ locale, namespace: "downloads" }),
    loadExportSource(viewCutoff(view)),
    requestOrigin(),
  ]);
  // The ZIP is built here too, so the page states its real size and generation time.
  const generatedAt = new Date();
  const zip = buildOpenDataZip(source, { view, generatedAt, license });
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {view.kind !== "live" ? <p className="muted">{t("viewNote")}</p> : null}
      <ZipDownload locale={locale} view={view} bytes={zip.byteLength} generatedAt={generatedAt} />
      <DatasetList locale={locale} view={view} />
      <LicenseSection locale={locale} license={license} />
      <FeedsSection locale={locale} />
      <EmbedSnippets locale={locale} view={view} origin={origin} actionCode={source.actions[0]?.code ?? "A1"} />
      <DataDictionary locale={locale} />
    </>
  );
}
