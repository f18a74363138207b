import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PlanItemForm } from "@/components/admin/plan-item-form";
import { listEditablePlan } from "@/db/queries/plan-admin";
import { Link } from "@/i18n/navigation";
import { requirePermission } from "@/lib/server/guards";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; code: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, code } = await params;
  const t = await getTranslations({ locale, namespace: "admin" });
  return { title: t("plan.editActionTitle", { code }) };
}

export default async function EditActionPage({ params }: { params: Params }) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const actor = await requirePermission("plan:edit", `/admin/plan/actions/${encodeURIComponent(code)}`);
  const t = await getTranslations({ locale, namespace: "admin" });
  const { visions, actions } = await listEditablePlan(actor);
  const action = actions.find((a) => a.code === code);
  if (!action) notFound();
  return (
    <>
      <p>
        <Link href="/admin/plan">{t("plan.back")}</Link>
      </p>
      <h1 id="edit-title">{t("plan.editActionTitle", { code: action.code })}</h1>
      <PlanItemForm kind="action" item={action} visions={visions.map((v) => ({ code: v.code, title: v.title }))} />
    </>
  );
}
