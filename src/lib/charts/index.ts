/** Build-time SVG charts: pure functions from numbers to {svg, summary, table}. No DOM, no Astro. */
export type { ChartResult, ChartTable, Limit, Mark, ChartBase } from './types';
export { escapeXml } from './escape';
export { lineChart, lineSummary, type LineChartInput, type LineSeries, type LinePoint } from './line';
export { barChart, type BarChartInput, type BarItem } from './bar';
export { stripChart, type StripChartInput, type StripPoint } from './strip';
export { histogram, type HistogramInput, type HistogramMark, type HistogramBand } from './histogram';
export { stackedBar, type StackedInput, type StackedRow } from './stacked';
export { PALETTE, stableId } from './frame';
export { classSizeMarks, type ThresholdLookup } from './class-size-marks';
