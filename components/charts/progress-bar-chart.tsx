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

export type ProgressBarDatum = {
  code: string;
  title: string;
  /** 0–100; an unassessed item is drawn as 0. */
  percent: number;
  /** Drawn beside the bar: the value and the status in words, so colour never carries the status alone. */
  barLabel: string;
  /** Lines under the title in the keyboard/hover tooltip. */
  details: string[];
  /** An SVG paint, normally `var(--status-<status>)`. */
  fill: string;
};

const TICKS = [0, 25, 50, 75, 100];

// Recharts drops zero-length bars unless the shape is custom; keeping them keeps their track and value label.
const barShape = (props: BarShapeProps) => <Rectangle {...props} />;

/**
 * Progress of each action or vision on a fixed 0–100% scale: horizontal
 * rows for the ten actions, vertical columns for the five visions.
 */
export function ProgressBarChart({
  data,
  title,
  summary,
  height,
  orientation,
}: {
  data: ProgressBarDatum[];
  title: string;
  summary: string;
  /** In CSS pixels; the server reserves the same space before the chart draws. */
  height: number;
  orientation: "rows" | "columns";
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
            {datum.details.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </>
        ) : null}
      </div>
    );
  };
  const percentAxis = {
    domain: [0, 100],
    ticks: TICKS,
    tickFormatter: (v: number) => format.number(v / 100, { style: "percent" }),
    tick: { fill: "var(--color-text)" },
  };
  const codeAxis = { dataKey: "code", tick: { fill: "var(--color-text)" } };
  const rows = orientation === "rows";

  return (
    <BarChart
      className={styles.chart}
      accessibilityLayer
      responsive
      title={title}
      desc={summary}
      data={data}
      layout={rows ? "vertical" : "horizontal"}
      style={{ width: "100%", height }}
      margin={rows ? { top: 4, right: 132, bottom: 4, left: 8 } : { top: 24, right: 8, bottom: 4, left: 0 }}
    >
      <CartesianGrid horizontal={!rows} vertical={rows} strokeDasharray="3 3" />
      {rows ? <XAxis type="number" {...percentAxis} /> : <XAxis {...codeAxis} />}
      {rows ? <YAxis type="category" width={48} {...codeAxis} /> : <YAxis width={56} {...percentAxis} />}
      <Tooltip content={renderTooltip} isAnimationActive={animate} cursor={{ fill: "rgb(0 0 0 / 0.06)" }} />
      <Bar dataKey="percent" shape={barShape} isAnimationActive={animate} background={{ fill: "#eef0f3" }} maxBarSize={rows ? undefined : 72}>
        <LabelList dataKey="barLabel" position={rows ? "right" : "top"} fill="var(--color-text)" />
      </Bar>
    </BarChart>
  );
}
