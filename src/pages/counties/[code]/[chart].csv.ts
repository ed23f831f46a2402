import type { APIRoute } from 'astro';
import { pagePortal } from '../../../lib/views/page-context';
import { countyChartFiles } from '../../../lib/views/county';
import { portalBoundaries } from '../../../lib/charts/map-boundaries';

// /counties/<code>/<chart id>.csv: the numbers of one chart of the county page (Excel-ready CSV).
export async function getStaticPaths() {
  const p = await pagePortal();
  return countyChartFiles(p, portalBoundaries(p));
}

export const GET: APIRoute = ({ props }) => new Response((props as { csv: string }).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
