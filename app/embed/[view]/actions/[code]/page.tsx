import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ProgressOverTimeChart } from "@/components/charts/progress-over-time-chart";
import { PLAN_SERIES_STYLE } from "@/components/charts/series-styles";
import { DATE_STYLE, toDate } from "@/components/dashboard/dates";
import { progressPoints } from "@/components/dashboard/status-changes";
import { viewHref } from "@/components/dashboard/view-links";
import { EmbedFrame } from "@/components/downloads/embed-frame";
import { embedView } from "@/components/downloads/embed-view";
import { getCachedActionDetail } from "@/lib/public-data";

// Cached per view: the proxy rewrites ?asOf= and ?round= onto the [view] segment.
export function generateStaticParams(): { view: string; code: string }[] {
  return [];
}

const CHART_HEIGHT = 260;

type Props = { params: Promise<{ view: string; code: string }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  setRequestLocale("en");
  const t = await getTranslations({ locale: "en", namespace: "downloads" });
  return { title: t("embedPage.actionTitle", { code: (await params).code }) };
}

export default async function EmbedActionPage({ params }: Props) {
  setRequestLocale("en");
  const { code, view: segment } = await params;
  const { view, cutoff } = await embedView(segment);
  const [detail, t, tStatus, format] = await Promise.all([
    getCachedActionDetail(code, cutoff),
    getTranslations({ locale: "en", namespace: "downloads" }),
    getTranslations({ locale: "en", namespace: "status" }),
    getFormatter({ locale: "en" }),
  ]);
  if (!detail) notFound();
  const { action } = detail;
  const points = progressPoints(detail.timeline);
  const formatDate = (iso: string) => format.dateTime(toDate(iso), DATE_STYLE);
  const title = t("embedPage.actionTitle", { code: action.code });
  const summary =
    points.length === 0
      ? t("embedPage.noAssessments", { code: action.code })
      : t("embedPage.actionSummary", {
          code: action.code,
          status: tStatus(action.status).toLowerCase(),
          percent: action.percent === null ? "none" : String(action.percent),
          count: points.length,
        });
  const series = [{ key: action.code, name: action.code, ...PLAN_SERIES_STYLE }];
  const data = points.map((p) => ({ time: toDate(p.occurredOn).getTime(), dateLabel: formatDate(p.occurredOn), values: { [action.code]: p.percent } }));
  return (
    <EmbedFrame
      id="embed-action"
      title={title}
      summary={summary}
      view={view}
      chartHeight={points.length ? CHART_HEIGHT : 0}
      chart={points.length ? <ProgressOverTimeChart data={data} series={series} title={title} summary={summary} height={CHART_HEIGHT} /> : null}
      href={viewHref(`/actions/${action.code}`, view)}
      table={
        <table className="data-table">
          <caption id="embed-action-caption">{t("embedPage.actionCaption", { code: action.code })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("embedPage.date")}</th>
              <th scope="col">{t("embedPage.progress")}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.occurredOn}>
                <th scope="row">{formatDate(p.occurredOn)}</th>
                <td>{t("embedPage.percent", { value: p.percent })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
