import type { ProgressBarDatum } from "@/components/charts/progress-bar-chart";
import type { DisplayStatus } from "@/lib/vocabulary";

/** One vision as a bar: its rolled-up percent, status in words, and how much of it is assessed. */
export function visionBar(
  vision: { code: string; percent: number; status: DisplayStatus },
  title: string,
  text: { value: string; status: string; coverage: string },
): ProgressBarDatum {
  return {
    code: vision.code,
    title,
    percent: vision.percent,
    barLabel: `${text.value} · ${text.status}`,
    details: [`${text.status} · ${text.value}`, text.coverage],
    fill: `var(--status-${vision.status})`,
  };
}
