import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { WorkspaceBar } from "@/components/admin/workspace-bar";
import { routing } from "@/i18n/routing";
import { requirePermission } from "@/lib/server/guards";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const [t, tCommon] = await Promise.all([getTranslations({ locale, namespace: "admin" }), getTranslations({ locale, namespace: "common" })]);
  // A plain title here would stop the root layout's template from reaching the pages below.
  return {
    title: { default: t("nav.label"), template: `%s · ${t("nav.label")} · ${tCommon("siteName")}` },
    // The workspace is for signed-in staff; search engines have nothing to index here.
    robots: { index: false, follow: false },
  };
}

export default async function AdminLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  // The segment can carry a past view of the public pages ("en~2025-03-01"); the workspace only ever shows the present.
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Every page checks again, and sends a user who must change their password to the account page; the layout cannot know which page it wraps.
  const actor = await requirePermission("admin:enter", "/admin", { allowWhilePasswordChangeRequired: true });
  return (
    <>
      <WorkspaceBar locale={locale} actor={actor} />
      {children}
    </>
  );
}
