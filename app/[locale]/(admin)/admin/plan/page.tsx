import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PlanTable } from "@/components/admin/plan-tables";
import { listEditablePlan } from "@/db/queries/plan-admin";
import { requirePermission } from "@/lib/server/guards";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "admin" });
  return { title: t("plan.title") };
}

export default async function PlanPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePermission("plan:edit", "/admin/plan");
  const t = await getTranslations({ locale, namespace: "admin" });
  const plan = await listEditablePlan(actor);
  return (
    <>
      <h1>{t("plan.title")}</h1>
      <p className="muted">{t("plan.intro")}</p>
      <PlanTable locale={locale} titleId="visions-title" title={t("plan.visions")} items={plan.visions} editBase="/admin/plan/visions" />
      <PlanTable locale={locale} titleId="actions-title" title={t("plan.actions")} items={plan.actions} editBase="/admin/plan/actions" />
    </>
  );
}
