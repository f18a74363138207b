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

export type VisionProgressDatum = {
  code: string;
  title: string;
  percent: number;
  valueText: string;
  /** The rolled-up status in the page language. */
  statusLabel: string;
  coverageText: string;
  /** An SVG paint, normally `var(--status-<status>)`. */
  fill: string;
};

const TICKS = [0, 25, 50, 75, 100];

// Recharts drops zero-length bars unless the shape is custom; keeping them keeps their track and value label.
const barShape = (props: BarShapeProps) => <Rectangle {...props} />;

/** Rolled-up progress of each vision, one column per vision, coloured by its rolled-up status. */
export function VisionProgressChart({
  data,
  title,
  summary,
  height,
}: {
  data: VisionProgressDatum[];
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
            <p>
              {datum.statusLabel} · {datum.valueText}
            </p>
            <p>{datum.coverageText}</p>
          </>
        ) : null}
      </div>
    );
  };
  // The bar says its status in words too, so colour is never the only carrier of it.
  const labelled = data.map((d) => ({ ...d, barLabel: `${d.valueText} · ${d.statusLabel}` }));

  return (
    <BarChart
      className={styles.chart}
      accessibilityLayer
      responsive
      title={title}
      desc={summary}
      data={labelled}
      style={{ width: "100%", height }}
      margin={{ top: 24, right: 8, bottom: 4, left: 0 }}
    >
      <CartesianGrid vertical={false} strokeDasharray="3 3" />
      <XAxis dataKey="code" tick={{ fill: "var(--color-text)" }} />
      <YAxis
        domain={[0, 100]}
        ticks={TICKS}
        width={56}
        tickFormatter={(v: number) => format.number(v / 100, { style: "percent" })}
        tick={{ fill: "var(--color-text)" }}
      />
      <Tooltip content={renderTooltip} isAnimationActive={animate} cursor={{ fill: "rgb(0 0 0 / 0.06)" }} />
      <Bar dataKey="percent" shape={barShape} isAnimationActive={animate} background={{ fill: "#eef0f3" }} maxBarSize={72}>
        <LabelList dataKey="barLabel" position="top" fill="var(--color-text)" />
      </Bar>
    </BarChart>
  );
}
