"use client";

import { useFormatter } from "next-intl";
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import styles from "./charts.module.css";
import { usePrefersReducedMotion } from "./use-prefers-reduced-motion";
import type { ProgressSeries } from "./series-styles";
import { monthTicks } from "./time-ticks";

export type ProgressOverTimeDatum = {
  /** The assessment date as UTC milliseconds, so the axis spaces dates by real time. */
  time: number;
  /** The date as the page shows it. */
  dateLabel: string;
  values: Record<string, number | null>;
};

const TICKS = [0, 25, 50, 75, 100];
const DAY_MS = 86_400_000;
// Keeps a single date, or the first and last, off the chart's edges.
const PAD_MS = 20 * DAY_MS;
const DATE_TICK = { month: "short", year: "numeric", timeZone: "UTC" } as const;

/**
 * Percent over time, one line per series, on a fixed 0–100% scale. Each
 * line steps: a value holds until the next published assessment.
 */
export function ProgressOverTimeChart({
  data,
  series,
  title,
  summary,
  height,
}: {
  data: ProgressOverTimeDatum[];
  series: ProgressSeries[];
  title: string;
  summary: string;
  /** In CSS pixels; the server reserves the same space before the chart draws. */
  height: number;
}) {
  const format = useFormatter();
  const animate = !usePrefersReducedMotion();
  const times = data.map((d) => d.time);
  const domain: [number, number] = [Math.min(...times) - PAD_MS, Math.max(...times) + PAD_MS];
  const ticks = monthTicks(domain[0], domain[1]);
  const renderTooltip = ({ active, label }: TooltipContentProps) => {
    const datum = data.find((d) => d.time === label);
    return (
      <div className={styles.tooltip} role="status">
        {active && datum ? (
          <>
            <p className={styles.tooltipTitle}>{datum.dateLabel}</p>
            {series.map((s) => {
              const value = datum.values[s.key];
              return value === null || value === undefined ? null : (
                <p key={s.key}>
                  {s.name}: {format.number(value / 100, { style: "percent", maximumFractionDigits: 1 })}
                </p>
              );
            })}
          </>
        ) : null}
      </div>
    );
  };
  return (
    <LineChart
      className={styles.chart}
      accessibilityLayer
      responsive
      title={title}
      desc={summary}
      data={data}
      style={{ width: "100%", height }}
      margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
    >
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis
        dataKey="time"
        type="number"
        scale="time"
        domain={domain}
        ticks={ticks}
        interval="preserveStartEnd"
        tickFormatter={(v: number) => format.dateTime(new Date(v), DATE_TICK)}
        tick={{ fill: "var(--color-text)" }}
      />
      <YAxis
        domain={[0, 100]}
        ticks={TICKS}
        width={56}
        tickFormatter={(v: number) => format.number(v / 100, { style: "percent" })}
        tick={{ fill: "var(--color-text)" }}
      />
      <Tooltip content={renderTooltip} isAnimationActive={animate} />
      {series.map((s) => (
        <Line
          key={s.key}
          type="stepAfter"
          dataKey={(d: ProgressOverTimeDatum) => d.values[s.key] ?? null}
          name={s.name}
          stroke={s.color}
          strokeWidth={s.width}
          strokeDasharray={s.dash ?? undefined}
          dot={{ r: 3, fill: s.color, strokeDasharray: "" }}
          activeDot={{ r: 5 }}
          connectNulls
          isAnimationActive={animate}
        />
      ))}
    </LineChart>
  );
}
