import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { CorrectionDetails } from "@/components/admin/correction-details";
import { CorrectionItem } from "@/components/admin/correction-item";
import { getLocalizer } from "@/components/dashboard/translated-text";
import { listPublishedForCorrection } from "@/db/queries/updates";
import { requirePermission } from "@/lib/server/guards";
import styles from "@/components/admin/admin.module.css";

export const dynamic = "force-dynamic";

const LIMIT = 50;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "admin" });
  return { title: t("corrections.title") };
}

export default async function CorrectionsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePermission("update:correct", "/admin/corrections");
  const [t, format, localize] = await Promise.all([
    getTranslations({ locale, namespace: "admin.corrections" }),
    getFormatter({ locale }),
    getLocalizer(locale),
  ]);
  const rows = await listPublishedForCorrection(actor, LIMIT);
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {rows.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <>
          <p className="muted">{t("listHint", { limit: LIMIT })}</p>
          <ol className={styles.queue} aria-label={t("listLabel")}>
            {rows.map((row) => (
              <li key={row.id}>
                <CorrectionItem
                  original={{
                    id: row.id,
                    actionCode: row.actionCode,
                    status: row.status,
                    percent: row.percent,
                    narrative: row.narrative,
                    evidenceLinks: row.evidenceLinks.map((l) => l.url),
                    occurredOn: row.occurredOn,
                  }}
                  heading={t("heading", { code: row.actionCode, title: localize("action", row.actionCode, "title", row.actionTitle).text })}
                  context={t("forUpdate", {
                    code: row.actionCode,
                    date: format.dateTime(new Date(row.reviewedAt ?? row.createdAt), { dateStyle: "medium", timeStyle: "short" }),
                  })}
                  details={<CorrectionDetails locale={locale} row={row} />}
                  correction={row.correction}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
