import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import styles from "./dashboard.module.css";
import { TableScroll } from "./table-scroll";

/**
 * A chart with everything that makes it usable without seeing it: a heading,
 * a generated one-line summary (the figure's caption) and the same data as a
 * server-rendered table.
 */
export function ChartFigure({
  id,
  title,
  summary,
  chart,
  legend,
  table,
  chartHeight,
  wide = false,
}: {
  id: string;
  title: string;
  summary: string;
  chart: ReactNode;
  legend?: ReactNode;
  /** Its caption must carry the id `${id}-caption`. */
  table: ReactNode;
  /** Reserved before the chart draws in the browser, so the page does not jump. */
  chartHeight: number;
  wide?: boolean;
}) {
  const t = useTranslations("common");
  return (
    <figure
      className={wide ? `${styles.chartFigure} ${styles.wide}` : styles.chartFigure}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-summary`}
    >
      <figcaption>
        <h3 id={`${id}-title`} className={styles.chartTitle}>
          {title}
        </h3>
        <p id={`${id}-summary`} className={styles.summary}>
          {summary}
        </p>
      </figcaption>
      <div className={styles.chartBox} style={{ minBlockSize: chartHeight }}>
        {chart}
      </div>
      {legend}
      <details className={styles.details}>
        <summary>{t("showTable")}</summary>
        <TableScroll captionId={`${id}-caption`}>{table}</TableScroll>
      </details>
    </figure>
  );
}
