import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ImportForm } from "@/components/import/import-form";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/open-data/import";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/lib/server/guards";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "import" });
  return { title: t("title") };
}

export default async function ImportPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePermission("update:submit", "/admin/import");
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: "import" }), getFormatter({ locale })]);
  const canImportPlan = can(actor, "plan:edit");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {canImportPlan ? <p>{t("introAdmin")}</p> : null}
      <p>{t("limits", { megabytes: IMPORT_MAX_BYTES / (1024 * 1024), rows: format.number(IMPORT_MAX_ROWS) })}</p>
      <ImportForm canImportPlan={canImportPlan} maxBytes={IMPORT_MAX_BYTES} />
    </>
  );
}
