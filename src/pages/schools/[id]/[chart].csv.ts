import type { APIRoute } from 'astro';
import { pagePortal } from '../../../lib/views/page-context';
import { schoolChartFiles } from '../../../lib/views/school';

// /schools/<id>/<chart id>.csv: the numbers of one chart of the school page (Excel-ready CSV).
export async function getStaticPaths() {
  return schoolChartFiles(await pagePortal());
}

export const GET: APIRoute = ({ props }) => new Response((props as { csv: string }).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
