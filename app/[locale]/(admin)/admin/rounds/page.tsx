import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CloseRoundForm } from "@/components/admin/close-round-form";
import { RoundsTable } from "@/components/admin/rounds-table";
import { listRounds } from "@/db/queries/rounds";
import { requirePermission } from "@/lib/server/guards";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "admin" });
  return { title: t("rounds.title") };
}

export default async function RoundsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePermission("rounds:manage", "/admin/rounds");
  const t = await getTranslations({ locale, namespace: "admin" });
  const rounds = await listRounds();
  return (
    <>
      <h1>{t("rounds.title")}</h1>
      <p className="muted">{t("rounds.intro")}</p>
      <section aria-labelledby="close-round-title">
        <h2 id="close-round-title">{t("rounds.formTitle")}</h2>
        <CloseRoundForm today={new Date().toISOString().slice(0, 10)} />
      </section>
      <section aria-labelledby="rounds-list-title">
        <h2 id="rounds-list-title">{t("rounds.listTitle")}</h2>
        <RoundsTable locale={locale} rounds={rounds} />
      </section>
    </>
  );
}
