import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import type { Locale } from "@/i18n/routing";
import { resolveSegment } from "@/lib/public-data";
import "../globals.css";

// BCP 47 tags for screen readers and fonts: the Chinese UI is Simplified Chinese.
const HTML_LANG: Record<Locale, string> = { en: "en", zh: "zh-Hans" };

// Nothing is rendered at build time: every page is rendered on its first
// request from the running server's own database, then cached.
export function generateStaticParams(): { locale: string }[] {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const context = await resolveSegment((await params).locale);
  if (!context) return {};
  const { locale } = context;
  const t = await getTranslations({ locale, namespace: "common" });
  return { title: { default: t("siteName"), template: `%s · ${t("siteName")}` }, description: t("siteTagline") };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  // The segment may also carry a past view ("en~2025-03-01"); see lib/public-data.ts.
  const context = await resolveSegment((await params).locale);
  if (!context) notFound();
  const { locale } = context;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "common" });
  return (
    <html lang={HTML_LANG[locale]} dir="ltr">
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider>
          <SiteHeader locale={locale} />
          <main id="main" className="container" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter locale={locale} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
