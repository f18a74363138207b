import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PublishedTable } from "@/components/admin/published-table";
import { ReviewDetails } from "@/components/admin/review-details";
import { ReviewQueue } from "@/components/admin/review-queue";
import { listRecentlyReviewed, listReviewQueue } from "@/db/queries/updates";
import { getLocalizer } from "@/components/dashboard/translated-text";
import { requirePermission } from "@/lib/server/guards";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "admin" });
  return { title: t("review.title") };
}

export default async function ReviewPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePermission("update:review", "/admin/review");
  const t = await getTranslations({ locale, namespace: "admin" });
  const [queue, recent, localize] = await Promise.all([listReviewQueue(actor), listRecentlyReviewed(actor), getLocalizer(locale)]);
  const items = queue.map((row) => ({
    id: row.id,
    heading: t("review.heading", { code: row.actionCode, title: localize("action", row.actionCode, "title", row.actionTitle).text }),
    details: <ReviewDetails locale={locale} row={row} />,
  }));
  return (
    <>
      <h1>{t("review.title")}</h1>
      <p className="muted">{t("review.intro")}</p>
      <ReviewQueue items={items} label={t("review.queueLabel")} />
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{t("review.recentTitle")}</h2>
        <PublishedTable locale={locale} rows={recent} />
      </section>
    </>
  );
}
