import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { StatusDistributionChart } from "@/components/charts/status-distribution-chart";
import { statusSummary } from "@/components/dashboard/summaries";
import { viewHref } from "@/components/dashboard/view-links";
import { EmbedFrame } from "@/components/downloads/embed-frame";
import { embedView } from "@/components/downloads/embed-view";
import { getCachedOverview } from "@/lib/public-data";
import { DISPLAY_STATUSES } from "@/lib/vocabulary";

// Cached per view: the proxy rewrites ?asOf= and ?round= onto the [view] segment.
export function generateStaticParams(): { view: string }[] {
  return [];
}

const ROW_HEIGHT = 34;
const AXIS_HEIGHT = 40;

type Props = { params: Promise<{ view: string }> };

export async function generateMetadata(): Promise<Metadata> {
  setRequestLocale("en");
  const t = await getTranslations({ locale: "en", namespace: "downloads" });
  return { title: t("embedPage.statusTitle") };
}

export default async function EmbedStatusPage({ params }: Props) {
  setRequestLocale("en");
  const { view, cutoff } = await embedView((await params).view);
  const [overview, t, tPublic, tStatus, format] = await Promise.all([
    getCachedOverview(cutoff),
    getTranslations({ locale: "en", namespace: "downloads" }),
    getTranslations({ locale: "en", namespace: "public" }),
    getTranslations({ locale: "en", namespace: "status" }),
    getFormatter({ locale: "en" }),
  ]);
  const parts = statusSummary(overview.statusCounts);
  const summary = tPublic(`summaries.${parts.key}`, parts.values);
  const title = t("embedPage.statusTitle");
  const data = DISPLAY_STATUSES.map((status) => ({ status, label: tStatus(status), count: overview.statusCounts[status], fill: `var(--status-${status})` }));
  const height = DISPLAY_STATUSES.length * ROW_HEIGHT + AXIS_HEIGHT;
  return (
    <EmbedFrame
      id="embed-status"
      title={title}
      summary={summary}
      view={view}
      chartHeight={height}
      chart={<StatusDistributionChart data={data} title={title} summary={summary} height={height} countLabel={t("embedPage.count")} />}
      href={viewHref("/", view)}
      table={
        <table className="data-table">
          <caption id="embed-status-caption">{t("embedPage.statusCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("embedPage.status")}</th>
              <th scope="col">{t("embedPage.count")}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.status}>
                <th scope="row">{d.label}</th>
                <td>{format.number(d.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
