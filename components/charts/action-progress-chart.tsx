"use client";

import { useFormatter } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Rectangle,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
  type TooltipContentProps,
} from "recharts";
import styles from "./charts.module.css";
import { usePrefersReducedMotion } from "./use-prefers-reduced-motion";

export type ActionProgressDatum = {
  code: string;
  title: string;
  /** 0–100; an unassessed action is drawn as 0. */
  percent: number;
  assessed: boolean;
  /** The percent as the page shows it, or the status when there is no percent yet. */
  valueText: string;
  statusLabel: string;
  /** An SVG paint, normally `var(--status-<status>)`. */
  fill: string;
};

const TICKS = [0, 25, 50, 75, 100];

// Recharts drops zero-length bars unless the shape is custom; keeping them keeps their track and value label.
const barShape = (props: BarShapeProps) => <Rectangle {...props} />;

/** Progress of each action as horizontal bars on a fixed 0–100% scale. */
export function ActionProgressChart({
  data,
  title,
  summary,
  height,
}: {
  data: ActionProgressDatum[];
  title: string;
  summary: string;
  /** In CSS pixels; the server reserves the same space before the chart draws. */
  height: number;
}) {
  const format = useFormatter();
  const animate = !usePrefersReducedMotion();
  const renderTooltip = ({ active, label }: TooltipContentProps) => {
    const datum = data.find((d) => d.code === label);
    return (
      <div className={styles.tooltip} role="status">
        {active && datum ? (
          <>
            <p className={styles.tooltipTitle}>
              {datum.code} · {datum.title}
            </p>
            <p>{datum.assessed ? `${datum.statusLabel} · ${datum.valueText}` : datum.statusLabel}</p>
          </>
        ) : null}
      </div>
    );
  };
  // The bar says its status in words too, so colour is never the only carrier of it.
  const labelled = data.map((d) => ({ ...d, barLabel: d.assessed ? `${d.valueText} · ${d.statusLabel}` : d.statusLabel }));

  return (
    <BarChart
      className={styles.chart}
      accessibilityLayer
      responsive
      title={title}
      desc={summary}
      data={labelled}
      layout="vertical"
      style={{ width: "100%", height }}
      margin={{ top: 4, right: 132, bottom: 4, left: 8 }}
    >
      <CartesianGrid horizontal={false} strokeDasharray="3 3" />
      <XAxis
        type="number"
        domain={[0, 100]}
        ticks={TICKS}
        tickFormatter={(v: number) => format.number(v / 100, { style: "percent" })}
        tick={{ fill: "var(--color-text)" }}
      />
      <YAxis type="category" dataKey="code" width={48} tick={{ fill: "var(--color-text)" }} />
      <Tooltip content={renderTooltip} isAnimationActive={animate} cursor={{ fill: "rgb(0 0 0 / 0.06)" }} />
      <Bar dataKey="percent" shape={barShape} isAnimationActive={animate} background={{ fill: "#eef0f3" }}>
        <LabelList dataKey="barLabel" position="right" fill="var(--color-text)" />
      </Bar>
    </BarChart>
  );
}
