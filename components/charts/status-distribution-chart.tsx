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

export type StatusDistributionDatum = {
  status: string;
  /** The status name in the page language. */
  label: string;
  count: number;
  /** An SVG paint, normally `var(--status-<status>)`. */
  fill: string;
};

// Recharts drops zero-length bars unless the shape is custom; keeping them keeps their "0" label.
const barShape = (props: BarShapeProps) => <Rectangle {...props} />;

/** How many actions are in each status, one horizontal bar per status. */
export function StatusDistributionChart({
  data,
  title,
  summary,
  height,
  countLabel,
}: {
  data: StatusDistributionDatum[];
  title: string;
  summary: string;
  /** In CSS pixels; the server reserves the same space before the chart draws. */
  height: number;
  countLabel: string;
}) {
  const format = useFormatter();
  const animate = !usePrefersReducedMotion();
  const max = Math.max(1, ...data.map((d) => d.count));
  const renderTooltip = ({ active, label }: TooltipContentProps) => {
    const datum = data.find((d) => d.label === label);
    return (
      <div className={styles.tooltip} role="status">
        {active && datum ? (
          <>
            <p className={styles.tooltipTitle}>{datum.label}</p>
            <p>
              {countLabel}: {format.number(datum.count)}
            </p>
          </>
        ) : null}
      </div>
    );
  };
  return (
    <BarChart
      className={styles.chart}
      accessibilityLayer
      responsive
      title={title}
      desc={summary}
      data={data}
      layout="vertical"
      style={{ width: "100%", height }}
      margin={{ top: 4, right: 32, bottom: 4, left: 8 }}
    >
      <CartesianGrid horizontal={false} strokeDasharray="3 3" />
      <XAxis
        type="number"
        domain={[0, max]}
        allowDecimals={false}
        tickFormatter={(v: number) => format.number(v)}
        tick={{ fill: "var(--color-text)" }}
      />
      <YAxis type="category" dataKey="label" width={140} tick={{ fill: "var(--color-text)" }} />
      <Tooltip content={renderTooltip} isAnimationActive={animate} cursor={{ fill: "rgb(0 0 0 / 0.06)" }} />
      <Bar dataKey="count" name={countLabel} shape={barShape} isAnimationActive={animate}>
        <LabelList dataKey="count" position="right" fill="var(--color-text)" />
      </Bar>
    </BarChart>
  );
}
