import type { APIRoute } from 'astro';
import { pagePortal } from '../../../lib/views/page-context';
import { topicChartFiles } from '../../../lib/views/topics-charts';

// /topics/<topic>/<chart id>.csv: the numbers of one chart of a topic page (Excel-ready CSV).
export async function getStaticPaths() {
  return topicChartFiles(await pagePortal());
}

export const GET: APIRoute = ({ props }) => new Response((props as { csv: string }).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
