import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ProgressForm } from "@/components/admin/progress-form";
import { getLocalizer } from "@/components/dashboard/translated-text";
import { SubmissionsTable } from "@/components/admin/submissions-table";
import { listActionChoices } from "@/db/queries/plan-admin";
import { listOwnSubmissions } from "@/db/queries/updates";
import { requirePermission } from "@/lib/server/guards";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "admin" });
  return { title: t("progress.title") };
}

export default async function LogProgressPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePermission("update:submit", "/admin");
  const t = await getTranslations({ locale, namespace: "admin" });
  const [choices, submissions, localize] = await Promise.all([listActionChoices(actor), listOwnSubmissions(actor), getLocalizer(locale)]);
  const actions = choices.map((a) => ({ ...a, title: localize("action", a.code, "title", a.title).text }));
  return (
    <>
      <h1 id="progress-title">{t("progress.title")}</h1>
      <p className="muted">{t("progress.intro")}</p>
      <ProgressForm actions={actions} today={new Date().toISOString().slice(0, 10)} />
      <section aria-labelledby="submissions-title">
        <h2 id="submissions-title">{t("submissions.title")}</h2>
        <SubmissionsTable locale={locale} rows={submissions} />
      </section>
    </>
  );
}
