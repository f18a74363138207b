import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TranslationsTable } from "@/components/admin/translations-table";
import { LATEST_NARRATIVES, listTranslationWorkspace } from "@/db/queries/translations";
import { requirePermission } from "@/lib/server/guards";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "admin" });
  return { title: t("translations.title") };
}

export default async function TranslationsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePermission("plan:edit", "/admin/translations");
  const t = await getTranslations({ locale, namespace: "admin" });
  const workspace = await listTranslationWorkspace(actor, "zh");
  return (
    <>
      <h1>{t("translations.title")}</h1>
      <p className="muted">{t("translations.intro")}</p>
      <section aria-labelledby="translations-plan-title">
        <h2 id="translations-plan-title">{t("translations.planTitle")}</h2>
        <TranslationsTable locale={locale} items={workspace.plan} caption={t("translations.planTitle")} />
      </section>
      <section aria-labelledby="translations-rounds-title">
        <h2 id="translations-rounds-title">{t("translations.roundsTitle")}</h2>
        <TranslationsTable locale={locale} items={workspace.rounds} caption={t("translations.roundsTitle")} />
      </section>
      <section aria-labelledby="translations-narratives-title">
        <h2 id="translations-narratives-title">{t("translations.narrativesTitle")}</h2>
        <p className="muted">{t("translations.narrativesIntro", { count: LATEST_NARRATIVES })}</p>
        <TranslationsTable locale={locale} items={workspace.narratives} caption={t("translations.narrativesTitle")} />
      </section>
    </>
  );
}
