import { getFormatter, getTranslations } from "next-intl/server";
import type { RoundRow } from "@/db/queries/rounds";
import { StatusBadge } from "@/components/ui/status-badge";
import { Link } from "@/i18n/navigation";
import { getCachedPlanState } from "@/lib/public-data";
import { compareStates, comparisonSummary } from "./compare";
import styles from "./dashboard.module.css";
import { DATE_STYLE, toDate } from "./dates";
import { TableScroll } from "./table-scroll";
import { getLocalizer, Translated } from "./translated-text";
import { viewCutoff } from "./view-data";
import { roundView, viewHref } from "./view-links";

/** Each action's status and progress at one round's cut-off against another's. */
export async function RoundComparison({ locale, from, to }: { locale: string; from: RoundRow; to: RoundRow }) {
  const fromView = roundView(from);
  const toView = roundView(to);
  const [before, after, t, tStatus, format, localize] = await Promise.all([
    getCachedPlanState(viewCutoff(fromView)),
    getCachedPlanState(viewCutoff(toView)),
    getTranslations({ locale, namespace: "public" }),
    getTranslations({ locale, namespace: "status" }),
    getFormatter({ locale }),
    getLocalizer(locale),
  ]);
  const fromName = localize("round", from.slug, "name", from.name).text;
  const toName = localize("round", to.slug, "name", to.name).text;
  const comparison = compareStates(before.actions, after.actions);
  const summaryParts = comparisonSummary(comparison);
  const percent = (value: number | null) => (value === null ? tStatus("not_yet_assessed") : t("common.percent", { value }));
  const formatDate = (iso: string) => format.dateTime(toDate(iso), DATE_STYLE);
  return (
    <section className={styles.section} aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">{t("compare.resultsHeading", { from: fromName, to: toName })}</h2>
      <p id="comparison-summary" className={styles.summary}>
        {t(`summaries.${summaryParts.key}`, summaryParts.values)}
      </p>
      <TableScroll captionId="comparison-caption">
        <table className="data-table" aria-describedby="comparison-summary">
          <caption id="comparison-caption">
            {t("compare.caption", { from: fromName, to: toName, fromDate: formatDate(from.cutoffDate), toDate: formatDate(to.cutoffDate) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("fields.code")}</th>
              <th scope="col">{t("fields.title")}</th>
              <th scope="col">{t("fields.status")}</th>
              <th scope="col">{t("fields.progress")}</th>
              <th scope="col">{t("fields.change")}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.rows.map((r) => (
              <tr key={r.code}>
                <th scope="row">
                  <Link href={viewHref(`/actions/${r.code}`, toView)}>{r.code}</Link>
                </th>
                <td>
                  <Translated locale={locale} entity="action" entityKey={r.code} field="title" text={r.title} />
                </td>
                <td>
                  {r.statusChanged ? (
                    <span className={styles.fromTo}>
                      <StatusBadge status={r.fromStatus} />
                      <span aria-hidden="true" className="flow-arrow">→</span>
                      <span className="visually-hidden">{t("compare.to")}</span>
                      <StatusBadge status={r.toStatus} />
                    </span>
                  ) : (
                    <span className={styles.fromTo}>
                      <StatusBadge status={r.toStatus} />
                      <span className="muted">{t("compare.same")}</span>
                    </span>
                  )}
                </td>
                <td>
                  {r.fromPercent === r.toPercent
                    ? t("compare.unchanged", { value: percent(r.toPercent) })
                    : t("compare.fromTo", { from: percent(r.fromPercent), to: percent(r.toPercent) })}
                </td>
                <td className={styles.change}>
                  {t("compare.change", { direction: r.change > 0 ? "up" : r.change < 0 ? "down" : "none", points: Math.abs(r.change) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
