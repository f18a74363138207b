import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ProgressBarChart } from "@/components/charts/progress-bar-chart";
import { visionBar } from "@/components/dashboard/vision-bar";
import { visionProgressSummary } from "@/components/dashboard/summaries";
import { viewHref } from "@/components/dashboard/view-links";
import { EmbedFrame } from "@/components/downloads/embed-frame";
import { embedView } from "@/components/downloads/embed-view";
import { getCachedOverview } from "@/lib/public-data";

// Cached per view: the proxy rewrites ?asOf= and ?round= onto the [view] segment.
export function generateStaticParams(): { view: string }[] {
  return [];
}

const CHART_HEIGHT = 300;

type Props = { params: Promise<{ view: string }> };

export async function generateMetadata(): Promise<Metadata> {
  setRequestLocale("en");
  const t = await getTranslations({ locale: "en", namespace: "downloads" });
  return { title: t("embedPage.progressTitle") };
}

export default async function EmbedProgressPage({ params }: Props) {
  setRequestLocale("en");
  const { view, cutoff } = await embedView((await params).view);
  const [overview, t, tPublic, tStatus, format] = await Promise.all([
    getCachedOverview(cutoff),
    getTranslations({ locale: "en", namespace: "downloads" }),
    getTranslations({ locale: "en", namespace: "public" }),
    getTranslations({ locale: "en", namespace: "status" }),
    getFormatter({ locale: "en" }),
  ]);
  const { visions } = overview;
  const parts = visionProgressSummary(visions, (items) => format.list(items));
  const summary = tPublic(`summaries.${parts.key}`, parts.values);
  const title = t("embedPage.progressTitle");
  const rows = visions.map((v) => ({
    vision: v,
    value: t("embedPage.percent", { value: v.percent }),
    status: tStatus(v.status),
    coverage: tPublic("visions.coverageValue", { coverage: v.coverage }),
  }));
  const data = rows.map((r) => visionBar(r.vision, r.vision.title, r));
  return (
    <EmbedFrame
      id="embed-progress"
      title={title}
      summary={summary}
      view={view}
      chartHeight={CHART_HEIGHT}
      chart={<ProgressBarChart orientation="columns" data={data} title={title} summary={summary} height={CHART_HEIGHT} />}
      href={viewHref("/visions", view)}
      table={
        <table className="data-table">
          <caption id="embed-progress-caption">{t("embedPage.progressCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("embedPage.code")}</th>
              <th scope="col">{t("embedPage.title")}</th>
              <th scope="col">{t("embedPage.status")}</th>
              <th scope="col">{t("embedPage.progress")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.vision.code}>
                <th scope="row">{r.vision.code}</th>
                <td>{r.vision.title}</td>
                <td>{r.status}</td>
                <td>{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
