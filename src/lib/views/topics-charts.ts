/**
 * /topics/<topic>/<chart>.csv — the numbers of every chart on the topic pages, each a stable
 * anchor on its page (#large-share, #distribution, #spending, #admissions) and its own CSV.
 */
import type { Portal } from '../site/portal';
import { admissionsTopicView } from './topics-admissions';
import { classSizeTopicView } from './topics-class-size';
import { fundingTopicView } from './topics-funding';
import { tableCsv } from './shared';
import type { ViewChart } from './types';

export function topicCharts(p: Portal): { topic: string; chart: ViewChart }[] {
  if (!p.latestYear) return [];
  const cs = classSizeTopicView(p);
  return [
    { topic: 'class-size', chart: cs.shareChart },
    { topic: 'class-size', chart: cs.distribution.chart },
    { topic: 'funding', chart: fundingTopicView(p).chart },
    { topic: 'admissions', chart: admissionsTopicView(p).chart },
  ];
}

export function topicChartFiles(p: Portal): { params: { topic: string; chart: string }; props: { csv: string } }[] {
  return topicCharts(p).map(({ topic, chart }) => ({ params: { topic, chart: chart.id! }, props: { csv: tableCsv(chart.table) } }));
}
