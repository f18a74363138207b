import { getFormatter, getTranslations } from "next-intl/server";
import { StatusDistributionChart } from "@/components/charts/lazy-charts";
import { StatusBadge } from "@/components/ui/status-badge";
import { Link } from "@/i18n/navigation";
import { getCachedOverview } from "@/lib/public-data";
import { DISPLAY_STATUSES } from "@/lib/vocabulary";
import { ChartFigure } from "./chart-figure";
import { statusSummary } from "./summaries";
import { viewCutoff, type ViewProps } from "./view-data";
import { viewParams } from "./view-links";

const ROW_HEIGHT = 34;
const AXIS_HEIGHT = 40;

export async function StatusChartSection({ locale, view }: ViewProps) {
  const [overview, t, tStatus, format] = await Promise.all([
    getCachedOverview(viewCutoff(view)),
    getTranslations({ locale, namespace: "public" }),
    getTranslations({ locale, namespace: "status" }),
    getFormatter({ locale }),
  ]);
  const summaryParts = statusSummary(overview.statusCounts);
  const summary = t(`summaries.${summaryParts.key}`, summaryParts.values);
  const data = DISPLAY_STATUSES.map((status) => ({
    status,
    label: tStatus(status),
    count: overview.statusCounts[status],
    fill: `var(--status-${status})`,
  }));
  const height = DISPLAY_STATUSES.length * ROW_HEIGHT + AXIS_HEIGHT;
  return (
    <ChartFigure
      id="chart-status"
      title={t("overview.statusChart.title")}
      summary={summary}
      chartHeight={height}
      chart={
        <StatusDistributionChart
          data={data}
          title={t("overview.statusChart.title")}
          summary={summary}
          height={height}
          countLabel={t("fields.count")}
        />
      }
      table={
        <table className="data-table">
          <caption id="chart-status-caption">{t("overview.statusChart.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("fields.status")}</th>
              <th scope="col">{t("fields.count")}</th>
            </tr>
          </thead>
          <tbody>
            {DISPLAY_STATUSES.map((status) => (
              <tr key={status}>
                <th scope="row">
                  <Link href={{ pathname: "/actions", query: { status, ...viewParams(view) } }}>
                    <StatusBadge status={status} />
                  </Link>
                </th>
                <td>{format.number(overview.statusCounts[status])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
