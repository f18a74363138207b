import { getFormatter, getTranslations } from "next-intl/server";
import { ProgressBarChart } from "@/components/charts/lazy-charts";
import { visionBar } from "./vision-bar";
import { ProgressMeter } from "@/components/ui/progress-meter";
import { StatusBadge } from "@/components/ui/status-badge";
import { Link } from "@/i18n/navigation";
import { getCachedOverview } from "@/lib/public-data";
import { ChartFigure } from "./chart-figure";
import { StatusLegend } from "./status-legend";
import { visionProgressSummary } from "./summaries";
import { UnverifiedBadge } from "./verification-badge";
import styles from "./dashboard.module.css";
import { getLocalizer, Translated } from "./translated-text";
import { viewCutoff, type ViewProps } from "./view-data";
import { viewHref } from "./view-links";

const CHART_HEIGHT = 300;

export async function VisionProgressSection({ locale, view }: ViewProps) {
  const [overview, t, tStatus, format, localize] = await Promise.all([
    getCachedOverview(viewCutoff(view)),
    getTranslations({ locale, namespace: "public" }),
    getTranslations({ locale, namespace: "status" }),
    getFormatter({ locale }),
    getLocalizer(locale),
  ]);
  const { visions } = overview;
  const summaryParts = visionProgressSummary(visions, (items) => format.list(items));
  const summary = t(`summaries.${summaryParts.key}`, summaryParts.values);
  const data = visions.map((v) =>
    visionBar(v, localize("vision", v.code, "title", v.title).text, {
      value: t("common.percent", { value: v.percent }),
      status: tStatus(v.status),
      coverage: t("visions.coverageValue", { coverage: v.coverage }),
    }),
  );
  const height = CHART_HEIGHT;
  return (
    <ChartFigure
      id="chart-visions"
      title={t("overview.visionChart.title")}
      summary={summary}
      chartHeight={height}
      chart={<ProgressBarChart orientation="columns" data={data} title={t("overview.visionChart.title")} summary={summary} height={height} />}
      legend={<StatusLegend statuses={visions.map((v) => v.status)} />}
      table={
        <table className="data-table">
          <caption id="chart-visions-caption">{t("overview.visionChart.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("fields.code")}</th>
              <th scope="col">{t("fields.title")}</th>
              <th scope="col">{t("fields.status")}</th>
              <th scope="col">{t("fields.progress")}</th>
              <th scope="col">{t("fields.coverage")}</th>
            </tr>
          </thead>
          <tbody>
            {visions.map((v) => (
              <tr key={v.code}>
                <th scope="row">
                  <Link href={viewHref(`/visions/${v.code}`, view)}>{v.code}</Link>
                </th>
                <td>
                  <span className={styles.titleCell}>
                    <Translated locale={locale} entity="vision" entityKey={v.code} field="title" text={v.title} /> <UnverifiedBadge verified={v.verified} />
                  </span>
                </td>
                <td>
                  <StatusBadge status={v.status} />
                </td>
                <td className={styles.meterCell}>
                  <ProgressMeter value={v.percent} label={t("common.progressOf", { name: v.code })} />
                </td>
                <td>{format.number(v.coverage, { style: "percent", maximumFractionDigits: 0 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
