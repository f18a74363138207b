"use client";

import dynamic from "next/dynamic";

/*
 * The charts as the pages use them: recharts (about 120 kB gzipped) is
 * fetched only by pages that draw a chart, after the page itself has
 * loaded, instead of being part of every public page's first load. The
 * server still renders each chart's title, summary and data table, and
 * ChartFigure reserves the chart's height, so nothing jumps when it draws.
 * All three come from one chunk, so a page's charts appear together.
 */
export const ProgressBarChart = dynamic(() => import("./chart-bundle").then((m) => m.ProgressBarChart), {
  ssr: false,
  loading: () => null,
});

export const ProgressOverTimeChart = dynamic(() => import("./chart-bundle").then((m) => m.ProgressOverTimeChart), {
  ssr: false,
  loading: () => null,
});

export const StatusDistributionChart = dynamic(() => import("./chart-bundle").then((m) => m.StatusDistributionChart), {
  ssr: false,
  loading: () => null,
});
