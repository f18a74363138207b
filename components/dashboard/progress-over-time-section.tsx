import { getFormatter, getTranslations } from "next-intl/server";
import { ProgressOverTimeChart } from "@/components/charts/lazy-charts";
import type { ProgressOverTimeDatum } from "@/components/charts/progress-over-time-chart";
import { PLAN_SERIES_STYLE, seriesStyleAt, type ProgressSeries } from "@/components/charts/series-styles";
import { Link } from "@/i18n/navigation";
import { buildHistory } from "@/lib/history";
import { getCachedHistoryPoints, getCachedOverview } from "@/lib/public-data";
import { ChartFigure } from "./chart-figure";
import styles from "./dashboard.module.css";
import { DATE_STYLE, toDate } from "./dates";
import { compactHistory } from "./history-compact";
import { FormattedDate } from "./formatted-date";
import { SeriesLegend } from "./series-legend";
import { historySummary } from "./summaries";
import { getLocalizer } from "./translated-text";
import { viewCutoff, type ViewProps } from "./view-data";
import { viewHref } from "./view-links";

const CHART_HEIGHT = 320;
const PLAN_KEY = "plan";

/** The plan average and every vision over time, replayed from the published history as of the view. */
export async function ProgressOverTimeSection({ locale, view }: ViewProps) {
  const cutoff = viewCutoff(view);
  const [overview, points, t, format, localize] = await Promise.all([
    getCachedOverview(cutoff),
    getCachedHistoryPoints(cutoff),
    getTranslations({ locale, namespace: "public" }),
    getFormatter({ locale }),
    getLocalizer(locale),
  ]);
  const mapping = overview.actions.flatMap((a) => a.visions.map((v) => ({ actionCode: a.code, visionCode: v.code, weight: v.weight })));
  const history = buildHistory(
    points,
    overview.actions.map((a) => a.code),
    mapping,
  );
  // The summary speaks of the whole history; the chart and table show at most one row per week or month when it is long.
  const rows = compactHistory(history);
  const formatDate = (iso: string) => format.dateTime(toDate(iso), DATE_STYLE);
  const summaryParts = historySummary(history, (items) => format.list(items), formatDate);
  const summary = t(`summaries.${summaryParts.key}`, summaryParts.values);
  const title = t("overview.historyChart.title");
  const visions = overview.visions;
  const series: ProgressSeries[] = [
    { key: PLAN_KEY, name: t("fields.plan"), ...PLAN_SERIES_STYLE },
    ...visions.map((v, i) => ({ key: v.code, name: v.code, ...seriesStyleAt(i) })),
  ];
  const data: ProgressOverTimeDatum[] = rows.map((r) => ({
    time: toDate(r.date).getTime(),
    dateLabel: formatDate(r.date),
    values: { [PLAN_KEY]: r.plan, ...r.visions },
  }));
  if (rows.length === 0) {
    return (
      <figure className={`${styles.chartFigure} ${styles.wide}`} aria-labelledby="chart-history-title">
        <figcaption>
          <h3 id="chart-history-title" className={styles.chartTitle}>
            {title}
          </h3>
        </figcaption>
        <p className={styles.empty}>{summary}</p>
      </figure>
    );
  }
  const percent = (value: number | undefined) => (value === undefined ? "" : t("common.percent", { value }));
  return (
    <ChartFigure
      id="chart-history"
      title={title}
      summary={summary}
      chartHeight={CHART_HEIGHT}
      wide
      chart={<ProgressOverTimeChart data={data} series={series} title={title} summary={summary} height={CHART_HEIGHT} />}
      legend={
        <>
          <SeriesLegend series={series} />
          <p className={`muted ${styles.small}`}>{t("overview.historyChart.hint")}</p>
        </>
      }
      table={
        <table className="data-table">
          <caption id="chart-history-caption">{t("overview.historyChart.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("fields.date")}</th>
              <th scope="col">{t("fields.plan")}</th>
              {visions.map((v) => (
                <th key={v.code} scope="col">
                  <Link href={viewHref(`/visions/${v.code}`, view)} title={localize("vision", v.code, "title", v.title).text}>
                    {v.code}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.date}>
                <th scope="row">
                  <FormattedDate value={r.date} />
                </th>
                <td>{percent(r.plan)}</td>
                {visions.map((v) => (
                  <td key={v.code}>{percent(r.visions[v.code])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
