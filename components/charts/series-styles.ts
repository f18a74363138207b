/**
 * How each line of a progress-over-time chart is drawn. Lines differ in
 * dash pattern as well as colour, so they stay apart in greyscale and for
 * readers who cannot tell the colours apart; the colours are from a
 * colour-blind-safe palette and each keeps at least 3:1 against white.
 */
export type SeriesStyle = { color: string; dash: string | null; width: number };

export const PLAN_SERIES_STYLE: SeriesStyle = { color: "#1b1f24", dash: null, width: 3 };

const VISION_STYLES: readonly SeriesStyle[] = [
  { color: "#0072b2", dash: "8 4", width: 2 },
  { color: "#c44e00", dash: "2 3", width: 2 },
  { color: "#00805e", dash: "12 3 3 3", width: 2 },
  { color: "#aa4499", dash: "5 5", width: 2 },
  { color: "#7a5c12", dash: "1 4", width: 2.5 },
];

export function seriesStyleAt(index: number): SeriesStyle {
  return VISION_STYLES[index % VISION_STYLES.length] ?? PLAN_SERIES_STYLE;
}

/** One line of the chart: which value of each datum it draws, its name in the page language, and its style. */
export type ProgressSeries = SeriesStyle & { key: string; name: string };
