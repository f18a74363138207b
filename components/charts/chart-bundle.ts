// One module (one chunk) for every chart, so the charts of a page appear together once recharts has loaded.
export { ProgressBarChart } from "./progress-bar-chart";
export { ProgressOverTimeChart } from "./progress-over-time-chart";
export { StatusDistributionChart } from "./status-distribution-chart";
