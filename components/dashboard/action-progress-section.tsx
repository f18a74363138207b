import { getFormatter, getTranslations } from "next-intl/server";
import { ProgressBarChart } from "@/components/charts/lazy-charts";
import { ProgressMeter } from "@/components/ui/progress-meter";
import { StatusBadge } from "@/components/ui/status-badge";
import { Link } from "@/i18n/navigation";
import { getCachedOverview } from "@/lib/public-data";
import { ChartFigure } from "./chart-figure";
import { StatusLegend } from "./status-legend";
import { actionProgressSummary } from "./summaries";
import { UnverifiedBadge } from "./verification-badge";
import styles from "./dashboard.module.css";
import { getLocalizer, Translated } from "./translated-text";
import { viewCutoff, type ViewProps } from "./view-data";
import { viewHref } from "./view-links";

const ROW_HEIGHT = 32;
const AXIS_HEIGHT = 40;

export async function ActionProgressSection({ locale, view }: ViewProps) {
  const [overview, t, tStatus, format, localize] = await Promise.all([
    getCachedOverview(viewCutoff(view)),
    getTranslations({ locale, namespace: "public" }),
    getTranslations({ locale, namespace: "status" }),
    getFormatter({ locale }),
    getLocalizer(locale),
  ]);
  const { actions } = overview;
  const summaryParts = actionProgressSummary(actions, (items) => format.list(items));
  const summary = t(`summaries.${summaryParts.key}`, summaryParts.values);
  const data = actions.map((a) => {
    const status = tStatus(a.status);
    const value = a.percent === null ? null : t("common.percent", { value: a.percent });
    return {
      code: a.code,
      title: localize("action", a.code, "title", a.title).text,
      percent: a.percent ?? 0,
      barLabel: value === null ? status : `${value} · ${status}`,
      details: [value === null ? status : `${status} · ${value}`],
      fill: `var(--status-${a.status})`,
    };
  });
  const height = actions.length * ROW_HEIGHT + AXIS_HEIGHT;
  return (
    <ChartFigure
      id="chart-actions"
      title={t("overview.actionChart.title")}
      summary={summary}
      chartHeight={height}
      wide
      chart={<ProgressBarChart orientation="rows" data={data} title={t("overview.actionChart.title")} summary={summary} height={height} />}
      legend={<StatusLegend statuses={actions.map((a) => a.status)} />}
      table={
        <table className="data-table">
          <caption id="chart-actions-caption">{t("overview.actionChart.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("fields.code")}</th>
              <th scope="col">{t("fields.title")}</th>
              <th scope="col">{t("fields.status")}</th>
              <th scope="col">{t("fields.progress")}</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.code}>
                <th scope="row">
                  <Link href={viewHref(`/actions/${a.code}`, view)}>{a.code}</Link>
                </th>
                <td>
                  <span className={styles.titleCell}>
                    <Translated locale={locale} entity="action" entityKey={a.code} field="title" text={a.title} /> <UnverifiedBadge verified={a.verified} />
                  </span>
                </td>
                <td>
                  <StatusBadge status={a.status} />
                </td>
                <td className={styles.meterCell}>
                  <ProgressMeter value={a.percent} label={t("common.progressOf", { name: a.code })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
