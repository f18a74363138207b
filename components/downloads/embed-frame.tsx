import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { TableScroll } from "@/components/dashboard/table-scroll";
import type { View } from "@/lib/view";
import styles from "./embed.module.css";

/** An embedded chart: a heading, a one-line summary, the chart, its data as a table, and a way back to the site. */
export async function EmbedFrame({
  id,
  title,
  summary,
  view,
  chart,
  chartHeight,
  table,
  href,
}: {
  id: string;
  title: string;
  summary: string;
  view: View;
  chart: ReactNode;
  chartHeight: number;
  /** Its caption must carry the id `${id}-caption`. */
  table: ReactNode;
  href: string;
}) {
  const t = await getTranslations({ locale: "en", namespace: "downloads" });
  const asOf = view.kind === "asOf" ? view.date : view.kind === "round" ? view.cutoffDate : null;
  return (
    <figure aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`} style={{ margin: 0 }}>
      <figcaption>
        <h1 id={`${id}-title`} className={styles.title}>
          {title}
        </h1>
        <p id={`${id}-summary`} className={styles.summary}>
          {asOf ? t("embedPage.asOf", { date: asOf }) : ""}
          {summary}
        </p>
      </figcaption>
      <div style={{ minBlockSize: chartHeight }}>{chart}</div>
      <details>
        <summary>{t("embedPage.showTable")}</summary>
        <TableScroll captionId={`${id}-caption`}>{table}</TableScroll>
      </details>
      <p className={styles.footer}>
        <a href={href} target="_blank" rel="noopener">
          {t("embedPage.viewOn")}
        </a>
      </p>
    </figure>
  );
}
